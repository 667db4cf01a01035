// GET /api/campaigns/:id/compliance – calls placed, rules and jurisdictions applied, recording decisions, violations
import { withUser } from '@/lib/api/handler';
import { getCampaignOrThrow } from '@/lib/services/campaigns';
import { complianceCampaignOf, complianceReport } from '@/lib/services/compliance';

export const GET = withUser(async ({ db, params, workspace }) => {
  const campaign = await getCampaignOrThrow(db, { workspaceId: workspace.id, campaignId: params.id });
  return complianceReport(db, { campaignId: campaign.id, campaign: complianceCampaignOf(campaign.config) });
});
