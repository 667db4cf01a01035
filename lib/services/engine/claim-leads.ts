// Dialling, step one (then place-calls.ts): claim the next leads of a campaign inside one transaction.
// The campaign row is locked with SKIP LOCKED, so two instances never claim for the same
// campaign at once (the concurrency and daily caps stay exact), the leads themselves with
// FOR UPDATE SKIP LOCKED against every other writer, and each lead's number with an advisory
// lock per (workspace, number), so two of the workspace's campaigns never call one number at once.
// The unique (lead, attempt) index on campaign_calls is the last line of defence against a double dial.
import { and, asc, count, eq, gt, gte, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { schema, type Db, type Tx } from '@/db';
import { inFlightCallStatuses } from '@/shared/statuses';
import type { CampaignRow } from '@/lib/services/campaigns';
import { effectiveMaxAttempts, type CampaignConfig } from '@/lib/services/campaigns/config';
import {
  complianceEvidence,
  decideForLead,
  loadWorkspaceComplianceContext,
  numberLockKey,
  type ComplianceCampaign,
  type ComplianceDecision,
  type ComplianceEvidence,
  type WorkspaceComplianceContext,
} from '@/lib/services/compliance';
import { complianceRule } from '@/lib/services/compliance/rules';
import { roomNameFor } from '@/lib/telephony/types';
import { campaignDayBounds } from './rules';
import { engineTiming } from './timing';

export type ClaimedCall = {
  callId: string;
  attemptNumber: number;
  roomName: string;
  lead: typeof schema.leads.$inferSelect;
  /** Why the call was lawful when claimed; stored with the call. */
  compliance: ComplianceEvidence;
  /** Whether this call is recorded, and whether the disclosure must be the agent's first words. */
  recording: ComplianceEvidence['recording'];
};

type LeadRow = typeof schema.leads.$inferSelect;

const DAY_MS = 24 * 3_600_000;

export async function countInFlightCalls(db: Db | Tx, campaignId: string): Promise<number> {
  const [{ n }] = await db
    .select({ n: count() })
    .from(schema.campaignCalls)
    .where(and(eq(schema.campaignCalls.campaignId, campaignId), inArray(schema.campaignCalls.status, [...inFlightCallStatuses])));
  return n;
}

export async function countCallsToday(db: Db | Tx, campaign: Pick<CampaignRow, 'id' | 'config'>, now: Date): Promise<number> {
  const { start, end } = campaignDayBounds(now, campaign.config.timezone);
  const [{ n }] = await db
    .select({ n: count() })
    .from(schema.campaignCalls)
    .where(and(eq(schema.campaignCalls.campaignId, campaign.id), gte(schema.campaignCalls.claimedAt, start), lt(schema.campaignCalls.claimedAt, end)));
  return n;
}

/**
 * Leads due now, in the queue's order: 1. never called (oldest first), 2. retries due by
 * nextRetryAt, 3. no-answers due, oldest lastCalledAt first. One query per tier, each walking its
 * own partial index, so a claim costs the same on a million-lead campaign as on fifty.
 */
async function dueLeads(tx: Tx, campaign: CampaignRow, now: Date, limit: number): Promise<LeadRow[]> {
  const l = schema.leads;
  const callable = and(
    eq(l.campaignId, campaign.id),
    or(isNull(l.nextRetryAt), lte(l.nextRetryAt, now)),
    lt(l.callAttempts, effectiveMaxAttempts(campaign.config)),
  );
  const tiers = [
    { where: eq(l.status, 'pending'), order: [asc(l.createdAt), asc(l.id)] },
    { where: and(eq(l.status, 'retry_scheduled'), sql`${l.lastOutcome} is distinct from 'no_answer'`), order: [asc(l.nextRetryAt), asc(l.id)] },
    { where: and(eq(l.status, 'retry_scheduled'), eq(l.lastOutcome, 'no_answer')), order: [asc(l.lastCalledAt), asc(l.id)] },
  ];
  const found: LeadRow[] = [];
  for (const tier of tiers) {
    if (found.length >= limit) break;
    const rows = await tx
      .select()
      .from(l)
      .where(and(tier.where, callable))
      .orderBy(...tier.order)
      .limit(limit - found.length)
      .for('update', { skipLocked: true });
    found.push(...rows);
  }
  return found;
}

export type ClaimResult = {
  claimed: ClaimedCall[];
  skippedCampaignLocked: boolean;
  /** Leads not lawful to call now, moved to their next lawful moment. */
  deferred: number;
  /** Leads held as needs_consent: the campaign's basis needs a consent record they lack. */
  needsConsent: number;
  /** Leads whose number another claimer was deciding, or that has a call in flight: left for a later round. */
  skippedBusyNumber: number;
};

/**
 * Claims up to `want` leads that may be called now. Every candidate is decided by the compliance check
 * (lib/services/compliance) against the workspace's data read under a lock on its number, so the one-call-at-
 * a-time rule and the 24 h caps hold across the workspace's campaigns and across instances. A lead that may
 * not be called now is moved to its next lawful moment, so it stops blocking the queue head.
 */
export async function claimLeads(db: Db, { campaignId, now, want }: { campaignId: string; now: Date; want: number }): Promise<ClaimResult> {
  return db.transaction(async (tx) => {
    const [campaign] = await tx
      .select()
      .from(schema.campaigns)
      .where(and(eq(schema.campaigns.id, campaignId), eq(schema.campaigns.status, 'active')))
      .for('update', { skipLocked: true });
    const none = { claimed: [], deferred: 0, needsConsent: 0, skippedBusyNumber: 0 };
    if (!campaign) return { ...none, skippedCampaignLocked: true };

    // The do-not-call list is consulted for the queue head only, one primary-key probe per candidate (in
    // loadWorkspaceComplianceContext): a number listed while its lead waited is settled do_not_call when it reaches
    // the head, and the list's own writes mark the workspace's open leads at once. A whole-campaign anti-join here
    // made every claim scan a 10,000,000-number list (docs/decisions/008-dnc-registry-bulk-load.md).
    const config = campaign.config;
    const slots = Math.min(
      want,
      config.maxConcurrentCalls - (await countInFlightCalls(tx, campaign.id)),
      config.maxCallsPerDay - (await countCallsToday(tx, campaign, now)),
    );
    if (slots <= 0) return { ...none, skippedCampaignLocked: false };

    // Scan a little past the slots: some leads at the head may not be lawful to call now.
    const candidates = await dueLeads(tx, campaign, now, Math.min(slots * 4, 500));
    // Locks first, then the workspace's data: the in-flight and 24 h counts are read under the lock, so they
    // are exact even with several instances claiming for several of the workspace's campaigns at once.
    const locked = await lockNumbers(tx, campaign.workspaceId, candidates.map((l) => l.phone));
    const loaded = await loadWorkspaceComplianceContext(tx, { workspaceId: campaign.workspaceId, phones: [...locked], now });
    // Calls claimed in this batch count at once (two leads of a batch may share a number).
    const inFlight = new Set(loaded.inFlight);
    const callsLast24h = new Map(loaded.callsLast24h);
    const ctx: WorkspaceComplianceContext = { ...loaded, inFlight, callsLast24h };
    const rules = complianceCampaignOf(config);

    const claimed: ClaimedCall[] = [];
    const deferrals: { id: string; at: Date }[] = [];
    const consentIds: string[] = [];
    const dncIds: string[] = [];
    let skippedBusyNumber = 0;
    let skippedBusyNumberDeferred = 0;
    for (const lead of candidates) {
      if (claimed.length >= slots) break;
      if (!locked.has(lead.phone)) {
        skippedBusyNumber++;
        continue;
      }
      const decision = decideForLead(ctx, lead, rules, now);
      if (decision.allowed) {
        const attemptNumber = lead.callAttempts + 1;
        const callId = crypto.randomUUID();
        const compliance = complianceEvidence(ctx, lead, rules, decision, now);
        claimed.push({ callId, attemptNumber, roomName: roomNameFor({ campaignId: campaign.id, leadId: lead.id, attemptNumber, callId }), lead, compliance, recording: compliance.recording });
        inFlight.add(lead.phone);
        callsLast24h.set(lead.phone, (callsLast24h.get(lead.phone) ?? 0) + 1);
        continue;
      }
      const refusal = refusalOf(decision, now);
      if (refusal.kind === 'dnc') dncIds.push(lead.id);
      else if (refusal.kind === 'needs_consent') consentIds.push(lead.id);
      else if (refusal.kind === 'busy_number') {
        skippedBusyNumber++;
        skippedBusyNumberDeferred++;
        deferrals.push({ id: lead.id, at: new Date(now.getTime() + engineTiming.busyNumberRetryMs) });
      }
      else if (refusal.kind === 'cap') deferrals.push({ id: lead.id, at: await capLiftsAt(tx, campaign.workspaceId, lead, refusal.cap, ctx, rules, now) });
      else deferrals.push({ id: lead.id, at: refusal.at });
    }

    await deferLeads(tx, deferrals, now);
    await setLeadStatus(tx, dncIds, 'do_not_call', now);
    await setLeadStatus(tx, consentIds, 'needs_consent', now);
    const result = { claimed, skippedCampaignLocked: false, deferred: deferrals.length - skippedBusyNumberDeferred, needsConsent: consentIds.length, skippedBusyNumber };
    if (claimed.length === 0) return result;

    // One statement each for the calls and the leads: the rows are locked, so the attempt numbers hold.
    // The evidence goes in with the call: a trigger refuses to change it afterwards.
    await tx.insert(schema.campaignCalls).values(
      claimed.map(({ callId, attemptNumber, roomName, lead, compliance }) => ({
        id: callId,
        campaignId: campaign.id,
        leadId: lead.id,
        attemptNumber,
        status: 'pending' as const,
        phone: lead.phone,
        roomName,
        recordingConsent: compliance.recording.decision,
        compliance,
        claimedAt: now,
        leaseExpiresAt: new Date(now.getTime() + engineTiming.claimLeaseMs),
        createdAt: now,
        updatedAt: now,
      })),
    );
    await tx
      .update(schema.leads)
      .set({ status: 'calling', callAttempts: sql`${schema.leads.callAttempts} + 1`, lastCalledAt: now, nextRetryAt: null, updatedAt: now })
      .where(
        inArray(
          schema.leads.id,
          claimed.map((c) => c.lead.id),
        ),
      );
    return result;
  });
}

/** The campaign's settings the compliance check reads. */
export function complianceCampaignOf(config: CampaignConfig): ComplianceCampaign {
  return {
    timezone: config.timezone,
    callWindows: config.callWindows,
    defaultRegion: config.defaultRegion,
    consentBasis: config.consentBasis,
    recordCalls: config.recordCalls,
    recordingDisclosure: config.recordingDisclosure,
  };
}

/**
 * Takes a transaction-scoped advisory lock on each (workspace, number), in one statement. A try-lock: a number
 * another claimer holds is skipped this round rather than waited for, so claimers never deadlock.
 */
async function lockNumbers(tx: Tx, workspaceId: string, phones: readonly string[]): Promise<Set<string>> {
  const unique = [...new Set(phones)];
  if (unique.length === 0) return new Set();
  const rows = sql.join(
    unique.map((phone) => sql`(${phone}::text, ${numberLockKey(workspaceId, phone)})`),
    sql`, `,
  );
  const result = await tx.execute<{ phone: string; locked: boolean }>(sql`select v.phone, pg_try_advisory_xact_lock(v.key) as locked from (values ${rows}) as v(phone, key)`);
  return new Set(rowsOf<{ phone: string; locked: boolean }>(result).filter((r) => r.locked).map((r) => r.phone));
}

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : ((result as { rows?: T[] }).rows ?? [])) as T[];
}

