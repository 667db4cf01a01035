// Tracking a call to its outcome, step two (after apply-call-event.ts): once a call has ended (and its agent report is in, or the grace
// period is over) decide its outcome, score it, record its cost and move its lead on: a retry
// at the next lawful moment, a terminal status, or the DNC list.
import { and, eq, sql } from 'drizzle-orm';
import { schema, type Db, type Tx } from '@/db';
import type { CampaignConfig } from '@/lib/services/campaigns/config';
import { addToDnc } from '@/lib/services/dnc';
import { engineTiming } from '@/lib/services/engine/timing';
import { callOutcome, nextLawfulRetryAt, type CallOutcome } from '@/lib/services/engine/rules';
import { leadTimeZones } from '@/lib/services/compliance/lead-time-zones';
import { isValidTimeZone } from '@/lib/time-zones';
import { scoreCall, type ScoreResult } from '@/lib/services/qualification';
import { logger } from '@/lib/logger';
import { isOneOf, terminalCallStatuses } from '@/shared/statuses';
import { announceWebhookEvents, settlementEvents } from '@/lib/services/webhooks/outbox';
import { billableMinutesOf, costOf } from './call-cost';
import { openReport, openTranscript } from './call-personal-data';

type CallRow = typeof schema.campaignCalls.$inferSelect;
type Report = { answeringMachine?: boolean; optOut?: boolean; callbackAt?: string | null; summary?: string | null };


/** A call can be settled once it has ended and, if it was a conversation, its report is in or overdue. */
export function isSettleable(call: Pick<CallRow, 'status' | 'outcome' | 'report' | 'endedAt' | 'endedReason'>, now: Date): boolean {
  if (!isOneOf(terminalCallStatuses, call.status) || call.outcome) return false;
  if (call.status !== 'completed' || call.report || call.endedReason === 'voicemail') return true;
  return !!call.endedAt && now.getTime() - call.endedAt.getTime() >= engineTiming.reportGraceMs;
}

type Verdict = {
  outcome: CallOutcome;
  note: string | null;
  score: number | null;
  qualification: Record<string, unknown> | null;
  scoredBy: string | null;
  optOut: boolean;
  callbackAt?: Date;
};

async function judge(call: CallRow, config: CampaignConfig, leadZone: string, now: Date): Promise<Verdict> {
  const report: Report = openReport(call.report) ?? {};
  if (call.status !== 'completed') {
    const outcome = call.endedReason === 'invalid_number' ? 'invalid_number' : callOutcome.parse(call.status);
    return { outcome, note: null, score: null, qualification: null, scoredBy: null, optOut: false };
  }
  if (!call.transcript && !report.answeringMachine && call.endedReason !== 'voicemail') {
    return { outcome: 'completed', note: 'Answered, but no transcript was reported: not scored', score: null, qualification: null, scoredBy: null, optOut: false };
  }
  const result: ScoreResult = await scoreCall({
    transcript: openTranscript(call.transcript) ?? [],
    criteria: config.qualificationCriteria,
    minQualificationScore: config.minQualificationScore,
    callStatus: 'completed',
    answeringMachine: report.answeringMachine || call.endedReason === 'voicemail',
    optOutReported: report.optOut,
    callbackAtReported: report.callbackAt ? new Date(report.callbackAt) : undefined,
    now,
    leadTimeZone: leadZone,
    nextActions: config.nextActions,
  });
  return {
    outcome: callOutcome.parse(result.outcome),
    note: result.notes,
    score: result.score,
    qualification: {
      score: result.score,
      criteria: result.criteria,
      notes: result.notes,
      nextAction: result.nextAction,
      perCriterion: result.perCriterion,
      // The AI scored the call and the offline rules read it otherwise: kept beside the AI's verdict.
      ...(result.offlineOutcome ? { offlineOutcome: result.offlineOutcome } : {}),
    },
    scoredBy: result.scoredBy,
    optOut: result.optOut,
    callbackAt: result.callbackAt,
  };
}

/**
 * The zone a callback time the lead spoke ("call me at 3") is read in: the zone the lead declared, else its
 * number's when there is one, else the campaign's. Lawfulness is not decided here: the retry goes through
 * the compliance check (nextLawfulRetryAt), which holds the call to every zone the lead may be in.
 */
function scoringZone(lead: { phone: string; timezone: string | null }, config: CampaignConfig): string {
  if (lead.timezone && isValidTimeZone(lead.timezone)) return lead.timezone;
  const { zones } = leadTimeZones(lead.phone, null, config.defaultRegion);
  if (zones.length === 1) return zones[0];
  return zones.includes(config.timezone) ? config.timezone : (zones[0] ?? config.timezone);
}

async function outcomeCounts(tx: Tx, leadId: string): Promise<Record<string, number>> {
  const rows = await tx
    .select({ outcome: schema.campaignCalls.outcome, n: sql<number>`count(*)::int` })
    .from(schema.campaignCalls)
    .where(eq(schema.campaignCalls.leadId, leadId))
    .groupBy(schema.campaignCalls.outcome);
  return Object.fromEntries(rows.filter((r) => r.outcome).map((r) => [r.outcome!, Number(r.n)]));
}

