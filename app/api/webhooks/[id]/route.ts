// PATCH /api/webhooks/:id – change what is sent { url?, events?, description?, enabled? }; DELETE – remove the endpoint
import { jsonBody, withUser } from '@/lib/api/handler';
import { appClock } from '@/lib/clock';
import { env } from '@/lib/env';
import { parseOrThrow } from '@/lib/errors';
import { deleteWebhookEndpoint, updateWebhookBody, updateWebhookEndpoint, webhookUrlPolicy } from '@/lib/services/webhooks';

export const PATCH = withUser(async ({ db, req, params, user }) => {
  const input = parseOrThrow(updateWebhookBody, await jsonBody(req));
  return updateWebhookEndpoint(db, { ownerId: user.id, id: params.id, input, policy: webhookUrlPolicy(env), now: appClock().now() });
});

export const DELETE = withUser(async ({ db, params, user }) => deleteWebhookEndpoint(db, { ownerId: user.id, id: params.id, now: appClock().now() }));
