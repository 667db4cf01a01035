// The outbox is kept for the dashboard's delivery log and "send again" for 30 days, then removed with its
// deliveries and attempts; an event with a delivery still pending is kept whatever its age.
import { and, lt, notExists, eq, sql } from 'drizzle-orm';
import { schema, type Db } from '@/db';

export const webhookEventRetentionMs = 30 * 24 * 3600_000;

export async function pruneWebhookEvents(db: Db, { before }: { before: Date }): Promise<number> {
  const w = schema.webhookEvents;
  const d = schema.webhookDeliveries;
  const removed = await db
    .delete(w)
    .where(
      and(
        lt(w.createdAt, before),
        notExists(db.select({ one: sql`1` }).from(d).where(and(eq(d.eventId, w.id), eq(d.status, 'pending')))),
      ),
    )
    .returning({ id: w.id });
  return removed.length;
}
