// The delivery job's one pass: claim due deliveries (any instance may run it: FOR UPDATE SKIP LOCKED, and
// a lease pushes a claimed delivery's due time out while its request is in flight), send them with a
// bounded concurrency and a request deadline, log each attempt, and schedule the retry, or give up
// after 24 hours and disable the endpoint with a notification. Nothing of the engine waits on this.
import 'server-only';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { schema, type Db } from '@/db';
import { logger } from '@/lib/logger';
import { nextAttemptAt } from './backoff';
import { postWebhook, type AttemptResult } from './send-webhook';
import type { UrlPolicy } from './url-policy';
import { openWebhookPayload } from './sealed-payload';

export type DeliverOptions = {
  db: Db;
  clock: () => Date;
  policy: UrlPolicy;
  /** Deliveries claimed per pass. */
  batch?: number;
  /** Requests in flight at once. */
  concurrency?: number;
  timeoutMs?: number;
  /** A claimed delivery is not claimed again for this long (longer than any request). */
  leaseMs?: number;
};

export type DeliverResult = { attempted: number; delivered: number; retrying: number; failed: number };

type Claimed = { id: string; eventId: string; endpointId: string; attempts: number; retryWindowFrom: Date; url: string; secret: string; workspaceId: string; payload: unknown };

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : ((result as { rows?: T[] }).rows ?? [])) as T[];
}

/**
 * Due deliveries of enabled endpoints, oldest first; a delivery waits while an earlier one with its
 * ordering key (the same call, the same campaign) is still pending for that endpoint, so each call's
 * events arrive in the order they happened.
 */
async function claimDue(db: Db, now: Date, batch: number, leaseMs: number): Promise<Claimed[]> {
  const at = now.toISOString();
  const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
  const claimed = rowsOf<{ id: string }>(
    await db.execute(sql`
      with due as (
        select d.id from webhook_deliveries d
        join webhook_endpoints e on e.id = d.endpoint_id and e.disabled_at is null
        where d.status = 'pending' and d.next_attempt_at <= ${at}::timestamptz
          and not exists (
            select 1 from webhook_deliveries p
            where p.endpoint_id = d.endpoint_id and p.ordering_key = d.ordering_key and p.status = 'pending' and p.seq < d.seq
          )
        order by d.next_attempt_at, d.seq
        limit ${batch}
        for update of d skip locked
      )
      update webhook_deliveries w set next_attempt_at = ${leaseUntil}::timestamptz, attempts = w.attempts + 1
      from due where w.id = due.id
      returning w.id`),
  );
  if (claimed.length === 0) return [];
  const d = schema.webhookDeliveries;
  const rows = await db
    .select({ id: d.id, eventId: d.eventId, endpointId: d.endpointId, attempts: d.attempts, retryWindowFrom: d.retryWindowFrom, seq: d.seq, url: schema.webhookEndpoints.url, secret: schema.webhookEndpoints.secret, workspaceId: schema.webhookEndpoints.workspaceId, payload: schema.webhookEvents.payload })
    .from(d)
    .innerJoin(schema.webhookEndpoints, eq(schema.webhookEndpoints.id, d.endpointId))
    .innerJoin(schema.webhookEvents, eq(schema.webhookEvents.id, d.eventId))
    .where(inArray(d.id, claimed.map((c) => c.id)));
  return rows.sort((a, b) => a.seq - b.seq);
}

/** The Standard Webhooks headers for one attempt; `webhook-id` is the event's id, the same on every retry. */
export function signedHeaders({ secret, eventId, body, at }: { secret: string; eventId: string; body: string; at: Date }): Record<string, string> {
  const signature = new Webhook(secret).sign(eventId, at, body);
  return { 'webhook-id': eventId, 'webhook-timestamp': String(Math.floor(at.getTime() / 1000)), 'webhook-signature': signature };
}

