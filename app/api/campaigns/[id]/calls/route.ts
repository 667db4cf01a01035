// GET /api/campaigns/:id/calls – call history, paginated, filtered by status or outcome
import { queryOf, withUser } from '@/lib/api/handler';
import { parseOrThrow } from '@/lib/errors';
import { listCalls, listCallsQuery } from '@/lib/services/calls';
import { getCampaignOrThrow } from '@/lib/services/campaigns';

export const GET = withUser(async ({ db, req, params, workspace }) => {
  const query = parseOrThrow(listCallsQuery, queryOf(req), 'bad_request');
  await getCampaignOrThrow(db, { workspaceId: workspace.id, campaignId: params.id });
  return listCalls(db, { campaignId: params.id, ...query });
});
