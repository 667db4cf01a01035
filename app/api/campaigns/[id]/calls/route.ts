// GET /api/campaigns/:id/calls – call history, paginated, filtered by status or outcome
import { queryOf, withUser } from '@/lib/api/handler';
import { parseOrThrow } from '@/lib/errors';
import { listCalls, listCallsQuery } from '@/lib/services/calls';

export const GET = withUser(async ({ db, req, params, workspace }) => {
  const query = parseOrThrow(listCallsQuery, queryOf(req), 'bad_request');
  return listCalls(db, { workspaceId: workspace.id, campaignId: params.id, ...query });
});
