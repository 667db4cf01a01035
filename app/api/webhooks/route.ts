// GET /api/webhooks – the workspace's endpoints; POST – add one { url, events, description? } → 201 { id, secret } (the secret shown once)
import { jsonBody, withUser } from '@/lib/api/handler';
import { appClock } from '@/lib/clock';
import { env } from '@/lib/env';
import { parseOrThrow } from '@/lib/errors';
import { createWebhookBody, createWebhookEndpoint, listWebhookEndpoints, webhookUrlPolicy } from '@/lib/services/webhooks';

export const GET = withUser(async ({ db, workspace }) => listWebhookEndpoints(db, { workspaceId: workspace.id }));

// Webhooks send the workspace's calls and leads to another system: only an owner sets them up. A retry
// with the same Idempotency-Key gets the first endpoint and its secret, not a second endpoint.
export const POST = withUser(
  async ({ db, req, user, workspace }) => {
    const input = parseOrThrow(createWebhookBody, await jsonBody(req));
    const endpoint = await createWebhookEndpoint(db, { workspaceId: workspace.id, actorId: user.id, input, policy: webhookUrlPolicy(env), now: appClock().now() });
    return Response.json(endpoint, { status: 201, headers: { Location: `/api/webhooks/${endpoint.id}` } });
  },
  { can: 'webhooks.manage', idempotent: true },
);
