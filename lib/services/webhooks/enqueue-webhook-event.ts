// The outbox: an event is written inside the caller's transaction, beside the change it reports, so
// it is never lost (it commits with the change) and never sent for a change that rolled back. One
// delivery row per enabled endpoint of the workspace subscribed to the type.
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { schema, type Queryable } from '@/db';
import type { WebhookEventData, WebhookEventType } from '@/shared/contracts/webhook-events';
import { sealWebhookPayload } from './sealed-payload';

export type EnqueueInput<T extends WebhookEventType> = {
  workspaceId: string;
  type: T;
  /** The payload, or a function building it: called only when some endpoint is subscribed, so workspaces without endpoints pay one probe. */
  data: WebhookEventData<T> | (() => Promise<WebhookEventData<T>> | WebhookEventData<T>);
  /** Events with one key (a call id, a campaign id) reach each endpoint in the order written. */
  orderingKey?: string | null;
  now: Date;
};

/** The workspace's enabled endpoints subscribed to `type`. */
export function subscribedEndpoints(tx: Queryable, workspaceId: string, type: string) {
  return tx
    .select({ id: schema.webhookEndpoints.id })
    .from(schema.webhookEndpoints)
    .where(and(eq(schema.webhookEndpoints.workspaceId, workspaceId), isNull(schema.webhookEndpoints.disabledAt), sql`${type} = any(${schema.webhookEndpoints.events})`))
    .orderBy(asc(schema.webhookEndpoints.createdAt));
}

/**
 * The campaign's workspace's enabled endpoints and what each subscribes to, in one probe: a call's events
 * (on the engine's hot path) filter this in memory instead of asking per event type.
 */
export async function campaignSubscriptions(tx: Queryable, campaignId: string): Promise<{ workspaceId: string; endpoints: { id: string; events: string[] }[] }> {
  const rows = await tx
    .select({ workspaceId: schema.campaigns.workspaceId, id: schema.webhookEndpoints.id, events: schema.webhookEndpoints.events })
    .from(schema.campaigns)
    .leftJoin(schema.webhookEndpoints, and(eq(schema.webhookEndpoints.workspaceId, schema.campaigns.workspaceId), isNull(schema.webhookEndpoints.disabledAt)))
    .where(eq(schema.campaigns.id, campaignId))
    .orderBy(asc(schema.webhookEndpoints.createdAt));
  return { workspaceId: rows[0]?.workspaceId ?? '', endpoints: rows.flatMap((r) => (r.id && r.events ? [{ id: r.id, events: r.events }] : [])) };
}

/** Writes the event and its deliveries in the caller's transaction; returns how many endpoints will receive it. */
export async function enqueueWebhookEvent<T extends WebhookEventType>(
  tx: Queryable,
  { workspaceId, type, data, orderingKey = null, now, subscriptions }: EnqueueInput<T> & { subscriptions?: { id: string; events: string[] }[] },
): Promise<number> {
  const endpoints = subscriptions ? subscriptions.filter((e) => e.events.includes(type)) : await subscribedEndpoints(tx, workspaceId, type);
  // Most workspaces have no endpoint: no outbox row at all then.
  if (endpoints.length === 0) return 0;
  const payload = sealWebhookPayload({ type, timestamp: now.toISOString(), data: typeof data === 'function' ? await data() : data });
  const [event] = await tx
    .insert(schema.webhookEvents)
    .values({ workspaceId, type, payload, orderingKey, createdAt: now })
    .returning({ id: schema.webhookEvents.id });
  await tx
    .insert(schema.webhookDeliveries)
    .values(endpoints.map((e) => ({ eventId: event.id, endpointId: e.id, orderingKey, nextAttemptAt: now, retryWindowFrom: now, createdAt: now })));
  return endpoints.length;
}
