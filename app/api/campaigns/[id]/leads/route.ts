// GET /api/campaigns/:id/leads – the campaign's leads, paginated, searchable, filtered by status
import { queryOf, withUser } from '@/lib/api/handler';
import { parseOrThrow } from '@/lib/errors';
import { listLeads, listLeadsQuery } from '@/lib/services/leads';

export const GET = withUser(async ({ db, req, params, workspace }) => {
  const query = parseOrThrow(listLeadsQuery, queryOf(req), 'bad_request');
  return listLeads(db, { workspaceId: workspace.id, campaignId: params.id, ...query });
});
