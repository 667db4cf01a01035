// Dialling, step one (then place-calls.ts): claim the next leads of a campaign inside one transaction.
// The campaign row is locked with SKIP LOCKED, so two instances never claim for the same
// campaign at once (the concurrency and daily caps stay exact), the leads themselves with
// FOR UPDATE SKIP LOCKED against every other writer, and each lead's number with an advisory
// lock per (workspace, number), so two of the workspace's campaigns never call one number at once.
// The unique (lead, attempt) index on campaign_calls is the last line of defence against a double dial.
import { and, count, eq, getTableColumns, inArray, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { rowsOf, schema, type Db, type Tx } from '@/db';
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
import { callsClaimedBetween } from './calls-claimed';
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
/** The most leads one round of a claim locks and reads. */
const maxScan = 500;

export async function countInFlightCalls(db: Db | Tx, campaignId: string): Promise<number> {
  const [{ n }] = await db
    .select({ n: count() })
    .from(schema.campaignCalls)
    .where(and(eq(schema.campaignCalls.campaignId, campaignId), inArray(schema.campaignCalls.status, [...inFlightCallStatuses])));
  return n;
}

const leadColumns = Object.entries(getTableColumns(schema.leads));

/**
 * One statement, read under the campaign's lock: the campaign's calls in flight and claimed today (so the slots are
 * exact), then up to `scan` × slots leads due now in the queue's order, each locked FOR UPDATE SKIP LOCKED, then a try-lock
 * on each of their numbers. The queue's order: 1. never called (oldest first), 2. retries due by nextRetryAt,
 * 3. no-answers due, oldest lastCalledAt first; one tier after another, each walking its own partial index, so a claim
 * costs the same on a million-lead campaign as on fifty. The numbers' locks are taken here and the workspace's data read
 * in the next statement, which sees every claim committed before the locks were taken.
 */
async function dueLeadsUnderLocks(
  tx: Tx,
  campaign: CampaignRow,
  { now, want, scan, seen }: { now: Date; want: number; scan: number; seen: readonly string[] },
): Promise<{ slots: number; candidates: LeadRow[]; locked: Set<string> }> {
  const l = schema.leads;
  const c = schema.campaignCalls;
  const config = campaign.config;
  const { start, end } = campaignDayBounds(now, config.timezone);
  // Leads this claim already decided (and still holds) are not candidates again: its own row locks do not skip them.
  const notSeen = seen.length > 0 ? sql`${l.id} <> all(${sql.param([...seen])}::uuid[])` : undefined;
  const callable = and(eq(l.campaignId, campaign.id), or(isNull(l.nextRetryAt), lte(l.nextRetryAt, now)), lt(l.callAttempts, effectiveMaxAttempts(config)), notSeen);
  const tiers = [
    { where: sql`${l.status} = 'pending'`, key: l.createdAt },
    { where: sql`${l.status} = 'retry_scheduled' and ${l.lastOutcome} is distinct from 'no_answer'`, key: l.nextRetryAt },
    { where: sql`${l.status} = 'retry_scheduled' and ${l.lastOutcome} = 'no_answer'`, key: l.lastCalledAt },
  ];
  const scanAtMost = Math.max(0, Math.min(Math.floor(want) * scan, maxScan));
  // Each tier takes what the tiers before it left of the limit.
  const tierCtes = tiers.map((tier, i) => {
    const taken = tiers.slice(0, i).map((_, j) => sql` - (select count(*) from ${sql.identifier(`t${j + 1}`)})`);
    // The inner limit is the most this claim could scan (a constant, so the planner walks the tier's index); the outer
    // one is what is left of the budget. Rows are locked as the outer limit pulls them, so no more are locked than that.
    return sql`${sql.identifier(`t${i + 1}`)} as materialized (select * from (select ${l}.*, ${i + 1} as tier, ${tier.key} as k from ${l} where ${tier.where} and ${callable} order by ${tier.key} asc, ${l.id} asc limit ${sql.raw(String(scanAtMost))} for update skip locked) q limit (select n from budget)${sql.join(taken, sql``)})`;
  });
  const result = await tx.execute(sql`with
    counts as materialized (
      select
        (select count(*) from ${c} where ${and(eq(c.campaignId, campaign.id), inArray(c.status, [...inFlightCallStatuses]))})::int as in_flight,
        ${callsClaimedBetween(sql`${campaign.id}::uuid`, sql`${start.toISOString()}::timestamptz`, sql`${end.toISOString()}::timestamptz`)} as today),
    slots as materialized (select least(${want}::int, ${config.maxConcurrentCalls}::int - in_flight, ${config.maxCallsPerDay}::int - today) as slots from counts),
    budget as materialized (select case when slots > 0 then least(slots * ${scan}::int, ${maxScan}::int) else 0 end as n from slots),
    ${sql.join(tierCtes, sql`, `)},
    candidates as (select * from t1 union all select * from t2 union all select * from t3),
    locks as materialized (select phone, pg_try_advisory_xact_lock(${numberLockKey(campaign.workspaceId, sql`phone`)}) as locked from (select distinct phone from candidates) p)
    select s.slots, x.* from slots s left join (select candidates.*, locks.locked from candidates join locks using (phone)) x on true
    order by x.tier, x.k, x.id`);
  const rows = rowsOf<Record<string, unknown>>(result);
  const candidates: LeadRow[] = [];
  const locked = new Set<string>();
  for (const row of rows) {
    if (row.id === null || row.id === undefined) continue;
    if (row.locked) locked.add(row.phone as string);
    candidates.push(Object.fromEntries(leadColumns.map(([key, column]) => [key, row[column.name] === null ? null : column.mapFromDriverValue(row[column.name])])) as LeadRow);
  }
  return { slots: Number(rows[0]?.slots ?? 0), candidates, locked };
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
 * The claim's lock on its campaign: one claimer per campaign at a time (others skip it), so the caps stay exact.
 * FOR NO KEY UPDATE, not FOR UPDATE: the call rollups' rows reference the campaign, and the key-share lock their
 * foreign-key check takes conflicts with FOR UPDATE, so every call's end (its rollup trigger) waited for any claim
 * of its campaign in flight. Two claimers, a status change and a delete still conflict with it.
 */
export async function lockActiveCampaign(tx: Tx, campaignId: string): Promise<CampaignRow | undefined> {
  const [campaign] = await tx
    .select()
    .from(schema.campaigns)
    .where(and(eq(schema.campaigns.id, campaignId), eq(schema.campaigns.status, 'active')))
    .for('no key update', { skipLocked: true });
  return campaign;
}

/**
 * Claims up to `want` leads that may be called now. Every candidate is decided by the compliance check
 * (lib/services/compliance) against the workspace's data read under a lock on its number, so the one-call-at-
 * a-time rule and the 24 h caps hold across the workspace's campaigns and across instances. A lead that may
 * not be called now is moved to its next lawful moment, so it stops blocking the queue head.
 */
export async function claimLeads(db: Db, { campaignId, now, want }: { campaignId: string; now: Date; want: number }): Promise<ClaimResult> {
  return db.transaction(async (tx) => {
    const campaign = await lockActiveCampaign(tx, campaignId);
    if (!campaign) return { claimed: [], deferred: 0, needsConsent: 0, skippedBusyNumber: 0, skippedCampaignLocked: true };

    // The do-not-call list is consulted for the queue head only, one primary-key probe per candidate (in
    // loadWorkspaceComplianceContext): a number listed while its lead waited is settled do_not_call when it reaches
    // the head, and the list's own writes mark the workspace's open leads at once. A whole-campaign anti-join here
    // made every claim scan a 10,000,000-number list (docs/decisions/008-dnc-registry-bulk-load.md).
    const result: ClaimResult = { claimed: [], skippedCampaignLocked: false, deferred: 0, needsConsent: 0, skippedBusyNumber: 0 };
    const seen: string[] = [];
    // The first round locks as many leads as there are slots: at most hours most of them may be called, and every
    // lead locked is a row written. Leads it could not call are moved out of the queue (or remembered), so the next
    // rounds scan further past the head for the slots left, as one wider scan did before.
    for (const scan of claimRounds) {
      const round = await claimRound(tx, campaign, { now, want: want - result.claimed.length, scan, seen });
      result.claimed.push(...round.claimed);
      result.deferred += round.deferred;
      result.needsConsent += round.needsConsent;
      result.skippedBusyNumber += round.skippedBusyNumber;
      seen.push(...round.decided);
      if (round.done) break;
    }
    return result;
  });
}

/** How far past the slots each round scans, in slots: one round if every lead at the head may be called now. */
const claimRounds = [1, 4, 4];

type Round = Omit<ClaimResult, 'skippedCampaignLocked'> & {
  /** Every lead this round locked and decided, called or not. */
  decided: string[];
  /** No slot left, every slot filled, or the queue has no more leads due: no further round can claim more. */
  done: boolean;
};

/**
 * One round of a claim: counts, candidates and number locks in one statement, then the workspace's data in another
 * (the in-flight and 24 h counts are read under the number locks, so they are exact with several instances claiming
 * for several of the workspace's campaigns at once), then the decisions, then the writes. A later round's statements
 * see the earlier rounds' writes: its counts include their calls, and its scan no longer finds their leads due.
 */
async function claimRound(tx: Tx, campaign: CampaignRow, { now, want, scan, seen }: { now: Date; want: number; scan: number; seen: readonly string[] }): Promise<Round> {
  const config = campaign.config;
  const { slots, candidates, locked } = await dueLeadsUnderLocks(tx, campaign, { now, want, scan, seen });
  const none = { claimed: [], deferred: 0, needsConsent: 0, skippedBusyNumber: 0, decided: [] };
  if (slots <= 0 || candidates.length === 0) return { ...none, done: true };
  // The scan found fewer leads than it could take: the rest of the queue is not due (or another writer holds it).
  const exhausted = candidates.length < Math.min(slots * scan, maxScan);
  const loaded = await loadWorkspaceComplianceContext(tx, { workspaceId: campaign.workspaceId, phones: [...locked], now });
  // Calls claimed in this batch count at once (two leads of a batch may share a number).
  const inFlight = new Set(loaded.inFlight);
  const callsLast24h = new Map(loaded.callsLast24h);
  const ctx: WorkspaceComplianceContext = { ...loaded, inFlight, callsLast24h };
  const rules = complianceCampaignOf(config);

  const claimed: ClaimedCall[] = [];
  const decided: string[] = [];
  const deferrals: { id: string; at: Date }[] = [];
  const consentIds: string[] = [];
  const dncIds: string[] = [];
  let skippedBusyNumber = 0;
  let skippedBusyNumberDeferred = 0;
  for (const lead of candidates) {
    if (claimed.length >= slots) break;
    decided.push(lead.id);
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
    else if (refusal.kind === 'cap') deferrals.push({ id: lead.id, at: capLiftsAt(loaded.callTimesLast24h.get(lead.phone) ?? [], lead, refusal.cap, ctx, rules, now) });
    else deferrals.push({ id: lead.id, at: refusal.at });
  }

  await writeClaim(tx, { campaignId: campaign.id, claimed, deferrals, dncIds, consentIds, now });
  return { claimed, deferred: deferrals.length - skippedBusyNumberDeferred, needsConsent: consentIds.length, skippedBusyNumber, decided, done: exhausted || claimed.length >= slots };
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
function capLiftsAt(recent: readonly Date[], lead: LeadRow, cap: number, ctx: WorkspaceComplianceContext, rules: ComplianceCampaign, now: Date): Date {
  // With n calls counted, the (n - cap + 1)th oldest must age out before the count is below the cap.
  const oldest = recent[recent.length - cap] ?? now;
  const lifts = new Date(Math.max(oldest.getTime() + DAY_MS, now.getTime() + 60_000));
  const later = decideForLead({ ...ctx, callsLast24h: new Map(), inFlight: new Set() }, lead, rules, lifts);
  return later.nextAllowedAt ?? new Date(lifts.getTime() + DAY_MS);
}

/**
 * The claim's writes, in one statement: the calls (with their evidence: a trigger refuses to change it afterwards), the
 * claimed leads, each deferred lead moved to its own next lawful moment, and the leads settled do_not_call or held
 * needs_consent. The rows are locked, so the attempt numbers hold; each lead is in one list only, so no row is written
 * twice. The rows travel as a few array and JSON parameters, not a parameter per value: the statement's text is the
 * same for every claim, and building a 50-call insert value by value was most of the claim's time in node.
 */
async function writeClaim(
  tx: Tx,
  { campaignId, claimed, deferrals, dncIds, consentIds, now }: { campaignId: string; claimed: readonly ClaimedCall[]; deferrals: readonly { id: string; at: Date }[]; dncIds: readonly string[]; consentIds: readonly string[]; now: Date },
) {
  const l = schema.leads;
  const at = sql`${now.toISOString()}::timestamptz`;
  const ids = (list: readonly string[]) => sql`${sql.param([...list])}::uuid[]`;
  const parts: SQL[] = [];
  if (deferrals.length > 0) {
    parts.push(
      sql`deferred as (update ${l} set next_retry_at = v.at, updated_at = ${at} from jsonb_to_recordset(${JSON.stringify(deferrals)}::jsonb) as v(id uuid, at timestamptz) where ${l.id} = v.id)`,
    );
  }
  for (const [name, list, status] of [
    ['dnc', dncIds, 'do_not_call'],
    ['held', consentIds, 'needs_consent'],
  ] as const) {
    if (list.length > 0) parts.push(sql`${sql.identifier(name)} as (update ${l} set status = ${status}, next_retry_at = null, updated_at = ${at} where ${l.id} = any(${ids(list)}))`);
  }
  if (claimed.length > 0) {
    const leadIds = ids(claimed.map((c) => c.lead.id));
    parts.push(sql`leads_claimed as (update ${l} set status = 'calling', call_attempts = ${l.callAttempts} + 1, last_called_at = ${at}, next_retry_at = null, updated_at = ${at} where ${l.id} = any(${leadIds}))`);
    const rows = claimed.map(({ callId, attemptNumber, roomName, lead, compliance }) => ({
      id: callId,
      lead_id: lead.id,
      attempt_number: attemptNumber,
      phone: lead.phone,
      room_name: roomName,
      recording_consent: compliance.recording.decision,
      compliance,
      lead_time_zones: compliance.zones.map((z) => z.zone),
    }));
    const leaseExpiresAt = new Date(now.getTime() + engineTiming.claimLeaseMs).toISOString();
    // status is left to its default, 'pending'.
    parts.push(sql`calls as (insert into ${schema.campaignCalls} (id, campaign_id, lead_id, attempt_number, phone, room_name, recording_consent, compliance, lead_time_zones, claimed_at, lease_expires_at, created_at, updated_at)
      select r.id, ${campaignId}::uuid, r.lead_id, r.attempt_number, r.phone, r.room_name, r.recording_consent, r.compliance, r.lead_time_zones, ${at}, ${leaseExpiresAt}::timestamptz, ${at}, ${at}
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(id uuid, lead_id uuid, attempt_number int, phone text, room_name text, recording_consent text, compliance jsonb, lead_time_zones text[]))`);
  }
  if (parts.length === 0) return;
  await tx.execute(sql`with ${sql.join(parts, sql`, `)} select 1`);
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
