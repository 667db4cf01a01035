// A campaign's analytics, read from its call rollups (migration 0018: kept by triggers on campaign_calls in the same
// transaction as every call change) and its lead counters: a few hundred small rows whatever the campaign's size,
// where the same figures computed from campaign_calls were five passes over every call of the campaign.
import { eq, sql } from 'drizzle-orm';
import { schema, type Queryable } from '@/db';
import { readLeadCounts } from '@/lib/services/campaigns/lead-counts';

type CountRow = { status: string; outcome: string; scoreBucket: number; calls: string; connected: string; timed: string; durationSum: string; costSum: string };

export async function campaignAnalytics(db: Queryable, { campaignId, timezone }: { campaignId: string; timezone: string }) {
  const k = schema.campaignCallCounts;
  const s = schema.campaignCallSlots;
  // Independent reads, side by side on the pool's connections.
  const [countRows, hourRows, [connectedLeads], counts] = await Promise.all([
    db
      .select({
        status: k.status,
        outcome: k.outcome,
        scoreBucket: k.scoreBucket,
        calls: sql<string>`sum(${k.calls})`,
        connected: sql<string>`sum(${k.connected})`,
        timed: sql<string>`sum(${k.timed})`,
        durationSum: sql<string>`sum(${k.durationSum})`,
        costSum: sql<string>`sum(${k.costSum})`,
      })
      .from(k)
      .where(eq(k.campaignId, campaignId))
      .groupBy(k.status, k.outcome, k.scoreBucket) as Promise<CountRow[]>,
    // Hour of day in the campaign's own time zone, when the call was placed: every zone's offset is a whole number
    // of 15 minutes, so each 15-minute UTC slot falls in one local hour.
    db
      .select({ hour: sql<number>`extract(hour from (${s.slot} at time zone ${timezone}))::int`, calls: sql<string>`sum(${s.calls})`, connects: sql<string>`sum(${s.connects})` })
      .from(s)
      .where(eq(s.campaignId, campaignId))
      .groupBy(sql`1`),
    db
      .select({ n: sql<string | null>`sum(${schema.campaignConnectedLeads.leads})` })
      .from(schema.campaignConnectedLeads)
      .where(eq(schema.campaignConnectedLeads.campaignId, campaignId)),
    readLeadCounts(db, campaignId),
  ]);

  // Deltas that cancelled out leave keys with nothing under them: a key is shown only when it has calls.
  const rows = countRows.map((r) => ({ ...r, calls: Number(r.calls), connected: Number(r.connected), timed: Number(r.timed), durationSum: Number(r.durationSum), costSum: Number(r.costSum) }));
  const tally = (key: (r: (typeof rows)[number]) => string | number) => {
    const found = new Map<string | number, number>();
    for (const r of rows) if (r.calls !== 0) found.set(key(r), (found.get(key(r)) ?? 0) + r.calls);
    return new Map([...found].filter(([, n]) => n !== 0));
  };
  const sum = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((total, r) => total + pick(r), 0);

  const totalCalls = sum((r) => r.calls);
  const connectedCalls = sum((r) => r.connected);
  const timed = sum((r) => r.timed);
  const totalCost = Number(sum((r) => r.costSum).toFixed(4));
  const byScore = tally((r) => r.scoreBucket);
  const funnel = { leads: counts.total, called: counts.called, connected: Number(connectedLeads?.n ?? 0), qualified: counts.qualified, needsConsent: counts.needsConsent };
  const qualified = Number(funnel.qualified);
  const hours = new Map(hourRows.map((r) => [Number(r.hour), { calls: Number(r.calls), connects: Number(r.connects) }]));

  return {
    totalCalls,
    connected: connectedCalls,
    connectRate: totalCalls ? connectedCalls / totalCalls : 0,
    averageDurationSeconds: timed === 0 ? null : Math.round(sum((r) => r.durationSum) / timed),
    byOutcome: Object.fromEntries(tally((r) => r.outcome || 'pending')),
    byStatus: Object.fromEntries(tally((r) => r.status)),
    scoreDistribution: Array.from({ length: 10 }, (_, i) => ({
      bucket: i === 9 ? '90-100' : `${i * 10}-${i * 10 + 9}`,
      count: byScore.get(i) ?? 0,
    })),
    callsPerHour: Array.from({ length: 24 }, (_, hour) => ({ hour, calls: hours.get(hour)?.calls ?? 0, connects: hours.get(hour)?.connects ?? 0 })),
    funnel,
    qualified,
    totalCost,
    costPerQualifiedLead: qualified ? Math.round((totalCost / qualified) * 100) / 100 : null,
  };
}
