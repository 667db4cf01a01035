// GET/PATCH/PUT/DELETE /api/campaigns/:id – read, edit (only the fields sent; PUT is the same) or delete one campaign
import { getDb } from '@/db';
import { jsonBody, withUser } from '@/lib/api/handler';
import { appClock } from '@/lib/clock';
import { parseOrThrow } from '@/lib/errors';
import { deleteCampaign, getCampaignOrThrow, presentCampaign, updateCampaign, updateCampaignBody } from '@/lib/services/campaigns';

export const GET = withUser(async ({ params, user }) => presentCampaign(await getCampaignOrThrow(await getDb(), { userId: user.id, campaignId: params.id })));

export const PATCH = withUser(async ({ req, params, user }) => {
  const input = parseOrThrow(updateCampaignBody, await jsonBody(req));
  return updateCampaign(await getDb(), { userId: user.id, campaignId: params.id, input, now: appClock().now() });
});

// PUT is kept for existing clients and behaves as PATCH: it never resets a setting it was not sent.
export const PUT = PATCH;

export const DELETE = withUser(async ({ params, user }) => deleteCampaign(await getDb(), { userId: user.id, campaignId: params.id }));
