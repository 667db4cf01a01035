// POST /api/campaigns/:id/clone – a new draft with this campaign's settings (not its leads or calls)
import { withUser } from '@/lib/api/handler';
import { appClock } from '@/lib/clock';
import { cloneCampaign } from '@/lib/services/campaigns';

export const POST = withUser(async ({ db, params, user, workspace }) => cloneCampaign(db, { workspaceId: workspace.id, userId: user.id, campaignId: params.id, now: appClock().now() }), {
  status: 201,
  limit: 'create',
  idempotent: true,
  location: (campaign: { id: string }) => `/api/campaigns/${campaign.id}`,
});
