// One call event applied on its own (the dialer's results, the agent's report, recovery): a batch of one of
// apply-call-events.ts, in its own transaction. The rule of what an event changes is call-changes.ts.
import { and, asc, eq, sql } from 'drizzle-orm';
import { schema, type Queryable, type Db } from '@/db';
import type { CallEvent } from '@/shared/contracts/call-events';
import { applyCallEvents, type ApplyResult } from './apply-call-events';

export { callChanges } from './call-changes';
export type { ApplyResult } from './apply-call-events';

/** Applies the event to its call; `applied: false` for a duplicate or a call that does not exist. */
export async function applyCallEvent(db: Db, event: CallEvent, { now }: { now: Date }): Promise<ApplyResult> {
  const [outcome] = await applyCallEvents(db, [{ callId: event.callId, events: () => [event], now }]);
  return outcome.results[0] ?? { applied: false, callId: event.callId };
}

/**
 * The first provisional end stored for a call (a lead who left before answering, as the room saw it),
 * as the event it was; undefined when there is none.
 */
export async function storedProvisionalEnd(db: Queryable, callId: string): Promise<Extract<CallEvent, { type: 'ended' }> | undefined> {
  const [row] = await db
    .select({ id: schema.callEvents.id, payload: schema.callEvents.payload, occurredAt: schema.callEvents.occurredAt })
    .from(schema.callEvents)
    .where(and(eq(schema.callEvents.callId, callId), eq(schema.callEvents.type, 'ended'), sql`${schema.callEvents.payload}->>'provisional' = 'true'`))
    .orderBy(asc(schema.callEvents.occurredAt))
    .limit(1);
  if (!row) return undefined;
  const payload = row.payload as { reason: Extract<CallEvent, { type: 'ended' }>['reason']; detail?: string };
  return { id: row.id, callId, at: row.occurredAt, type: 'ended', reason: payload.reason, detail: payload.detail, provisional: true };
}
