// POST /api/campaigns/:id/start|pause|resume|stop – move the campaign through its lifecycle
import { afterResponse } from '@/lib/api/after-response';
import { withUser } from '@/lib/api/handler';
import { appClock } from '@/lib/clock';
import { env } from '@/lib/env';
import { notFound } from '@/lib/errors';
import { runExecutorTick } from '@/lib/jobs';
import { lifecycleActions, transitionCampaign, type LifecycleAction } from '@/lib/services/campaigns';

export const POST = withUser(async ({ db, params, user, workspace }) => {
  const action = params.action as LifecycleAction;
  if (!lifecycleActions.includes(action)) throw notFound(`Action ${params.action}`);
  const campaign = await transitionCampaign(db, { workspaceId: workspace.id, userId: user.id, campaignId: params.id, action, now: appClock().now() });
  // Start dialling now rather than at the executor's next tick.
  if (campaign.status === 'active' && env.JOBS_ENABLED) afterResponse(runExecutorTick);
  return campaign;
});
