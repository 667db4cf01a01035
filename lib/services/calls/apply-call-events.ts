// Tracking a call to its outcome, step one (then settle-call.ts): apply events to calls, any number in one transaction.
// Idempotent (each event id is stored once) and order-proof (call-changes.ts): duplicates and late arrivals land on the
// same state as events in order. The statements do not grow with the events: the calls are locked in one (in id order,
// so two batches never wait on each other in a cycle), their stored events read in one, the new events inserted in one
// and the changed calls written in one, so the rollup trigger on campaign_calls runs once for them all. In between, the
// events are applied in memory in arrival order, each to the call as the one before left it, exactly as one
// transaction per event would. Settling (scoring, retries) is the slow part and is handed back as `followUp`.
import { asc, eq, inArray, or, sql } from 'drizzle-orm';
import { schema, type Db, type Tx } from '@/db';
import type { CampaignConfig } from '@/lib/services/campaigns/config';
import { logger } from '@/lib/logger';
import type { CallEvent } from '@/shared/contracts/call-events';
import { announceWebhookEvents, callBaseOf, callSubject, campaignSubscriptions, enqueueWebhookEvent, releaseHeldSettlement } from '@/lib/services/webhooks/outbox';
import { announceCallEnded } from './call-ended-signal';
import { callChanges, eventPayload, isTerminal, type CallRow } from './call-changes';
import { moveSpend, rebillOf } from './call-cost';
import { eventTimeWithinCall } from './event-time';
import { isSettleable, settleCall } from './settle-call';

/** `ignored`: why the event was not applied although it is well-formed (its time is outside the call's life). */
export type ApplyResult = { applied: boolean; callId: string; ignored?: string; followUp?: () => Promise<void> };

type EndedEvent = Extract<CallEvent, { type: 'ended' }>;

/**
 * What is applied to one call: found by its id (the engine's own events) or by its LiveKit room (a webhook), with the
 * events it means for the call as it stands when its turn comes (what a webhook means depends on the call's status).
 * `now` is when it arrived.
 */
export type CallEventSource = { callId: string; roomName?: undefined; events: (call: CallRow) => CallEvent[]; now: Date } | { roomName: string; callId?: undefined; events: (call: CallRow) => CallEvent[]; now: Date };

/** Per source: whether its call exists, and each of its events' result. */
export type SourceOutcome = { found: boolean; results: ApplyResult[] };

/** An id to store was taken by another call's event: the batch is computed again with that id known. */
class EventIdsTaken extends Error {
  constructor(readonly ids: string[]) {
    super(`call event ids stored for another call: ${ids.join(', ')}`);
  }
}

/** Applies the sources in order in one transaction; announces ended calls and outbox events once it committed. */
export async function applyCallEvents(db: Db, sources: CallEventSource[]): Promise<SourceOutcome[]> {
  const taken = new Set<string>();
  for (let attempt = 0; ; attempt++) {
    try {
      const applied = await db.transaction((tx) => applyInTransaction(tx, sources, taken));
      if (applied.webhooks) announceWebhookEvents();
      // The line is free from this commit on: the dialer may refill it now, not at its next tick.
      for (const ended of applied.ended) announceCallEnded(ended);
      return applied.outcomes.map((outcome) => ({
        found: outcome.found,
        results: outcome.results.map(({ settle, ...result }) => (settle ? { ...result, followUp: () => settleCall(db, { callId: result.callId, now: settle }).then(() => undefined) } : result)),
      }));
    } catch (error) {
      if (!(error instanceof EventIdsTaken) || attempt >= 2) throw error;
      for (const id of error.ids) taken.add(id);
    }
  }
}

type Applied = Omit<ApplyResult, 'followUp'> & { settle?: Date };
type CallState = {
  row: CallRow;
  /** The columns the batch changed. */
  changed: Set<keyof CallRow>;
  /** The first provisional end stored for the call (the lead left before answering, as the room saw it). */
  firstLeft?: EndedEvent;
};
/** An event stored for a locked call: its id, when, and for a provisional end what it said. */
type StoredEvent = { id: string; at: string; left: { reason: EndedEvent['reason']; detail?: string } | null };
type Subscriptions = (campaignId: string) => ReturnType<typeof campaignSubscriptions>;
/** Outbox work, in the order the events asked for it, once the calls are written; resolves to the events enqueued. */
type Deferred = (tx: Tx, subscriptions: Subscriptions) => Promise<number>;

