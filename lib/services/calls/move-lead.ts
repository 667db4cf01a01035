// Settling a call, its last job: move its lead on. The DNC list on an opt-out, else a lawful retry or the lead's
// final status. Runs in settle-call.ts's transaction, on the lead row it locked with the call.
import { eq, sql } from 'drizzle-orm';
import { schema, type Tx } from '@/db';
import type { CampaignConfig } from '@/lib/services/campaigns/config';
import { addToDnc } from '@/lib/services/dnc';
import { nextLawfulRetryAt, type CallOutcome } from '@/lib/services/engine/rules';
import type { Verdict } from './judge-call';

type LeadRow = typeof schema.leads.$inferSelect;

async function outcomeCounts(tx: Tx, leadId: string): Promise<Partial<Record<CallOutcome, number>>> {
  const rows = await tx
    .select({ outcome: schema.campaignCalls.outcome, n: sql<number>`count(*)::int` })
    .from(schema.campaignCalls)
    .where(eq(schema.campaignCalls.leadId, leadId))
    .groupBy(schema.campaignCalls.outcome);
  return Object.fromEntries(rows.filter((r) => r.outcome).map((r) => [r.outcome!, Number(r.n)]));
}

/**
 * The lead (locked by the caller) moves on from its settled call. `zones`: the zones the call was claimed
 * under, which the retry's lawful moment is held to.
 */
export async function moveLead(
  tx: Tx,
  { lead, attemptNumber, workspaceId, config, zones, verdict, now }: { lead: LeadRow; attemptNumber: number; workspaceId: string; config: CampaignConfig; zones: readonly string[]; verdict: Verdict; now: Date },
): Promise<void> {
  const leadScore = verdict.score != null ? { qualificationScore: verdict.score, qualification: verdict.qualification } : {};
  if (verdict.optOut) {
    await addToDnc(tx, { workspaceId, phone: lead.phone, reason: 'Opted out during a call', source: 'opt_out', now, calledLeadId: lead.id });
    await tx
      .update(schema.leads)
      .set({ status: 'do_not_call', lastOutcome: verdict.outcome, nextRetryAt: null, ...leadScore, updatedAt: now })
      .where(eq(schema.leads.id, lead.id));
    return;
  }
  // A lead that went onto the DNC list while we were calling stays there.
  if (lead.status === 'do_not_call') return;
  // A call settled again (late proof of an answer) must not move a lead that has since been called again.
  if (lead.callAttempts !== attemptNumber) return;

  const next = nextLawfulRetryAt({
    outcome: verdict.outcome,
    attemptsSoFar: lead.callAttempts,
    outcomeCounts: await outcomeCounts(tx, lead.id),
    config,
    callbackAt: verdict.callbackAt,
    now,
    lead: { phone: lead.phone, timezone: lead.timezone, state: lead.state, zones },
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
    .where(eq(schema.leads.id, lead.id));
}
