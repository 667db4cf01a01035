// GET /api/campaigns – the user's campaigns, paginated; POST /api/campaigns – create one
import { jsonBody, queryOf, withUser } from '@/lib/api/handler';
import { appClock } from '@/lib/clock';
import { parseOrThrow } from '@/lib/errors';
import { createCampaign, createCampaignBody, listCampaigns, listCampaignsQuery } from '@/lib/services/campaigns';

export const GET = withUser(async ({ db, req, workspace }) => {
  const query = parseOrThrow(listCampaignsQuery, queryOf(req), 'bad_request');
  return listCampaigns(db, { workspaceId: workspace.id, ...query });
});

export const POST = withUser(
  async ({ db, req, user, workspace }) => {
    const input = parseOrThrow(createCampaignBody, await jsonBody(req));
    return createCampaign(db, { workspaceId: workspace.id, userId: user.id, input, now: appClock().now() });
  },
  { status: 201, limit: 'create', idempotent: true, location: (campaign: { id: string }) => `/api/campaigns/${campaign.id}` },
);
