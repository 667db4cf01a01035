// PATCH /api/webhooks/:id – change what is sent { url?, events?, description?, enabled? }; DELETE – remove the endpoint
import { jsonBody, withUser } from '@/lib/api/handler';
import { appClock } from '@/lib/clock';
import { env } from '@/lib/env';
import { parseOrThrow } from '@/lib/errors';
import { deleteWebhookEndpoint, updateWebhookBody, updateWebhookEndpoint, webhookUrlPolicy } from '@/lib/services/webhooks';

// Webhooks send the workspace's calls and leads to another system: only an owner changes them.
export const PATCH = withUser(
  async ({ db, req, params, user, workspace }) => {
    const input = parseOrThrow(updateWebhookBody, await jsonBody(req));
    return updateWebhookEndpoint(db, { workspaceId: workspace.id, actorId: user.id, id: params.id, input, policy: webhookUrlPolicy(env), now: appClock().now() });
  },
  { can: 'webhooks.manage' },
);

export const DELETE = withUser(async ({ db, params, user, workspace }) => deleteWebhookEndpoint(db, { workspaceId: workspace.id, actorId: user.id, id: params.id, now: appClock().now() }), { can: 'webhooks.manage' });