async function applyInTransaction(tx: Tx, sources: CallEventSource[], taken: ReadonlySet<string>) {
  const c = schema.campaignCalls;
  const ids = [...new Set(sources.flatMap((s) => (s.callId !== undefined ? [s.callId] : [])))];
  const rooms = [...new Set(sources.flatMap((s) => (s.roomName !== undefined ? [s.roomName] : [])))];
  // The calls locked, each with the events stored for it (ids, and the provisional ends' reasons), in one round trip.
  const locked = await tx
    .select({
      call: c,
      // Spelled out: drizzle leaves the columns of a one-table select unqualified, and both tables have an id.
      stored: sql<StoredEvent[]>`(select coalesce(json_agg(json_build_object('id', e.id, 'at', e.occurred_at, 'left', case when e.type = 'ended' and e.payload->>'provisional' = 'true' then e.payload end) order by e.occurred_at), '[]') from call_events e where e.call_id = campaign_calls.id)`,
    })
    .from(c)
    .where(or(ids.length ? inArray(c.id, ids) : undefined, rooms.length ? inArray(c.roomName, rooms) : undefined) ?? sql`false`)
    .orderBy(asc(c.id))
    .for('update');
  const calls = new Map(locked.map(({ call }): [string, CallState] => [call.id, { row: call, changed: new Set() }]));
  const byRoom = new Map(locked.flatMap(({ call }) => (call.roomName ? [[call.roomName, call.id] as const] : [])));
  const known = new Set(taken);
  for (const { call, stored } of locked) {
    for (const event of typeof stored === 'string' ? (JSON.parse(stored) as StoredEvent[]) : stored) {
      known.add(event.id);
      const state = calls.get(call.id)!;
      if (event.left && !state.firstLeft) state.firstLeft = { id: event.id, callId: call.id, at: new Date(event.at), type: 'ended', reason: event.left.reason, detail: event.left.detail, provisional: true };
    }
  }

  const inserts: (typeof schema.callEvents.$inferInsert)[] = [];
  const deferred: Deferred[] = [];
  const ended: { callId: string; campaignId: string }[] = [];
  const spend = new Map<string, number>();
  const configs = new Map<string, CampaignConfig>();
  const outcomes: { found: boolean; results: Applied[] }[] = [];

  for (const source of sources) {
    const callId = source.callId ?? byRoom.get(source.roomName!);
    const call = callId ? calls.get(callId) : undefined;
    if (!call) {
      outcomes.push({ found: false, results: [] });
      continue;
    }
    const results: Applied[] = [];
    for (const sent of source.events(call.row)) {
      const before = call.row;
      const { now } = source;
      const time = eventTimeWithinCall(sent.at, { claimedAt: before.claimedAt, now });
      if (time.ignored !== undefined) {
        logger.child({ callId: before.id, campaignId: before.campaignId }).warn('call event ignored: its time is outside the call', { eventId: sent.id, type: sent.type, at: sent.at.toISOString(), claimedAt: before.claimedAt.toISOString(), why: time.ignored });
        results.push({ applied: false, callId: before.id, ignored: time.ignored });
        continue;
      }
      const event: CallEvent = time.clamped ? { ...sent, at: time.at } : sent;
      if (known.has(event.id)) {
        results.push({ applied: false, callId: before.id });
        continue;
      }
      known.add(event.id);
      const payload = time.clamped ? { ...eventPayload(event), sentAt: sent.at.toISOString() } : eventPayload(event);
      inserts.push({ id: event.id, callId: before.id, type: event.type, payload, occurredAt: event.at, receivedAt: now });
      if (event.type === 'ended' && event.provisional && (!call.firstLeft || event.at < call.firstLeft.at)) call.firstLeft = { ...event, callId: before.id };

      let changes = callChanges(before, event);
      if (event.type === 'answered' && !isTerminal(before.status) && call.firstLeft) {
        // The lead had already left by the time the dial's answer arrived: the conversation is over too.
        changes = { ...changes, ...callChanges({ ...before, ...changes }, { ...call.firstLeft, provisional: false }) };
      }
      let next: CallRow = { ...before, ...changes };
      if (Object.keys(changes).length) {
        next.updatedAt = now;
        // Settled before this event said how long the call lasted (an answer arriving after the end): bill it again.
        const bill = before.outcome ? rebillOf(next, await configOf(tx, configs, next.campaignId)) : null;
        if (bill) {
          spend.set(next.campaignId, (spend.get(next.campaignId) ?? 0) + bill.cost - (next.cost ?? 0));
          next = { ...next, ...bill };
        }
        for (const key of Object.keys(changes) as (keyof CallRow)[]) call.changed.add(key);
        if (bill) call.changed.add('billableMinutes').add('cost');
        call.changed.add('updatedAt');
      }
      const progress = callProgress(before, next, now);
      if (progress) deferred.push(progress);
      if (event.type === 'recording' && next.webhooksHeld) {
        // The settled call's events waited for this recording: call.ended now carries its link.
        const held = next;
        deferred.push((tx) => releaseHeldSettlement(tx, { call: held, now }));
        next = { ...next, webhooksHeld: null };
      }
      call.row = next;
      if (!isTerminal(before.status) && isTerminal(next.status)) ended.push({ callId: next.id, campaignId: next.campaignId });
      results.push({ applied: true, callId: next.id, ...(isSettleable(next, now) ? { settle: now } : {}) });
    }
    outcomes.push({ found: true, results });
  }

  if (inserts.length) {
    const stored = await tx.insert(schema.callEvents).values(inserts).onConflictDoNothing().returning({ id: schema.callEvents.id });
    if (stored.length < inserts.length) {
      const storedIds = new Set(stored.map((s) => s.id));
      throw new EventIdsTaken(inserts.filter((i) => !storedIds.has(i.id)).map((i) => i.id));
    }
  }
  await writeCalls(tx, [...calls.values()].filter((call) => call.changed.size));
  for (const [campaignId, delta] of spend) await moveSpend(tx, campaignId, delta);
  // One outbox probe per campaign, however many of its calls start or are answered in the batch.
  const probes = new Map<string, ReturnType<typeof campaignSubscriptions>>();
  const subscriptions: Subscriptions = (campaignId) => {
    if (!probes.has(campaignId)) probes.set(campaignId, campaignSubscriptions(tx, campaignId));
    return probes.get(campaignId)!;
  };
  let webhooks = 0;
  for (const work of deferred) webhooks += await work(tx, subscriptions);
  return { outcomes, ended, webhooks };
}

