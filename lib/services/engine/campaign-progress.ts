// Progress counters, recounted from the rows themselves so they are exact whatever happened:
// called = leads with at least one call, successful = leads qualified, remaining = leads that
// may still be called (waiting for a first call, a retry, or on a call now), needsConsent = leads held
// because the campaign's consent basis needs a record they lack (counted apart: not remaining, not done).
import { eq, inArray, sql } from 'drizzle-orm';
import { schema, type Db, type Queryable } from '@/db';

export type ProgressCounts = { totalLeads: number; called: number; successful: number; remaining: number; needsConsent: number; percent: number };

export async function countProgress(db: Queryable, campaignId: string): Promise<ProgressCounts> {
  const l = schema.leads;
  const [row] = await db
    .select({
      totalLeads: sql<number>`count(*)::int`,
      called: sql<number>`count(*) filter (where exists (select 1 from campaign_calls c where c.lead_id = leads.id))::int`,
      successful: sql<number>`count(*) filter (where ${l.lastOutcome} = 'qualified')::int`,
      remaining: sql<number>`count(*) filter (where ${l.status} in ('pending', 'retry_scheduled', 'calling'))::int`,
      needsConsent: sql<number>`count(*) filter (where ${l.status} = 'needs_consent')::int`,
    })
    .from(l)
    .where(eq(l.campaignId, campaignId));
  const totalLeads = Number(row.totalLeads);
  const remaining = Number(row.remaining);
  const needsConsent = Number(row.needsConsent);
  // A lead held for consent is not done: a campaign with such leads never shows 100 %.
  const percent = totalLeads === 0 ? 0 : Math.round(((totalLeads - remaining - needsConsent) / totalLeads) * 1000) / 10;
  return { totalLeads, called: Number(row.called), successful: Number(row.successful), remaining, needsConsent, percent };
}

export async function updateCampaignProgress(db: Db, campaignId: string): Promise<ProgressCounts> {
  const counts = await countProgress(db, campaignId);
  await db
    .update(schema.campaigns)
    .set({ progressPercent: counts.percent, calledCount: counts.called, successfulCount: counts.successful, remainingCount: counts.remaining })
    .where(eq(schema.campaigns.id, campaignId));
  return counts;
}

/** The progress job: every campaign that is running or was running recently. */
export async function updateAllProgress(db: Db): Promise<number> {
  const rows = await db
    .select({ id: schema.campaigns.id })
    .from(schema.campaigns)
    .where(inArray(schema.campaigns.status, ['active', 'paused', 'completed']));
  for (const { id } of rows) await updateCampaignProgress(db, id);
  return rows.length;
}
