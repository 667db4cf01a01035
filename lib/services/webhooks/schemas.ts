// The webhook endpoint API's bodies and queries.
import { z } from 'zod';
import { webhookEventType } from '@/shared/contracts/webhook-events';

const url = z.string({ message: 'url is required' }).trim().min(1, 'url is required').max(2048, 'url is at most 2048 characters');
const events = z
  .array(webhookEventType, { message: 'events must be a list of event types' })
  .min(1, 'events needs at least one event type')
  .transform((list) => [...new Set(list)]);
const description = z.string().trim().max(500, 'description is at most 500 characters').nullable();

export const createWebhookBody = z.strictObject({ url, events, description: description.optional() });
export type CreateWebhookBody = z.infer<typeof createWebhookBody>;

/** Only what is sent changes; `enabled: true` re-enables an endpoint that was disabled. */
export const updateWebhookBody = z.strictObject({ url: url.optional(), events: events.optional(), description: description.optional(), enabled: z.boolean({ message: 'enabled must be true or false' }).optional() });
export type UpdateWebhookBody = z.infer<typeof updateWebhookBody>;

export const listDeliveriesQuery = z.object({
  limit: z.coerce.number({ message: 'limit must be a number' }).int('limit must be a whole number').min(1, 'limit is at least 1').max(200, 'limit is at most 200').default(50),
});
