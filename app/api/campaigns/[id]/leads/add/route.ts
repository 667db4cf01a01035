// POST /api/campaigns/:id/leads/add – add one lead
import { jsonBody, withUser } from '@/lib/api/handler';
import { appClock } from '@/lib/clock';
import { parseOrThrow } from '@/lib/errors';
import { addLead, addLeadBody } from '@/lib/services/leads';

export const POST = withUser(
  async ({ db, req, params, workspace }) => {
    const input = parseOrThrow(addLeadBody, await jsonBody(req));
    return addLead(db, { workspaceId: workspace.id, campaignId: params.id, input, now: appClock().now() });
  },
  { status: 201 },
);