/** What the verdict was judged from; if it changed before the write, the verdict is stale. */
function evidence(call: CallRow): string {
  return JSON.stringify([call.status, call.endedReason, call.answeredAt, call.endedAt, call.report, call.transcript]);
}

export async function settleCall(db: Db, { callId, now }: { callId: string; now: Date }): Promise<{ settled: boolean; outcome?: string }> {
  // Events keep arriving while a call is judged (scoring takes time): judge again if they changed it.
  for (let attempt = 0; attempt < 5; attempt++) {
    const result = await settleOnce(db, callId, now);
    if (result !== 'stale') return result;
  }
  return { settled: false };
}

async function settleOnce(db: Db, callId: string, now: Date): Promise<{ settled: boolean; outcome?: string } | 'stale'> {
  const [call] = await db.select().from(schema.campaignCalls).where(eq(schema.campaignCalls.id, callId));
  if (!call || !isSettleable(call, now)) return { settled: false };
  const [campaign] = await db.select().from(schema.campaigns).where(eq(schema.campaigns.id, call.campaignId));
  const [lead] = await db.select().from(schema.leads).where(eq(schema.leads.id, call.leadId));
  const config = campaign.config;
  const leadZone = scoringZone(lead, config);

  // Scoring may call a model: it runs outside any transaction.
  let verdict: Verdict;
  try {
    verdict = await judge(call, config, leadZone, now);
  } catch (error) {
    logger.error('scoring failed; settling unscored', { callId, error: String(error) });
    verdict = { outcome: 'completed', note: 'Scoring failed', score: null, qualification: null, scoredBy: null, optOut: false };
  }

  const billableMinutes = billableMinutesOf(call);
  const cost = costOf(billableMinutes, config);

  const settled = await db.transaction(async (tx) => {
    const [locked] = await tx.select().from(schema.campaignCalls).where(eq(schema.campaignCalls.id, callId)).for('update');
    if (locked.outcome) return { settled: false };
    if (evidence(locked) !== evidence(call)) return 'stale' as const;
    const [written] = await tx
      .update(schema.campaignCalls)
      .set({ outcome: verdict.outcome, outcomeNote: verdict.note, score: verdict.score, qualification: verdict.qualification, scoredBy: verdict.scoredBy, billableMinutes, cost, updatedAt: now })
      .where(eq(schema.campaignCalls.id, callId))
      .returning();
    if (cost > 0) {
      await tx
        .update(schema.campaigns)
        .set({ spent: sql`${schema.campaigns.spent} + ${cost}` })
        .where(eq(schema.campaigns.id, call.campaignId));
    }
    await moveLead(tx, { call, campaign, config, verdict, now });
    const webhooks = await settlementEvents(tx, { call: written, workspaceId: campaign.workspaceId, optOut: verdict.optOut, now });
    return { settled: true, outcome: verdict.outcome, webhooks };
  });
  if (settled === 'stale') return settled;
  if ('webhooks' in settled && settled.webhooks) announceWebhookEvents();
  return { settled: settled.settled, ...(settled.outcome ? { outcome: settled.outcome } : {}) };
}

/** The lead moves on: the DNC list on an opt-out, else a lawful retry or its final status. */
async function moveLead(tx: Tx, { call, campaign, config, verdict, now }: { call: CallRow; campaign: typeof schema.campaigns.$inferSelect; config: CampaignConfig; verdict: Verdict; now: Date }): Promise<void> {
  const [current] = await tx.select().from(schema.leads).where(eq(schema.leads.id, call.leadId)).for('update');
  const leadScore = verdict.score != null ? { qualificationScore: verdict.score, qualification: verdict.qualification } : {};
  if (verdict.optOut) {
    await addToDnc(tx, { workspaceId: campaign.workspaceId, phone: current.phone, reason: 'Opted out during a call', source: 'opt_out', now, calledLeadId: current.id });
    await tx
      .update(schema.leads)
      .set({ status: 'do_not_call', lastOutcome: verdict.outcome, nextRetryAt: null, ...leadScore, updatedAt: now })
      .where(eq(schema.leads.id, current.id));
    return;
  }
  // A lead that went onto the DNC list while we were calling stays there.
  if (current.status === 'do_not_call') return;
  // A call settled again (late proof of an answer) must not move a lead that has since been called again.
  if (current.callAttempts !== call.attemptNumber) return;

  const next = nextLawfulRetryAt({
    outcome: verdict.outcome,
    attemptsSoFar: current.callAttempts,
    outcomeCounts: (await outcomeCounts(tx, current.id)) as Partial<Record<CallOutcome, number>>,
    config,
    callbackAt: verdict.callbackAt,
    now,
    lead: current,
    campaign: config,
  });
  await tx
    .update(schema.leads)
    .set({
      status: next.retry ? 'retry_scheduled' : next.leadStatus,
      nextRetryAt: next.retry ? next.at : null,
      lastOutcome: verdict.outcome,
      ...leadScore,
      updatedAt: now,
    })
    .where(and(eq(schema.leads.id, current.id)));
}
