// GET /api/campaigns/:id/leads – the campaign's leads, paginated, searchable, filtered by status;
// POST /api/campaigns/:id/leads – add one lead (201, Location; honours Idempotency-Key)
import { jsonBody, queryOf, withUser } from '@/lib/api/handler';
import { appClock } from '@/lib/clock';
import { parseOrThrow } from '@/lib/errors';
import { addLead, addLeadBody, listLeads, listLeadsQuery } from '@/lib/services/leads';

export const GET = withUser(async ({ db, req, params, workspace }) => {
  const query = parseOrThrow(listLeadsQuery, queryOf(req), 'bad_request');
  return listLeads(db, { workspaceId: workspace.id, campaignId: params.id, ...query });
});

export const POST = withUser(
  async ({ db, req, params, workspace }) => {
    const input = parseOrThrow(addLeadBody, await jsonBody(req));
    return addLead(db, { workspaceId: workspace.id, campaignId: params.id, input, now: appClock().now() });
  },
  { status: 201, idempotent: true, location: (lead: { id: string; campaignId: string }) => `/api/campaigns/${lead.campaignId}/leads/${lead.id}` },
);