async function configOf(tx: Tx, configs: Map<string, CampaignConfig>, campaignId: string): Promise<CampaignConfig> {
  let config = configs.get(campaignId);
  if (!config) {
    const [campaign] = await tx.select({ config: schema.campaigns.config }).from(schema.campaigns).where(eq(schema.campaigns.id, campaignId));
    config = campaign.config;
    configs.set(campaignId, config);
  }
  return config;
}

/**
 * The changed calls in one UPDATE, each column the batch changed set from the call as the batch left it. A column a
 * call did not change keeps its stored value (not a copy of it: a copy of a long transcript would be stored anew).
 */
async function writeCalls(tx: Tx, changed: CallState[]): Promise<void> {
  if (changed.length === 0) return;
  const c = schema.campaignCalls;
  const keys = [...new Set(changed.flatMap((call) => [...call.changed]))];
  const values = changed.map((call) => ({ ...Object.fromEntries(keys.map((key) => [c[key].name, call.row[key]])), id: call.row.id, changed: [...call.changed].map((key) => c[key].name) }));
  const recordType = sql.raw(['id uuid', 'changed text[]', ...keys.map((key) => `${c[key].name} ${c[key].getSQLType()}`)].join(', '));
  const set = sql.raw(keys.map((key) => `${c[key].name} = case when '${c[key].name}' = any(v.changed) then v.${c[key].name} else c.${c[key].name} end`).join(', '));
  await tx.execute(sql`update campaign_calls as c set ${set} from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v(${recordType}) where c.id = v.id`);
}

/**
 * call.started when the call first leaves `pending`, call.answered when it is first known answered; in the events'
 * transaction. call.ended waits for the settlement, which knows the outcome and the cost.
 */
function callProgress(before: CallRow, after: CallRow, now: Date): Deferred | undefined {
  const started = before.status === 'pending' && after.status !== 'pending';
  const answered = !before.answeredAt && !!after.answeredAt;
  if (!started && !answered) return undefined;
  return async (tx, subscriptionsOf) => {
    // An owner without endpoints stops here.
    const { workspaceId, endpoints: subscriptions } = await subscriptionsOf(after.campaignId);
    if (subscriptions.length === 0) return 0;
    let subject: Awaited<ReturnType<typeof callSubject>> | undefined;
    const base = async () => callBaseOf((subject ??= await callSubject(tx, after)));
    let sent = 0;
    if (started) {
      const startedAt = (after.dialedAt ?? after.answeredAt ?? now).toISOString();
      sent += await enqueueWebhookEvent(tx, { workspaceId, subscriptions, type: 'call.started', orderingKey: after.id, now, data: async () => ({ ...(await base()), startedAt }) });
    }
    if (answered) {
      const answeredAt = after.answeredAt!.toISOString();
      sent += await enqueueWebhookEvent(tx, { workspaceId, subscriptions, type: 'call.answered', orderingKey: after.id, now, data: async () => ({ ...(await base()), answeredAt }) });
    }
    return sent;
  };
}
