// The two actions a person takes on deliveries: "send test event" and "send again".
import 'server-only';
import { and, eq } from 'drizzle-orm';
import { schema, type Db } from '@/db';
import { conflict, notFound } from '@/lib/errors';
import { isUuid } from '@/lib/services/campaigns/get-campaign-or-throw';
import { webhookTestEventType } from '@/shared/contracts/webhook-events';
import { getWebhookEndpointOrThrow } from './endpoints';
import { announceWebhookEvents } from './webhook-signal';
import { sealWebhookPayload } from './sealed-payload';

const disabledConflict = () => conflict('The endpoint is disabled: enable it first', { enabled: 'the endpoint is disabled' });

/** A `webhook.test` event for this endpoint alone, delivered like any other. */
export async function sendTestWebhook(db: Db, { workspaceId, id, now }: { workspaceId: string; id: string; now: Date }): Promise<{ eventId: string; deliveryId: string }> {
  const endpoint = await getWebhookEndpointOrThrow(db, { workspaceId, id });
  if (endpoint.disabledAt) throw disabledConflict();
  const sent = await db.transaction(async (tx) => {
    const payload = sealWebhookPayload({ type: webhookTestEventType, timestamp: now.toISOString(), data: { endpointId: endpoint.id, message: 'A test event from the outbound calling engine' } });
    const [event] = await tx.insert(schema.webhookEvents).values({ workspaceId, type: webhookTestEventType, payload, createdAt: now }).returning({ id: schema.webhookEvents.id });
    const [delivery] = await tx
      .insert(schema.webhookDeliveries)
      .values({ eventId: event.id, endpointId: endpoint.id, nextAttemptAt: now, retryWindowFrom: now, createdAt: now })
      .returning({ id: schema.webhookDeliveries.id });
    return { eventId: event.id, deliveryId: delivery.id };
  });
  announceWebhookEvents();
  return sent;
}

/** Sends a delivery again now (same `webhook-id`), with a fresh 24 hours of retries; a delivered one too. */
export async function retryWebhookDelivery(db: Db, { workspaceId, deliveryId, now }: { workspaceId: string; deliveryId: string; now: Date }) {
  if (!isUuid(deliveryId)) throw notFound('Webhook delivery');
  const d = schema.webhookDeliveries;
  const [found] = await db
    .select({ id: d.id, endpointId: d.endpointId, disabledAt: schema.webhookEndpoints.disabledAt })
    .from(d)
    .innerJoin(schema.webhookEndpoints, eq(schema.webhookEndpoints.id, d.endpointId))
    .where(and(eq(d.id, deliveryId), eq(schema.webhookEndpoints.workspaceId, workspaceId)));
  if (!found) throw notFound('Webhook delivery');
  if (found.disabledAt) throw disabledConflict();
  const [row] = await db
    .update(d)
    .set({ status: 'pending', nextAttemptAt: now, retryWindowFrom: now, deliveredAt: null })
    .where(eq(d.id, found.id))
    .returning({ id: d.id, status: d.status, nextAttemptAt: d.nextAttemptAt });
  announceWebhookEvents();
  return row;
}
