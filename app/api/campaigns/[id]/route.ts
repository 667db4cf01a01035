// GET/PATCH/PUT/DELETE /api/campaigns/:id – read, edit (only the fields sent; PUT is the same) or delete one campaign
import { jsonBody, withUser } from '@/lib/api/handler';
import { appClock } from '@/lib/clock';
import { parseOrThrow } from '@/lib/errors';
import { deleteCampaign, getCampaign, updateCampaign, updateCampaignBody } from '@/lib/services/campaigns';

export const GET = withUser(async ({ db, params, workspace }) => getCampaign(db, { workspaceId: workspace.id, campaignId: params.id }));

export const PATCH = withUser(async ({ db, req, params, user, workspace }) => {
  const input = parseOrThrow(updateCampaignBody, await jsonBody(req));
  return updateCampaign(db, { workspaceId: workspace.id, userId: user.id, campaignId: params.id, input, now: appClock().now() });
});

// PUT is kept for existing clients and behaves as PATCH: it never resets a setting it was not sent.
export const PUT = PATCH;

export const DELETE = withUser(async ({ db, params, workspace }) => deleteCampaign(db, { workspaceId: workspace.id, campaignId: params.id }));
