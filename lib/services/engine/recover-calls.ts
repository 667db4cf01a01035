// Recovery: calls whose lease ran out with no news. The telephony is asked first (a live room
// extends the lease); otherwise a call that was never dialled is given back, and one that was
// is ended by the room's stored word on it (a provisional end) or else as failed (answered: completed, no later
// than LiveKit's longest call after its answer), so its lead goes through the normal retry rules. Calls that ended but were
// never settled (a crash before the follow-up ran, or no agent report) are settled here too.
import { and, inArray, isNotNull, isNull, lt, eq } from 'drizzle-orm';
import { schema, type Db } from '@/db';
import { inFlightCallStatuses, terminalCallStatuses } from '@/shared/statuses';
import { applyCallEvent, storedProvisionalEnd } from '@/lib/services/calls/apply-call-event';
import { isSettleable, settleCall } from '@/lib/services/calls/settle-call';
import type { Telephony } from '@/lib/telephony/types';
import { logger } from '@/lib/logger';
import { releaseClaim } from './claim-leads';
import { engineTiming } from './timing';

export type RecoveryReport = { released: number; failed: number; extended: number; ended: number; settled: number };

export async function recoverCalls({ db, telephony, clock }: { db: Db; telephony: Telephony; clock: () => Date }): Promise<RecoveryReport> {
  const now = clock();
  const report: RecoveryReport = { released: 0, failed: 0, extended: 0, ended: 0, settled: 0 };
  const stuck = await db
    .select()
    .from(schema.campaignCalls)
    .where(and(inArray(schema.campaignCalls.status, [...inFlightCallStatuses]), lt(schema.campaignCalls.leaseExpiresAt, now)))
    .limit(500);

  for (const call of stuck) {
    let state: 'active' | 'ended' | 'unknown' = 'unknown';
    try {
      if (call.roomName) state = await telephony.getCallState(call.roomName);
    } catch (error) {
      logger.child({ callId: call.id, campaignId: call.campaignId }).warn('could not ask the telephony about a stuck call', { error: String(error) });
      continue; // ask again next time rather than guess
    }
    if (state === 'active') {
      const lease = call.status === 'in_progress' ? engineTiming.inProgressLeaseMs : engineTiming.ringingLeaseMs;
      await db
        .update(schema.campaignCalls)
        .set({ leaseExpiresAt: new Date(now.getTime() + lease) })
        .where(and(eq(schema.campaignCalls.id, call.id), eq(schema.campaignCalls.status, call.status)));
      report.extended++;
      continue;
    }
    if (call.status === 'pending') {
      // Claimed but never dialled (the dialling step records itself first): give the lead back.
      if (await releaseClaim(db, { callId: call.id, now })) report.released++;
      continue;
    }
    const answered = call.status === 'in_progress';
    // The dial's own answer never came (its instance went away): the room's word on why the lead left is the best left.
    const left = answered ? undefined : await storedProvisionalEnd(db, call.id);
    const result = await applyCallEvent(
      db,
      left
        ? { ...left, id: `recovery:${call.id}`, provisional: false }
        : { id: `recovery:${call.id}`, callId: call.id, at: lostCallEnd(call, now), type: 'ended', reason: answered ? 'completed' : 'failed', detail: 'lost: no events before the lease ran out' },
      { now },
    );
    await result.followUp?.();
    if (answered || left) report.ended++;
    else report.failed++;
  }

  const unsettled = await db
    .select()
    .from(schema.campaignCalls)
    .where(and(inArray(schema.campaignCalls.status, [...terminalCallStatuses]), isNull(schema.campaignCalls.outcome), isNotNull(schema.campaignCalls.endedAt)))
    .limit(500);
  for (const call of unsettled) {
    if (!isSettleable(call, now)) continue;
    if ((await settleCall(db, { callId: call.id, now })).settled) report.settled++;
  }
  return report;
}

/**
 * When a call whose end was never heard ended, as far as is known: now, or for an answered call no later than LiveKit
 * hangs up on it. An upper bound either way, so its duration and cost are never under-counted, nor stretched to the
 * moment recovery noticed.
 */
export function lostCallEnd(call: { answeredAt: Date | null }, now: Date): Date {
  if (!call.answeredAt) return now;
  return new Date(Math.min(now.getTime(), call.answeredAt.getTime() + engineTiming.maxCallMs));
}
