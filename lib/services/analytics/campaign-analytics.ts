// A campaign's analytics, computed by SQL over its calls and leads.
import { eq, sql } from 'drizzle-orm';
import { rowsOf, schema, type Queryable } from '@/db';
import { getCampaignOrThrow } from '@/lib/services/campaigns/get-campaign-or-throw';
import { readLeadCounts } from '@/lib/services/campaigns/lead-counts';

const connected = sql`${schema.campaignCalls.answeredAt} is not null and coalesce(${schema.campaignCalls.outcome}, '') <> 'voicemail'`;

/** The workspace's campaign's analytics, its hours read in the campaign's zone (another workspace's campaign is a 404). */
export async function campaignAnalytics(db: Queryable, { workspaceId, campaignId }: { workspaceId: string; campaignId: string }) {
  const { config: { timezone } } = await getCampaignOrThrow(db, { workspaceId, campaignId });
  const c = schema.campaignCalls;
  const [totals] = await db
    .select({
      totalCalls: sql<number>`count(*)::int`,
      connected: sql<number>`count(*) filter (where ${connected})::int`,
      averageDuration: sql<number | null>`avg(${c.durationSeconds}) filter (where ${c.answeredAt} is not null)`,
      totalCost: sql<number>`coalesce(sum(${c.cost}), 0)`,
      connectedLeads: sql<number>`count(distinct ${c.leadId}) filter (where ${connected})::int`,
    })
    .from(c)
    .where(eq(c.campaignId, campaignId));

  const byOutcomeRows = await db
    .select({ key: sql<string>`coalesce(${c.outcome}, 'pending')`, n: sql<number>`count(*)::int` })
    .from(c)
    .where(eq(c.campaignId, campaignId))
    .groupBy(sql`1`);
  const byStatusRows = await db
    .select({ key: c.status, n: sql<number>`count(*)::int` })
    .from(c)
    .where(eq(c.campaignId, campaignId))
    .groupBy(c.status);

  const scoreRows = await db
    .select({ bucket: sql<number>`least(floor(${c.score} / 10), 9)::int`, n: sql<number>`count(*)::int` })
    .from(c)
    .where(sql`${c.campaignId} = ${campaignId} and ${c.score} is not null`)
    .groupBy(sql`1`);

  // Hour of day in the campaign's own time zone, when the call was placed.
  const hourRows = rowsOf<{ hour: number; calls: number; connects: number }>(
    await db.execute(sql`
      select extract(hour from (coalesce(dialed_at, claimed_at) at time zone ${timezone}))::int as hour,
             count(*)::int as calls,
             count(*) filter (where answered_at is not null and coalesce(outcome, '') <> 'voicemail')::int as connects
      from campaign_calls where campaign_id = ${campaignId} group by 1`),
  );

  // The funnel's lead figures come from the campaign's lead counters (one row); connected leads from the totals' pass over
  // the campaign's calls: a per-lead EXISTS probe walked every lead of the campaign twice.
  const counts = await readLeadCounts(db, campaignId);
  const funnel = { leads: counts.total, called: counts.called, connected: Number(totals.connectedLeads), qualified: counts.qualified, needsConsent: counts.needsConsent };

  const totalCalls = Number(totals.totalCalls);
  const connectedCalls = Number(totals.connected);
  const totalCost = Number(totals.totalCost);
  const qualified = Number(funnel.qualified);
  const toRecord = (rows: { key: string; n: number }[]) => Object.fromEntries(rows.map((r) => [r.key, Number(r.n)]));
  const hours = new Map(hourRows.map((r) => [Number(r.hour), r]));

  return {
    totalCalls,
    connected: connectedCalls,
    connectRate: totalCalls ? connectedCalls / totalCalls : 0,
    averageDurationSeconds: totals.averageDuration == null ? null : Math.round(Number(totals.averageDuration)),
    byOutcome: toRecord(byOutcomeRows),
    byStatus: toRecord(byStatusRows),
    scoreDistribution: Array.from({ length: 10 }, (_, i) => ({
      bucket: i === 9 ? '90-100' : `${i * 10}-${i * 10 + 9}`,
      count: Number(scoreRows.find((r) => Number(r.bucket) === i)?.n ?? 0),
    })),
    callsPerHour: Array.from({ length: 24 }, (_, hour) => ({ hour, calls: Number(hours.get(hour)?.calls ?? 0), connects: Number(hours.get(hour)?.connects ?? 0) })),
    funnel,
    qualified,
    totalCost,
    costPerQualifiedLead: qualified ? Math.round((totalCost / qualified) * 100) / 100 : null,
  };
}
