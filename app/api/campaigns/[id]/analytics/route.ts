// GET /api/campaigns/:id/analytics – outcomes, connect rate, scores, calls per hour, funnel, cost
import { withUser } from '@/lib/api/handler';
import { campaignAnalytics } from '@/lib/services/analytics';
import { getCampaignOrThrow } from '@/lib/services/campaigns';

export const GET = withUser(async ({ db, params, workspace }) => {
  const campaign = await getCampaignOrThrow(db, { workspaceId: workspace.id, campaignId: params.id });
  return campaignAnalytics(db, { campaignId: campaign.id, timezone: campaign.config.timezone });
});
