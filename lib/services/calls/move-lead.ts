// Settling a call, its last job: move its lead on. The DNC list on an opt-out, else a lawful retry or the lead's
// final status. Runs in settle-call.ts's transaction, after the call's verdict is written.
import { eq, sql } from 'drizzle-orm';
import { schema, type Tx } from '@/db';
import type { CampaignConfig } from '@/lib/services/campaigns/config';
import { addToDnc } from '@/lib/services/dnc';
import { nextLawfulRetryAt, type CallOutcome } from '@/lib/services/engine/rules';
import type { Verdict } from './judge-call';

type SettledCall = { leadId: string; attemptNumber: number };

async function outcomeCounts(tx: Tx, leadId: string): Promise<Partial<Record<CallOutcome, number>>> {
  const rows = await tx
    .select({ outcome: schema.campaignCalls.outcome, n: sql<number>`count(*)::int` })
    .from(schema.campaignCalls)
    .where(eq(schema.campaignCalls.leadId, leadId))
    .groupBy(schema.campaignCalls.outcome);
  return Object.fromEntries(rows.filter((r) => r.outcome).map((r) => [r.outcome!, Number(r.n)]));
}

/** The lead, locked and read once, moves on from its settled call. */
export async function moveLead(tx: Tx, { call, workspaceId, config, verdict, now }: { call: SettledCall; workspaceId: string; config: CampaignConfig; verdict: Verdict; now: Date }): Promise<void> {
  const [current] = await tx.select().from(schema.leads).where(eq(schema.leads.id, call.leadId)).for('update');
  const leadScore = verdict.score != null ? { qualificationScore: verdict.score, qualification: verdict.qualification } : {};
  if (verdict.optOut) {
    await addToDnc(tx, { workspaceId, phone: current.phone, reason: 'Opted out during a call', source: 'opt_out', now, calledLeadId: current.id });
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
    outcomeCounts: await outcomeCounts(tx, current.id),
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
    .where(eq(schema.leads.id, current.id));
}
