// Tracking a call to its outcome, step two (after apply-call-event.ts): once a call has ended (and its agent report is in,
// or the grace period is over) settle it, in three jobs: judge it (judge-call.ts), bill it (call-cost.ts), and move its
// lead on (move-lead.ts): a retry at the next lawful moment, a terminal status, or the DNC list.
//
// The call is read once to be judged, outside any transaction (scoring may call a model), and once more under lock,
// with its lead, for what the writes depend on: if an event changed what the verdict was judged from in between, the
// verdict is stale and the call is judged again; if another settler got there first, there is nothing to do.
import { eq } from 'drizzle-orm';
import { schema, type Db, type Tx } from '@/db';
import type { CampaignConfig } from '@/lib/services/campaigns/config';
import { leadTimeZones } from '@/lib/services/compliance/lead-time-zones';
import { engineTiming } from '@/lib/services/engine/timing';
import { logger } from '@/lib/logger';
import { isOneOf, terminalCallStatuses } from '@/shared/statuses';
import { announceWebhookEvents, settlementEvents } from '@/lib/services/webhooks/outbox';
import { billOf, chargeCampaign } from './call-cost';
import { judgeCall, judgedFrom, scoringZone, unscoredVerdict, type Verdict } from './judge-call';
import { moveLead } from './move-lead';

type CallRow = typeof schema.campaignCalls.$inferSelect;
type Settled = { settled: boolean; outcome?: string };

/** A call can be settled once it has ended and, if it was a conversation, its report is in or overdue. */
export function isSettleable(call: Pick<CallRow, 'status' | 'outcome' | 'report' | 'endedAt' | 'endedReason'>, now: Date): boolean {
  if (!isOneOf(terminalCallStatuses, call.status) || call.outcome) return false;
  if (call.status !== 'completed' || call.report || call.endedReason === 'voicemail') return true;
  return !!call.endedAt && now.getTime() - call.endedAt.getTime() >= engineTiming.reportGraceMs;
}

export async function settleCall(db: Db, { callId, now }: { callId: string; now: Date }): Promise<Settled> {
  // Events keep arriving while a call is judged (scoring takes time): judge again if they changed it.
  for (let attempt = 0; attempt < 5; attempt++) {
    const result = await settleOnce(db, callId, now);
    if (result !== 'stale') return result;
  }
  logger.warn('settlement kept going stale; left for recovery', { callId });
  return { settled: false };
}

type ToJudge = { call: CallRow; workspaceId: string; config: CampaignConfig; lead: { phone: string; timezone: string | null } };

/** The call with what judging it needs from its campaign and lead, in one read. */
async function readToJudge(db: Db, callId: string): Promise<ToJudge | undefined> {
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

/** The call and its lead as they are now, both rows locked in one statement: what the settlement's writes depend on. */
async function lockForSettling(tx: Tx, callId: string) {
  const [row] = await tx
    .select({ call: schema.campaignCalls, lead: schema.leads })
    .from(schema.campaignCalls)
    .innerJoin(schema.leads, eq(schema.leads.id, schema.campaignCalls.leadId))
    .where(eq(schema.campaignCalls.id, callId))
    .for('update');
  return row;
}

/**
 * The zones the lead may be in, as the claim resolved them and stored with the call; a call claimed before they
 * were stored (migration 0020) resolves them from the lead, as its claim did.
 */
export function zonesOfCall(call: Pick<CallRow, 'leadTimeZones'>, lead: { phone: string; timezone: string | null }, config: Pick<CampaignConfig, 'defaultRegion'>): string[] {
  if (call.leadTimeZones?.length) return call.leadTimeZones;
  return leadTimeZones(lead.phone, lead.timezone, config.defaultRegion).zones;
}

async function settleOnce(db: Db, callId: string, now: Date): Promise<Settled | 'stale'> {
  const read = await readToJudge(db, callId);
  if (!read || !isSettleable(read.call, now)) return { settled: false };
  const { call, workspaceId, config } = read;
  const zones = zonesOfCall(call, read.lead, config);

  let verdict: Verdict;
  try {
    verdict = await judgeCall(call, config, scoringZone(read.lead.timezone, zones, config.timezone), now);
  } catch (error) {
    logger.error('scoring failed; settling unscored', { callId, error: String(error) });
    verdict = unscoredVerdict;
  }

  const settled = await db.transaction(async (tx) => {
    const locked = await lockForSettling(tx, callId);
    // Deleted meanwhile, or settled by another settler (a webhook, the agent's report and recovery may race here).
    if (!locked || locked.call.outcome) return { settled: false };
    if (judgedFrom(locked.call) !== judgedFrom(call)) return 'stale' as const;
    // Billed from the row as locked: a late event may have moved its times without touching what was judged.
    const { billableMinutes, cost } = billOf(locked.call, config);
    const [written] = await tx
      .update(schema.campaignCalls)
      .set({ outcome: verdict.outcome, outcomeNote: verdict.note, score: verdict.score, qualification: verdict.qualification, scoredBy: verdict.scoredBy, billableMinutes, cost, updatedAt: now })
      .where(eq(schema.campaignCalls.id, callId))
      .returning();
    await chargeCampaign(tx, { campaignId: locked.call.campaignId, cost, billedBefore: locked.call.cost });
    await moveLead(tx, { lead: locked.lead, attemptNumber: locked.call.attemptNumber, workspaceId, config, zones, verdict, now });
    const webhooks = await settlementEvents(tx, { call: written, workspaceId, optOut: verdict.optOut, now });
    return { settled: true, outcome: verdict.outcome, webhooks };
  });
  if (settled === 'stale') return settled;
  if ('webhooks' in settled && settled.webhooks) announceWebhookEvents();
  return { settled: settled.settled, ...(settled.outcome ? { outcome: settled.outcome } : {}) };
}
