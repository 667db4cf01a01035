// Tracking a call to its outcome, step one (then settle-call.ts): apply one event to a call. Idempotent (each event id is stored
// once) and order-proof: every field only moves forward, so duplicates and late arrivals land
// on the same state as events in order. Settling the outcome (scoring, retries) is the slow
// part and is handed back as `followUp` for the caller to run after answering.
import { and, asc, eq, sql } from 'drizzle-orm';
import { schema, type Db } from '@/db';
import type { CallEvent } from '@/shared/contracts/call-events';
import { isOneOf, terminalCallStatuses, unansweredCallStatuses } from '@/shared/statuses';
import { engineTiming } from '@/lib/services/engine/timing';
import { logger } from '@/lib/logger';
import { announceCallEnded } from './call-ended-signal';
import { sealRecordingUrl, sealReport, sealTranscript } from './call-personal-data';
import { eventTimeWithinCall } from './event-time';
import { isSettleable, settleCall } from './settle-call';
import { announceWebhookEvents, callBaseOf, callSubject, campaignSubscriptions, enqueueWebhookEvent, releaseHeldSettlement } from '@/lib/services/webhooks/outbox';
import { rebillSettledCall } from './call-cost';

type CallRow = typeof schema.campaignCalls.$inferSelect;
type CallStatus = CallRow['status'];

// A call's status only moves forward: pending, then calling, then in_progress, then one of the terminal ones.
const rank: Record<CallStatus, number> = { pending: 0, calling: 1, in_progress: 2, completed: 3, failed: 3, no_answer: 3, busy: 3 };
const isTerminal = (status: CallStatus) => isOneOf(terminalCallStatuses, status);

const endedStatus = {
  completed: 'completed',
  voicemail: 'completed',
  no_answer: 'no_answer',
  busy: 'busy',
  failed: 'failed',
  invalid_number: 'failed',
} as const satisfies Record<Extract<CallEvent, { type: 'ended' }>['reason'], CallStatus>;

const earliest = (a: Date | null, b: Date) => (a && a < b ? a : b);

/** Someone picked up: LiveKit said so, or the agent reported a conversation (a stored transcript is never empty). */
const wasAnswered = (call: Pick<CallRow, 'answeredAt' | 'transcript'>) => !!call.answeredAt || !!call.transcript;

/**
 * Late proof of an answer (webhooks can arrive out of order) turns a call that ended as
 * unanswered into a completed one, and reopens its settlement so the outcome is judged again.
 */
function upgradeToAnswered(call: CallRow, changes: Partial<CallRow>) {
  if (!isOneOf(unansweredCallStatuses, call.status)) return;
  changes.status = 'completed';
  changes.outcome = null;
  changes.outcomeNote = null;
  changes.endedReason = 'completed';
}
const secondsBetween = (from: Date | null, to: Date | null) => (from && to ? Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000)) : null);

/** The change one event makes to a call, computed from the row as it is now. */
export function callChanges(call: CallRow, event: CallEvent): Partial<CallRow> {
  const changes: Partial<CallRow> = {};
  switch (event.type) {
    case 'dialing':
    case 'ringing':
      changes.dialedAt = earliest(call.dialedAt, event.at);
      if (rank[call.status] < rank.calling) {
        changes.status = 'calling';
        changes.leaseExpiresAt = new Date(event.at.getTime() + engineTiming.ringingLeaseMs);
      }
      break;
    case 'answered':
      changes.dialedAt = earliest(call.dialedAt, event.at);
      changes.answeredAt = earliest(call.answeredAt, event.at);
      if (rank[call.status] < rank.in_progress) {
        changes.status = 'in_progress';
        changes.leaseExpiresAt = new Date(event.at.getTime() + engineTiming.inProgressLeaseMs);
      }
      upgradeToAnswered(call, changes);
      break;
    case 'ended': {
      // The dial request of an unanswered call is still out and will say why; only store the room's word.
      if (event.provisional && !wasAnswered(call)) break;
      if (!isTerminal(call.status)) {
        // An answered call that LiveKit reports as ended is a completed conversation, whatever the reason says.
        changes.status = wasAnswered(call) && event.reason !== 'voicemail' ? 'completed' : endedStatus[event.reason];
        changes.endedAt = event.at;
        changes.leaseExpiresAt = null;
        changes.endedReason = event.reason === 'invalid_number' ? 'invalid_number' : (event.detail ?? event.reason);
        if (event.reason === 'voicemail') changes.endedReason = 'voicemail';
        if (changes.status === 'completed' && event.reason !== 'voicemail') changes.endedReason = 'completed';
      } else if (!call.endedAt || event.at < call.endedAt) {
        changes.endedAt = event.at;
      }
      break;
    }
    case 'report':
      changes.transcript = sealTranscript(event.transcript);
      changes.report = sealReport({
        answeringMachine: event.answeringMachine ?? false,
        optOut: event.optOut ?? false,
        callbackAt: event.callbackAt?.toISOString() ?? null,
        summary: event.summary ?? null,
        endedReason: event.endedReason ?? null,
        receivedAt: event.at.toISOString(),
      });
      if (event.transcript.length > 0 || event.answeringMachine) upgradeToAnswered(call, changes);
      break;
    case 'recording':
      changes.recordingUrl = sealRecordingUrl(event.url);
      break;
  }
  const answeredAt = changes.answeredAt ?? call.answeredAt;
  const endedAt = changes.endedAt ?? call.endedAt;
  if (answeredAt && endedAt) changes.durationSeconds = secondsBetween(answeredAt, endedAt);
  return changes;
}

