// A campaign's lead counters, read from campaign_lead_counts: triggers on leads keep them in the same transaction
// as every lead change (migration 0011, docs/decisions/012-lead-counters.md), so reading them costs one row
// whatever the campaign's size, and they are never stale.
import { eq, getTableColumns, inArray } from 'drizzle-orm';
import { schema, type Queryable } from '@/db';
import { openLeadStatuses, queuedLeadStatuses, type LeadStatus } from '@/shared/statuses';

export type LeadCounts = Omit<typeof schema.campaignLeadCounts.$inferSelect, 'campaignId'>;

const zero: LeadCounts = { total: 0, pending: 0, calling: 0, retryScheduled: 0, completed: 0, exhausted: 0, doNotCall: 0, needsConsent: 0, called: 0, qualified: 0 };

const k = schema.campaignLeadCounts;
// Every counter the table holds: a counter added to it is read everywhere at once.
const columns = getTableColumns(k);

/** The campaign's counters (all zero before its first lead). */
export async function readLeadCounts(db: Queryable, campaignId: string): Promise<LeadCounts> {
  const [row] = await db.select(columns).from(k).where(eq(k.campaignId, campaignId));
  if (!row) return { ...zero };
  const { campaignId: _id, ...counts } = row;
  return counts;
}

/** Counters of several campaigns at once (a page of campaign cards). */
export async function readLeadCountsOf(db: Queryable, campaignIds: readonly string[]): Promise<Map<string, LeadCounts>> {
  const found = new Map<string, LeadCounts>(campaignIds.map((id) => [id, { ...zero }]));
  if (campaignIds.length === 0) return found;
  for (const { campaignId, ...counts } of await db.select(columns).from(k).where(inArray(k.campaignId, [...campaignIds]))) found.set(campaignId, counts);
  return found;
}

/** The counter that holds the leads of each status. */
export const leadCounterOf: Readonly<Record<LeadStatus, keyof LeadCounts>> = {
  pending: 'pending',
  calling: 'calling',
  retry_scheduled: 'retryScheduled',
  completed: 'completed',
  exhausted: 'exhausted',
  do_not_call: 'doNotCall',
  needs_consent: 'needsConsent',
};

/** Queued leads (queuedLeadStatuses): waiting for the dialer, the only ones a claim can take. */
export function queuedLeads(counts: LeadCounts): number {
  return queuedLeadStatuses.reduce((n, status) => n + counts[leadCounterOf[status]], 0);
}

/** Open leads (openLeadStatuses): a call still ahead of them, or one in flight. */
export function openLeads(counts: LeadCounts): number {
  return openLeadStatuses.reduce((n, status) => n + counts[leadCounterOf[status]], 0);
}

export type ProgressCounts = { totalLeads: number; called: number; successful: number; remaining: number; needsConsent: number; percent: number };

/**
 * called = leads called at least once, successful = leads qualified, remaining = leads that may still be called
 * (waiting for a first call, a retry, or on a call now), needsConsent = leads held because the campaign's consent
 * basis needs a record they lack (counted apart: not remaining, not done).
 */
export function progressOf(counts: LeadCounts): ProgressCounts {
  const remaining = openLeads(counts);
  const totalLeads = counts.total;
  // A lead held for consent is not done: a campaign with such leads never shows 100 %.
  const percent = totalLeads === 0 ? 0 : Math.round(((totalLeads - remaining - counts.needsConsent) / totalLeads) * 1000) / 10;
  return { totalLeads, called: counts.called, successful: counts.qualified, remaining, needsConsent: counts.needsConsent, percent };
}
