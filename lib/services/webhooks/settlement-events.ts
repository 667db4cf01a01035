// The events of a call's settlement: call.ended (outcome, cost, recording, transcript), call.scored when it
// was scored, then lead.qualified or lead.opted_out, in that order for the call. Written in the
// settlement's transaction; when the call was recorded and its recording has not come in yet, they are
// held on the call row (`webhooks_held`) and written when the recording arrives (apply-call-event) or the
// wait is over (releaseOverdueSettlements, from the delivery job), so call.ended carries the link.
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { schema, type Db, type Queryable } from '@/db';
import { campaignSubscriptions, enqueueWebhookEvent } from './enqueue-webhook-event';
import { callBaseOf, callEndedDataOf, callSubject, type CallSubject } from './events';

type CallRow = typeof schema.campaignCalls.$inferSelect;
export type HeldSettlement = { until: string; optOut: boolean };

/** How long call.ended waits for a recorded call's recording. */
export const recordingWaitMs = 60_000;

const recorded = new Set(['disclosed', 'recorded_one_party']);

/** Whether a recording is still to come for this settled call. */
export const awaitsRecording = (call: Pick<CallRow, 'answeredAt' | 'recordingConsent' | 'recordingUrl'>) => !!call.answeredAt && recorded.has(call.recordingConsent ?? '') && !call.recordingUrl;

export async function enqueueSettlementEvents(tx: Queryable, { call, workspaceId, optOut, now }: { call: CallRow; workspaceId: string; optOut: boolean; now: Date }): Promise<number> {
  // One probe for the four events; a workspace without endpoints stops here.
  const { endpoints: subscriptions } = await campaignSubscriptions(tx, call.campaignId);
  if (subscriptions.length === 0) return 0;
  let subject: CallSubject | undefined;
  const about = async () => (subject ??= await callSubject(tx, call));
  const base = async () => callBaseOf(await about());
  const orderingKey = call.id;
  let sent = await enqueueWebhookEvent(tx, { workspaceId, subscriptions, type: 'call.ended', orderingKey, now, data: async () => callEndedDataOf(await about()) });
  const qualification = call.qualification as { criteria?: Record<string, unknown>; perCriterion?: Record<string, unknown>[]; nextAction?: unknown } | null;
  if (qualification) {
    sent += await enqueueWebhookEvent(tx, {
      workspaceId,
      subscriptions,
      type: 'call.scored',
      orderingKey,
      now,
      data: async () => ({
        ...(await base()),
        score: call.score,
        outcome: call.outcome ?? call.status,
        criteria: qualification.criteria ?? {},
        perCriterion: qualification.perCriterion ?? [],
        nextAction: qualification.nextAction ?? null,
        notes: call.outcomeNote,
        scoredBy: call.scoredBy,
      }),
    });
  }
  if (call.outcome === 'qualified') {
    sent += await enqueueWebhookEvent(tx, { workspaceId, subscriptions, type: 'lead.qualified', orderingKey, now, data: async () => ({ ...(await base()), score: call.score }) });
  }
  if (optOut) {
    sent += await enqueueWebhookEvent(tx, { workspaceId, subscriptions, type: 'lead.opted_out', orderingKey, now, data: async () => ({ ...(await base()), at: now.toISOString(), source: 'call' as const }) });
  }
  return sent;
}

/** At settlement: the events now, or held for the recording. */
export async function settlementEvents(tx: Queryable, { call, workspaceId, optOut, now }: { call: CallRow; workspaceId: string; optOut: boolean; now: Date }): Promise<number> {
  if (awaitsRecording(call) && (await campaignSubscriptions(tx, call.campaignId)).endpoints.length > 0) {
    const held: HeldSettlement = { until: new Date(Math.max(now.getTime(), (call.endedAt ?? now).getTime()) + recordingWaitMs).toISOString(), optOut };
    await tx.update(schema.campaignCalls).set({ webhooksHeld: held }).where(eq(schema.campaignCalls.id, call.id));
    return 0;
  }
  return enqueueSettlementEvents(tx, { call, workspaceId, optOut, now });
}

/** Writes a call's held events (its recording came, or the wait is over) and clears the hold; the call row is locked by the caller. */
export async function releaseHeldSettlement(tx: Queryable, { call, now }: { call: CallRow; now: Date }): Promise<number> {
  const held = call.webhooksHeld as HeldSettlement | null;
  if (!held) return 0;
  await tx.update(schema.campaignCalls).set({ webhooksHeld: null }).where(eq(schema.campaignCalls.id, call.id));
  const [owner] = await tx.select({ workspaceId: schema.campaigns.workspaceId }).from(schema.campaigns).where(eq(schema.campaigns.id, call.campaignId));
  return enqueueSettlementEvents(tx, { call: { ...call, webhooksHeld: null }, workspaceId: owner.workspaceId, optOut: held.optOut, now });
}

/** Held settlements whose recording did not come in time: sent without it. Any instance may run it. */
export async function releaseOverdueSettlements(db: Db, { now, limit = 100 }: { now: Date; limit?: number }): Promise<number> {
  return db.transaction(async (tx) => {
    const c = schema.campaignCalls;
    const due = await tx
      .select()
      .from(c)
      .where(and(isNotNull(c.webhooksHeld), sql`(${c.webhooksHeld}->>'until')::timestamptz <= ${now.toISOString()}::timestamptz`))
      .limit(limit)
      .for('update', { skipLocked: true });
    let sent = 0;
    for (const call of due) sent += await releaseHeldSettlement(tx, { call, now });
    return sent;
  });
}