/** `ignored`: why the event was not applied although it is well-formed (its time is outside the call's life). */
export type ApplyResult = { applied: boolean; callId: string; ignored?: string; followUp?: () => Promise<void> };

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * The first provisional end stored for a call (a lead who left before answering, as the room saw it),
 * as the event it was; undefined when there is none.
 */
export async function storedProvisionalEnd(db: Db | Tx, callId: string): Promise<Extract<CallEvent, { type: 'ended' }> | undefined> {
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

export async function applyCallEvent(db: Db, sent: CallEvent, { now }: { now: Date }): Promise<ApplyResult> {
  type Applied = { applied: boolean; settle: boolean; ended: boolean; campaignId?: string; ignored?: string; webhooks?: number };
  const result = await db.transaction(async (tx): Promise<Applied> => {
    const [call] = await tx.select().from(schema.campaignCalls).where(eq(schema.campaignCalls.id, sent.callId)).for('update');
    if (!call) return { applied: false, settle: false, ended: false };
    const time = eventTimeWithinCall(sent.at, { claimedAt: call.claimedAt, now });
    if (time.ignored !== undefined) {
      logger.child({ callId: call.id, campaignId: call.campaignId }).warn('call event ignored: its time is outside the call', { eventId: sent.id, type: sent.type, at: sent.at.toISOString(), claimedAt: call.claimedAt.toISOString(), why: time.ignored });
      return { applied: false, ignored: time.ignored, settle: false, ended: false };
    }
    const event: CallEvent = time.clamped ? { ...sent, at: time.at } : sent;
    const payload = time.clamped ? { ...eventPayload(event), sentAt: sent.at.toISOString() } : eventPayload(event);
    const [stored] = await tx
      .insert(schema.callEvents)
      .values({ id: event.id, callId: call.id, type: event.type, payload, occurredAt: event.at, receivedAt: now })
      .onConflictDoNothing()
      .returning({ id: schema.callEvents.id });
    if (!stored) return { applied: false, settle: false, ended: false };
    let changes = callChanges(call, event);
    if (event.type === 'answered' && !isTerminal(call.status)) {
      // The lead had already left by the time the dial's answer arrived: the conversation is over too.
      const left = await storedProvisionalEnd(tx, call.id);
      if (left) changes = { ...changes, ...callChanges({ ...call, ...changes }, { ...left, provisional: false }) };
    }
    const next = { ...call, ...changes };
    if (Object.keys(changes).length) {
      await tx
        .update(schema.campaignCalls)
        .set({ ...changes, updatedAt: now })
        .where(eq(schema.campaignCalls.id, call.id));
      // Settled before this event said how long the call lasted (an answer arriving after the end): bill it again.
      if (call.outcome) await rebillSettledCall(tx, next);
    }
    let webhooks = await enqueueCallProgress(tx, call, next, now);
    // The settled call's events waited for this recording: call.ended now carries its link.
    if (event.type === 'recording' && next.webhooksHeld) webhooks += await releaseHeldSettlement(tx, { call: next, now });
    return { applied: true, settle: isSettleable(next, now), ended: !isTerminal(call.status) && isTerminal(next.status), campaignId: call.campaignId, webhooks };
  });
  if (result.webhooks) announceWebhookEvents();
  // The line is free from this commit on: the dialer may refill it now, not at its next tick.
  if (result.ended && result.campaignId) announceCallEnded({ callId: sent.callId, campaignId: result.campaignId });
  return {
    applied: result.applied,
    callId: sent.callId,
    ...(result.ignored ? { ignored: result.ignored } : {}),
    followUp: result.settle ? () => settleCall(db, { callId: sent.callId, now }).then(() => undefined) : undefined,
  };
}

/**
 * call.started when the call first leaves `pending`, call.answered when it is first known answered; in the
 * event's transaction. call.ended waits for the settlement, which knows the outcome and the cost.
 */
async function enqueueCallProgress(tx: Tx, before: CallRow, after: CallRow, now: Date): Promise<number> {
  const started = before.status === 'pending' && after.status !== 'pending';
  const answered = !before.answeredAt && !!after.answeredAt;
  if (!started && !answered) return 0;
  // One probe for both events; an owner without endpoints stops here.
  const { workspaceId, endpoints: subscriptions } = await campaignSubscriptions(tx, after.campaignId);
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
}

/** What an event row keeps: ordering and deduplication need no words. The transcript, summary and recording URL live on the call, sealed. */
function eventPayload(event: CallEvent): Record<string, unknown> {
  const { id, callId, at, ...rest } = event;
  if (rest.type === 'report') {
    const { transcript, summary, ...facts } = rest;
    return { ...facts, turns: transcript.length, hasSummary: !!summary };
  }
  if (rest.type === 'recording') {
    const { url, ...facts } = rest;
    return facts;
  }
  return rest as Record<string, unknown>;
}