type Refusal =
  | { kind: 'dnc' }
  | { kind: 'needs_consent' }
  | { kind: 'busy_number' }
  | { kind: 'cap'; cap: number }
  | { kind: 'later'; at: Date };

/**
 * What to do with a lead the check refused, strongest reason first: DNC is final, a missing consent record
 * holds the lead, a number that cannot be read or a time rule waits for the next lawful moment, a 24 h cap
 * waits for the oldest counted call to age out, and a call in flight elsewhere is simply tried next round.
 */
function refusalOf(decision: ComplianceDecision, now: Date): Refusal {
  const rules = new Set(decision.reasons.map((r) => r.rule));
  if (rules.has('dnc')) return { kind: 'dnc' };
  if (decision.needsConsent) return { kind: 'needs_consent' };
  const timeBlocked = decision.nextAllowedAt === null || decision.nextAllowedAt.getTime() > now.getTime();
  if (rules.has('phone_unreadable')) return { kind: 'later', at: new Date(now.getTime() + DAY_MS) };
  if (timeBlocked) return { kind: 'later', at: decision.nextAllowedAt ?? new Date(now.getTime() + DAY_MS) };
  const cap = decision.reasons.find((r) => r.zone === undefined && complianceRule(r.rule)?.callsPer24h != null);
  if (cap) return { kind: 'cap', cap: complianceRule(cap.rule)!.callsPer24h! };
  return { kind: 'busy_number' };
}

