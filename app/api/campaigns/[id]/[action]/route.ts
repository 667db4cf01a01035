// POST /api/campaigns/:id/start|pause|resume|stop – move the campaign through its lifecycle
import { getDb } from '@/db';
import { withUser } from '@/lib/api/handler';
import { appClock } from '@/lib/clock';
import { notFound } from '@/lib/errors';
import { lifecycleActions, transitionCampaign, type LifecycleAction } from '@/lib/services/campaigns';

export const POST = withUser(async ({ params, user }) => {
  const action = params.action as LifecycleAction;
  if (!lifecycleActions.includes(action)) throw notFound(`Action ${params.action}`);
  return transitionCampaign(await getDb(), { userId: user.id, campaignId: params.id, action, now: appClock().now() });
});