async function attempt(delivery: Claimed, { clock, policy, timeoutMs }: { clock: () => Date; policy: UrlPolicy; timeoutMs: number }): Promise<{ at: Date; result: AttemptResult }> {
  const at = clock();
  try {
    const body = JSON.stringify(openWebhookPayload(delivery.payload));
    const headers = signedHeaders({ secret: delivery.secret, eventId: delivery.eventId, body, at });
    return { at, result: await postWebhook({ url: delivery.url, body, headers }, { timeoutMs, policy }) };
  } catch (error) {
    return { at, result: { statusCode: null, error: String(error).slice(0, 500), durationMs: 0 } };
  }
}

type Verdict = 'delivered' | 'retrying' | 'failed';

async function record(db: Db, delivery: Claimed, { at, result }: { at: Date; result: AttemptResult }, now: Date): Promise<Verdict> {
  const ok = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
  const error = ok ? null : (result.error ?? `answered ${result.statusCode}`);
  const next = ok ? null : nextAttemptAt({ attempts: delivery.attempts, windowFrom: delivery.retryWindowFrom, now });
  const verdict: Verdict = ok ? 'delivered' : next ? 'retrying' : 'failed';
  await db.transaction(async (tx) => {
    await tx.insert(schema.webhookAttempts).values({ deliveryId: delivery.id, attemptedAt: at, statusCode: result.statusCode, durationMs: result.durationMs, error });
    const d = schema.webhookDeliveries;
    await tx
      .update(d)
      .set({
        lastStatusCode: result.statusCode,
        lastError: error,
        ...(verdict === 'delivered' ? { status: 'delivered' as const, deliveredAt: now } : {}),
        ...(verdict === 'retrying' ? { nextAttemptAt: next! } : {}),
        ...(verdict === 'failed' ? { status: 'failed' as const } : {}),
      })
      // Another instance took the delivery over after its lease ran out: its attempt counts, not this one's.
      .where(and(eq(d.id, delivery.id), eq(d.attempts, delivery.attempts), eq(d.status, 'pending')));
    if (verdict === 'failed') await disableEndpoint(tx, delivery, error!, now);
  });
  return verdict;
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

async function disableEndpoint(tx: Tx, delivery: Claimed, error: string, now: Date) {
  const e = schema.webhookEndpoints;
  const reason = `Deliveries failed for 24 hours (last: ${error})`;
  const [row] = await tx
    .update(e)
    .set({ disabledAt: now, disabledReason: reason, updatedAt: now })
    .where(and(eq(e.id, delivery.endpointId), isNull(e.disabledAt)))
    .returning({ url: e.url });
  if (!row) return;
  await tx.insert(schema.notifications).values({
    workspaceId: delivery.workspaceId,
    campaignId: null,
    kind: 'webhook_disabled',
    message: `Webhook endpoint ${row.url} was disabled: ${reason}. Fix it, then enable it again in Settings → Webhooks.`,
    createdAt: now,
  });
  logger.warn('webhook endpoint disabled', { endpointId: delivery.endpointId, reason });
}

/** One pass; call again while it returns a full batch. */
export async function deliverDueWebhooks({ db, clock, policy, batch = 100, concurrency = 10, timeoutMs = 10_000, leaseMs = 60_000 }: DeliverOptions): Promise<DeliverResult> {
  const due = await claimDue(db, clock(), batch, Math.max(leaseMs, timeoutMs * 2));
  const result: DeliverResult = { attempted: due.length, delivered: 0, retrying: 0, failed: 0 };
  let next = 0;
  const worker = async () => {
    while (next < due.length) {
      const delivery = due[next++];
      const outcome = await attempt(delivery, { clock, policy, timeoutMs });
      try {
        result[await record(db, delivery, outcome, clock())]++;
      } catch (error) {
        // The lease runs out and the delivery is tried again: at least once, never lost.
        logger.error('recording a webhook attempt failed', { deliveryId: delivery.id, error: String(error) });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, due.length) }, worker));
  return result;
}
