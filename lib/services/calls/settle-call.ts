// Tracking a call to its outcome, step two (after apply-call-event.ts): once a call has ended (and its agent report is in, or the grace
// period is over) settle it, in three jobs: judge it (judge-call.ts), bill it (call-cost.ts), and move its lead on
// (move-lead.ts): a retry at the next lawful moment, a terminal status, or the DNC list.
import { and, eq, isNull, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { schema, type Db } from '@/db';
import type { CampaignConfig } from '@/lib/services/campaigns/config';
import { engineTiming } from '@/lib/services/engine/timing';
import { logger } from '@/lib/logger';
import { isOneOf, terminalCallStatuses } from '@/shared/statuses';
import { announceWebhookEvents, settlementEvents } from '@/lib/services/webhooks/outbox';
import { billOf, chargeCampaign } from './call-cost';
import { judgeCall, scoringZone, unscoredVerdict, type Verdict } from './judge-call';
import { moveLead } from './move-lead';

type CallRow = typeof schema.campaignCalls.$inferSelect;


/** A call can be settled once it has ended and, if it was a conversation, its report is in or overdue. */
export function isSettleable(call: Pick<CallRow, 'status' | 'outcome' | 'report' | 'endedAt' | 'endedReason'>, now: Date): boolean {
  if (!isOneOf(terminalCallStatuses, call.status) || call.outcome) return false;
  if (call.status !== 'completed' || call.report || call.endedReason === 'voicemail') return true;
  return !!call.endedAt && now.getTime() - call.endedAt.getTime() >= engineTiming.reportGraceMs;
}

export async function settleCall(db: Db, { callId, now }: { callId: string; now: Date }): Promise<{ settled: boolean; outcome?: string }> {
  // Events keep arriving while a call is judged (scoring takes time): judge again if they changed it.
  for (let attempt = 0; attempt < 5; attempt++) {
    const result = await settleOnce(db, callId, now);
    if (result !== 'stale') return result;
  }
  return { settled: false };
}

type Settlement = { call: CallRow; workspaceId: string; config: CampaignConfig; lead: { phone: string; timezone: string | null } };

/** The call with what judging it needs from its campaign and lead, in one read. */
async function readSettlement(db: Db, callId: string): Promise<Settlement | undefined> {
  const [row] = await db
    .select({
      call: schema.campaignCalls,
      workspaceId: schema.campaigns.workspaceId,
      config: schema.campaigns.config,
      lead: { phone: schema.leads.phone, timezone: schema.leads.timezone },
    })
    .from(schema.campaignCalls)
    .innerJoin(schema.campaigns, eq(schema.campaigns.id, schema.campaignCalls.campaignId))
    .innerJoin(schema.leads, eq(schema.leads.id, schema.campaignCalls.leadId))
    .where(eq(schema.campaignCalls.id, callId));
  return row;
}

const sameAs = <T>(column: AnyPgColumn, value: T | null): SQL => (value === null ? isNull(column) : eq(column, value));

/**
 * What the verdict was judged from, as a condition on the call's row: an event that changed any of it before the
 * write makes the verdict stale. The write is conditional, so the call is never read a second time under lock.
 */
function unchangedSince(call: CallRow): SQL {
  const c = schema.campaignCalls;
  return and(
    eq(c.id, call.id),
    isNull(c.outcome),
    eq(c.status, call.status),
    sameAs(c.endedReason, call.endedReason),
    sameAs(c.answeredAt, call.answeredAt),
    sameAs(c.endedAt, call.endedAt),
    sameAs(c.report, call.report),
    sameAs(c.transcript, call.transcript),
  )!;
}

async function settleOnce(db: Db, callId: string, now: Date): Promise<{ settled: boolean; outcome?: string } | 'stale'> {
  const read = await readSettlement(db, callId);
  if (!read || !isSettleable(read.call, now)) return { settled: false };
  const { call, workspaceId, config } = read;

  // Scoring may call a model: it runs outside any transaction.
  let verdict: Verdict;
  try {
    verdict = await judgeCall(call, config, scoringZone(read.lead, config), now);
  } catch (error) {
    logger.error('scoring failed; settling unscored', { callId, error: String(error) });
    verdict = unscoredVerdict;
  }
  const { billableMinutes, cost } = billOf(call, config);

  const settled = await db.transaction(async (tx) => {
    const [written] = await tx
      .update(schema.campaignCalls)
      .set({ outcome: verdict.outcome, outcomeNote: verdict.note, score: verdict.score, qualification: verdict.qualification, scoredBy: verdict.scoredBy, billableMinutes, cost, updatedAt: now })
      .where(unchangedSince(call))
      .returning();
    if (!written) {
      // Settled meanwhile by another settler (or deleted): nothing to do; otherwise an event changed the evidence.
      const [current] = await tx.select({ outcome: schema.campaignCalls.outcome }).from(schema.campaignCalls).where(eq(schema.campaignCalls.id, callId));
      return !current || current.outcome ? { settled: false } : ('stale' as const);
    }
    await chargeCampaign(tx, call.campaignId, cost);
    await moveLead(tx, { call, workspaceId, config, verdict, now });
    const webhooks = await settlementEvents(tx, { call: written, workspaceId, optOut: verdict.optOut, now });
    return { settled: true, outcome: verdict.outcome, webhooks };
  });
  if (settled === 'stale') return settled;
  if ('webhooks' in settled && settled.webhooks) announceWebhookEvents();
  return { settled: settled.settled, ...(settled.outcome ? { outcome: settled.outcome } : {}) };
}
