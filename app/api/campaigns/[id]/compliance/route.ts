// GET /api/campaigns/:id/compliance – calls placed, rules and jurisdictions applied, recording decisions, violations
import { getDb } from '@/db';
import { withUser } from '@/lib/api/handler';
import { getCampaignOrThrow } from '@/lib/services/campaigns';
import { complianceCampaignOf, complianceReport } from '@/lib/services/compliance';

export const GET = withUser(async ({ params, user }) => {
  const db = await getDb();
  const campaign = await getCampaignOrThrow(db, { userId: user.id, campaignId: params.id });
  return complianceReport(db, { campaignId: campaign.id, campaign: complianceCampaignOf(campaign.config) });
});