/**
 * When a capped number may be called again: once enough of its calls of the last 24 h have aged out to drop
 * below the cap, and then at the first lawful moment from there.
 */
async function capLiftsAt(tx: Tx, workspaceId: string, lead: LeadRow, cap: number, ctx: WorkspaceComplianceContext, rules: ComplianceCampaign, now: Date): Promise<Date> {
  const c = schema.campaignCalls;
  const recent = await tx
    .select({ claimedAt: c.claimedAt })
    .from(c)
    .innerJoin(schema.campaigns, eq(schema.campaigns.id, c.campaignId))
    .where(and(eq(schema.campaigns.workspaceId, workspaceId), eq(c.phone, lead.phone), gt(c.claimedAt, new Date(now.getTime() - DAY_MS))))
    .orderBy(asc(c.claimedAt));
  // With n calls counted, the (n - cap + 1)th oldest must age out before the count is below the cap.
  const oldest = recent[recent.length - cap]?.claimedAt ?? now;
  const lifts = new Date(Math.max(oldest.getTime() + DAY_MS, now.getTime() + 60_000));
  const later = decideForLead({ ...ctx, callsLast24h: new Map(), inFlight: new Set() }, lead, rules, lifts);
  return later.nextAllowedAt ?? new Date(lifts.getTime() + DAY_MS);
}

