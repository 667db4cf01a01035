// AutoDialer, step one: claim the next leads of a campaign inside one transaction.
// The campaign row is locked with SKIP LOCKED, so two instances never claim for the same
// campaign at once (the concurrency and daily caps stay exact), and the leads themselves with
// FOR UPDATE SKIP LOCKED against every other writer. The unique (lead, attempt) index on
// campaign_calls is the last line of defence against a double dial.
import { and, asc, count, eq, gte, inArray, isNull, lt, lte, not, or, sql } from 'drizzle-orm';
import { schema, type Db, type Tx } from '@/db';
import type { CampaignRow } from '@/lib/services/campaigns';
import { effectiveMaxAttempts } from '@/lib/services/campaigns/config';
import { leadOnDnc } from '@/lib/services/dnc/lead-on-dnc';
import { roomNameFor } from '@/lib/telephony/types';
import { campaignDayBounds, callPermission, resolveLeadTimeZones } from './rules';
import { engineTiming } from './timing';

export type ClaimedCall = {
  callId: string;
  attemptNumber: number;
  roomName: string;
  lead: typeof schema.leads.$inferSelect;
};

type LeadRow = typeof schema.leads.$inferSelect;

export const inFlightStatuses = ['pending', 'calling', 'in_progress'] as const;

export async function countInFlightCalls(db: Db | Tx, campaignId: string): Promise<number> {
  const [{ n }] = await db
    .select({ n: count() })
    .from(schema.campaignCalls)
    .where(and(eq(schema.campaignCalls.campaignId, campaignId), inArray(schema.campaignCalls.status, [...inFlightStatuses])));
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
    not(leadOnDnc(campaign.ownerId)),
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

/** Leads whose number went onto the owner's DNC list while they waited are settled as do_not_call. */
async function markDncLeads(tx: Tx, campaign: CampaignRow) {
  const l = schema.leads;
  await tx
    .update(l)
    .set({ status: 'do_not_call', nextRetryAt: null })
    .where(
      and(
        eq(l.campaignId, campaign.id),
        inArray(l.status, ['pending', 'retry_scheduled']),
        leadOnDnc(campaign.ownerId),
      ),
    );
}

export type ClaimResult = { claimed: ClaimedCall[]; skippedCampaignLocked: boolean; deferred: number };

/**
 * Claims up to `want` leads that may be called now. A lead outside its own legal hours is not
 * claimed: its nextRetryAt moves to its next lawful moment so it stops blocking the queue head.
 */
export async function claimLeads(db: Db, { campaignId, now, want }: { campaignId: string; now: Date; want: number }): Promise<ClaimResult> {
  return db.transaction(async (tx) => {
    const [campaign] = await tx
      .select()
      .from(schema.campaigns)
      .where(and(eq(schema.campaigns.id, campaignId), eq(schema.campaigns.status, 'active')))
      .for('update', { skipLocked: true });
    if (!campaign) return { claimed: [], skippedCampaignLocked: true, deferred: 0 };

    await markDncLeads(tx, campaign);
    const config = campaign.config;
    const slots = Math.min(
      want,
      config.maxConcurrentCalls - (await countInFlightCalls(tx, campaign.id)),
      config.maxCallsPerDay - (await countCallsToday(tx, campaign, now)),
    );
    if (slots <= 0) return { claimed: [], skippedCampaignLocked: false, deferred: 0 };

    const claimed: ClaimedCall[] = [];
    let deferred = 0;
    // Scan a little past the slots: some leads at the head may be outside their legal hours.
    const candidates = await dueLeads(tx, campaign, now, Math.min(slots * 4, 500));
    for (const lead of candidates) {
      if (claimed.length >= slots) break;
      const zones = await resolveLeadTimeZones({ timezone: lead.timezone, phone: lead.phone }, config.timezone);
      const permission = callPermission({ now, campaignTimezone: config.timezone, callWindows: config.callWindows, leadZones: zones });
      if (!permission.allowed) {
        deferred++;
        await tx
          .update(schema.leads)
          .set({ nextRetryAt: permission.nextAllowedAt ?? new Date(now.getTime() + 24 * 3_600_000), updatedAt: now })
          .where(eq(schema.leads.id, lead.id));
        continue;
      }
      const attemptNumber = lead.callAttempts + 1;
      const callId = crypto.randomUUID();
      claimed.push({ callId, attemptNumber, roomName: roomNameFor({ campaignId: campaign.id, leadId: lead.id, attemptNumber, callId }), lead });
    }
    if (claimed.length === 0) return { claimed, skippedCampaignLocked: false, deferred };

    // One statement each for the calls and the leads: the rows are locked, so the attempt numbers hold.
    await tx.insert(schema.campaignCalls).values(
      claimed.map(({ callId, attemptNumber, roomName, lead }) => ({
        id: callId,
        campaignId: campaign.id,
        leadId: lead.id,
        attemptNumber,
        status: 'pending' as const,
        phone: lead.phone,
        roomName,
        recordingConsent: config.recordCalls ? 'disclosed' : 'not_recorded',
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
    return { claimed, skippedCampaignLocked: false, deferred };
  });
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
