// PATCH/PUT /api/campaigns/:id/leads/:leadId – edit a lead's details (only the fields sent; PUT is the same)
import { jsonBody, withUser } from '@/lib/api/handler';
import { appClock } from '@/lib/clock';
import { parseOrThrow } from '@/lib/errors';
import { updateLead, updateLeadBody } from '@/lib/services/leads';

export const PUT = withUser(async ({ db, req, params, workspace }) => {
  const input = parseOrThrow(updateLeadBody, await jsonBody(req));
  return updateLead(db, { workspaceId: workspace.id, campaignId: params.id, leadId: params.leadId, input, now: appClock().now() });
});

export const PATCH = PUT;