/** Moves each deferred lead to its own next lawful moment, in one statement. */
async function deferLeads(tx: Tx, deferrals: readonly { id: string; at: Date }[], now: Date) {
  if (deferrals.length === 0) return;
  const rows = sql.join(
    deferrals.map((d) => sql`(${d.id}::uuid, ${d.at.toISOString()}::timestamptz)`),
    sql`, `,
  );
  await tx.execute(sql`update leads set next_retry_at = v.at, updated_at = ${now.toISOString()}::timestamptz from (values ${rows}) as v(id, at) where leads.id = v.id`);
}

async function setLeadStatus(tx: Tx, ids: readonly string[], status: 'do_not_call' | 'needs_consent', now: Date) {
  if (ids.length === 0) return;
  await tx.update(schema.leads).set({ status, nextRetryAt: null, updatedAt: now }).where(inArray(schema.leads.id, [...ids]));
}

/**
 * Gives a claim back as if it never happened: the dial did not take place (rate limited,
 * agent unavailable, or a crash before dialling). The lead is callable again at once.
 */
export async function releaseClaim(db: Db, { callId, now }: { callId: string; now: Date }): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [call] = await tx.select().from(schema.campaignCalls).where(eq(schema.campaignCalls.id, callId)).for('update');
    if (!call || call.status !== 'pending') return false;
    const [previous] = await tx
      .select({ claimedAt: schema.campaignCalls.claimedAt, outcome: schema.campaignCalls.outcome })
      .from(schema.campaignCalls)
      .where(and(eq(schema.campaignCalls.leadId, call.leadId), eq(schema.campaignCalls.attemptNumber, call.attemptNumber - 1)));
    await tx.delete(schema.campaignCalls).where(eq(schema.campaignCalls.id, callId));
    await tx
      .update(schema.leads)
      .set({
        status: previous ? 'retry_scheduled' : 'pending',
        callAttempts: call.attemptNumber - 1,
        lastCalledAt: previous?.claimedAt ?? null,
        nextRetryAt: previous ? now : null,
        updatedAt: now,
      })
      .where(and(eq(schema.leads.id, call.leadId), eq(schema.leads.status, 'calling')));
    return true;
  });
}
