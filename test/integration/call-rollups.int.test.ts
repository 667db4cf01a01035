// The per-campaign call rollups (migrations 0018 and 0021, kept by triggers on campaign_calls) against a recount of the calls,
// after inserts, updates of what they count, a late re-billing, deletes and a campaign delete, before and after a fold;
// and /analytics reading them gives what the same figures computed from the calls give.
import { and, count, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rowsOf, schema } from '@/db';
import { campaignAnalytics, foldCallRollups } from '@/lib/services/analytics';
import { rebillSettledCall } from '@/lib/services/calls/call-cost';
import { callsClaimedBetween } from '@/lib/services/engine/calls-claimed';
import { campaignDayBounds } from '@/lib/services/engine/rules';
import { progressReport } from '@/lib/services/engine/progress-report';
import { insertCampaign, insertLeads, insertUser, apiFixtures } from '@/test/fixtures';

const { db } = apiFixtures();

type Figures = Record<string, Record<string, string>>;

/** Every rollup figure recounted from the calls themselves, by campaign and key, as text (exact numerics). */
async function recount(): Promise<Figures> {
  const rows = rowsOf<{ campaign_id: string; key: string; figures: string }>(
    await db.db.execute(sql`
      select campaign_id, 'count|' || status || '|' || coalesce(outcome, '') || '|' || case when score is null then -1 else least(floor(score / 10), 9)::int end as key,
        concat_ws(' ', count(*), count(*) filter (where answered_at is not null and coalesce(outcome, '') <> 'voicemail'),
          count(*) filter (where answered_at is not null and duration_seconds is not null),
          coalesce(sum(duration_seconds) filter (where answered_at is not null), 0), coalesce(sum(cost), 0)::numeric(20, 4)) as figures
      from campaign_calls group by 1, 2
      union all
      select campaign_id, 'slot|' || to_char(date_bin('15 minutes', claimed_at, timestamptz '2000-01-01 00:00:00+00') at time zone 'UTC', 'YYYY-MM-DD HH24:MI'),
        concat_ws(' ', count(*), count(*) filter (where answered_at is not null and coalesce(outcome, '') <> 'voicemail'))
      from campaign_calls group by 1, 2
      union all
      select campaign_id, 'connected leads', count(distinct lead_id)::text
      from campaign_calls where answered_at is not null and coalesce(outcome, '') <> 'voicemail' group by 1`),
  );
  return byCampaign(rows);
}

/** The rollups as a read sums them (keys whose rows sum to nothing left out). */
async function stored(): Promise<Figures> {
  const rows = rowsOf<{ campaign_id: string; key: string; figures: string }>(
    await db.db.execute(sql`
      select campaign_id, 'count|' || status || '|' || outcome || '|' || score_bucket as key,
        concat_ws(' ', sum(calls), sum(connected), sum(timed), sum(duration_sum), sum(cost_sum)::numeric(20, 4)) as figures
      from campaign_call_counts group by 1, 2 having sum(calls) <> 0 or sum(connected) <> 0 or sum(timed) <> 0 or sum(duration_sum) <> 0 or sum(cost_sum) <> 0
      union all
      select campaign_id, 'slot|' || to_char(slot at time zone 'UTC', 'YYYY-MM-DD HH24:MI'), concat_ws(' ', sum(calls), sum(connects))
      from campaign_call_slots group by 1, 2 having sum(calls) <> 0 or sum(connects) <> 0
      union all
      select campaign_id, 'connected leads', sum(leads)::text from campaign_connected_leads group by 1 having sum(leads) <> 0`),
  );
  return byCampaign(rows);
}

function byCampaign(rows: { campaign_id: string; key: string; figures: string }[]): Figures {
  const out: Figures = {};
  for (const r of rows) (out[r.campaign_id] ??= {})[r.key] = r.figures;
  return out;
}

async function expectRollupsMatch() {
  const expected = await recount();
  expect(await stored()).toEqual(expected);
  // Each lead's connected calls, too (what the connected-lead count moves by).
  const leads = rowsOf<{ lead_id: string; n: number }>(
    await db.db.execute(sql`select lead_id, count(*)::int as n from campaign_calls where answered_at is not null and coalesce(outcome, '') <> 'voicemail' group by 1 order by 1`),
  );
  const kept = await db.db.select({ leadId: schema.campaignLeadConnects.leadId, calls: schema.campaignLeadConnects.calls }).from(schema.campaignLeadConnects);
  expect(kept.filter((k) => k.calls !== 0).sort((x, y) => x.leadId.localeCompare(y.leadId))).toEqual(leads.map((l) => ({ leadId: l.lead_id, calls: l.n })));
  return expected;
}

const at = (minutes: number) => new Date(Date.UTC(2026, 5, 17, 13, 0) + minutes * 60_000);

describe('call rollups', () => {
  it('equal a recount after inserts, status, outcome, score and cost changes, a re-billing, deletes and a campaign delete', async () => {
    const owner = await insertUser(db.db);
    const a = await insertCampaign(db.db, owner);
    const b = await insertCampaign(db.db, owner);
    const aLeads = await insertLeads(db.db, a.id, 40);
    const bLeads = await insertLeads(db.db, b.id, 20, 1000);

    // Claims: one statement of many calls, over several slots and both campaigns.
    const claimed = await db.db
      .insert(schema.campaignCalls)
      .values([...aLeads, ...bLeads].map((lead, i) => ({ campaignId: lead.campaignId, leadId: lead.id, attemptNumber: 1, phone: lead.phone, status: 'pending' as const, claimedAt: at(i * 7) })))
      .returning();
    await expectRollupsMatch();

    // Dialled (the slot stays at the claim time), then answered or not.
    for (const [i, c] of claimed.entries()) {
      await db.db.update(schema.campaignCalls).set({ status: 'calling', dialedAt: at(i * 7 + 20) }).where(eq(schema.campaignCalls.id, c.id));
    }
    const answered = claimed.filter((_, i) => i % 3 !== 0);
    await db.db
      .update(schema.campaignCalls)
      .set({ status: 'completed', answeredAt: at(30), endedAt: at(33), durationSeconds: sql`60 + (attempt_number * 17) % 200` })
      .where(inArray(schema.campaignCalls.id, answered.map((c) => c.id)));
    await db.db.update(schema.campaignCalls).set({ status: 'no_answer', endedAt: at(31) }).where(sql`status = 'calling'`);
    await expectRollupsMatch();

    // Settled: outcomes, scores, cost; some answered calls turn out to be voicemail (no longer connected).
    await db.db.execute(sql`update campaign_calls set outcome = case when answered_at is null then 'no_answer' when (extract(epoch from dialed_at)::bigint / 60) % 5 = 0 then 'voicemail' when (extract(epoch from dialed_at)::bigint / 60) % 2 = 0 then 'qualified' else 'unqualified' end,
      score = case when answered_at is not null then (extract(epoch from dialed_at)::bigint / 60) % 101 end,
      billable_minutes = case when answered_at is not null then ceil(duration_seconds / 60.0) else 0 end,
      cost = case when answered_at is not null then ceil(duration_seconds / 60.0) * 0.15 else 0 end`);
    await expectRollupsMatch();

    // Late events: a no-answer proves answered (connected now), then its bill is redone by the re-billing rule.
    const late = claimed[0];
    const [row] = await db.db.update(schema.campaignCalls).set({ answeredAt: at(25), durationSeconds: 301, outcome: 'completed' }).where(eq(schema.campaignCalls.id, late.id)).returning();
    await db.db.transaction((tx) => rebillSettledCall(tx, row));
    const [rebilled] = await db.db.select().from(schema.campaignCalls).where(eq(schema.campaignCalls.id, late.id));
    expect(rebilled.billableMinutes).toBe(6);
    await expectRollupsMatch();

    // A second attempt for a connected lead (the lead counts once), then the first attempt deleted.
    const second = answered[1];
    await db.db.insert(schema.campaignCalls).values({ campaignId: second.campaignId, leadId: second.leadId, attemptNumber: 2, phone: second.phone, status: 'completed', claimedAt: at(500), answeredAt: at(501), durationSeconds: 45, outcome: 'qualified' });
    await expectRollupsMatch();
    await db.db.delete(schema.campaignCalls).where(eq(schema.campaignCalls.id, second.id));
    await expectRollupsMatch();

    // A lead deleted takes its calls (cascade); an update that changes nothing counted writes no rollup row.
    await db.db.delete(schema.leads).where(inArray(schema.leads.id, [aLeads[4].id, aLeads[5].id]));
    await expectRollupsMatch();
    const before = rowsOf<{ n: number }>(await db.db.execute(sql`select count(*)::int as n from campaign_call_counts`))[0].n;
    await db.db.update(schema.campaignCalls).set({ leaseExpiresAt: at(900), updatedAt: at(900) });
    expect(rowsOf<{ n: number }>(await db.db.execute(sql`select count(*)::int as n from campaign_call_counts`))[0].n).toBe(before);

    // Folding leaves the figures as they were, with one row per key; more changes after it still add up.
    const expected = await expectRollupsMatch();
    expect(await foldCallRollups(db.db)).toEqual({ folded: true });
    expect(await stored()).toEqual(expected);
    const dupes = rowsOf<{ n: number }>(
      await db.db.execute(sql`select count(*)::int as n from (select 1 from campaign_call_counts group by campaign_id, status, outcome, score_bucket having count(*) > 1) d`),
    );
    expect(dupes[0].n).toBe(0);
    await db.db.update(schema.campaignCalls).set({ outcome: 'voicemail' }).where(eq(schema.campaignCalls.campaignId, b.id));
    await expectRollupsMatch();

    // A campaign deleted takes its calls and its rollups.
    await db.db.delete(schema.campaigns).where(eq(schema.campaigns.id, b.id));
    const after = await expectRollupsMatch();
    expect(Object.keys(after)).toEqual([a.id]);
    for (const table of ['campaign_call_counts', 'campaign_call_slots', 'campaign_connected_leads', 'campaign_lead_connects']) {
      const [left] = rowsOf<{ n: number }>(await db.db.execute(sql`select count(*)::int as n from ${sql.identifier(table)} where campaign_id = ${b.id}`));
      expect(left.n, table).toBe(0);
    }
  });

  /** The calls claimed on the campaign's local day, counted one by one: what the slots' sums must equal. */
  async function countCallsToday(campaignId: string, timezone: string, now: Date): Promise<number> {
    const { start, end } = campaignDayBounds(now, timezone);
    const c = schema.campaignCalls;
    const [{ n }] = await db.db.select({ n: count() }).from(c).where(and(eq(c.campaignId, campaignId), gte(c.claimedAt, start), lt(c.claimedAt, end)));
    return n;
  }

  it("the daily cap's and /progress's calls today, summed from the slots, equal a count of the calls, in a quarter-hour zone", async () => {
    const owner = await insertUser(db.db);
    // Kathmandu is UTC+05:45: its midnight is 18:15 UTC, a slot's edge but not an hour's.
    const campaign = await insertCampaign(db.db, owner, { timezone: 'Asia/Kathmandu' });
    const leads = await insertLeads(db.db, campaign.id, 12, 4000);
    const midnight = Date.UTC(2026, 5, 17, 18, 15); // 00:00 on 18 June in Kathmandu
    const offsets = [-16, -15, -1, -0.001, 0, 0.001, 1, 14, 15, 60 * 23 + 59, 60 * 24, 60 * 24 + 1]; // minutes from midnight
    for (const [i, lead] of leads.entries()) {
      await db.db.insert(schema.campaignCalls).values({ campaignId: campaign.id, leadId: lead.id, attemptNumber: 1, phone: lead.phone, status: 'completed', claimedAt: new Date(midnight + offsets[i] * 60_000) });
    }
    for (const minutes of [-30, -1, 0, 1, 600, 60 * 24 - 1, 60 * 24 + 5]) {
      const now = new Date(midnight + minutes * 60_000);
      const expected = await countCallsToday(campaign.id, 'Asia/Kathmandu', now);
      expect((await progressReport(db.db, campaign, now)).callsToday, `/progress at ${now.toISOString()}`).toBe(expected);
      // The claim's count, with the bounds it takes (campaignDayBounds in the campaign's zone).
      const { start, end } = campaignDayBounds(now, 'Asia/Kathmandu');
      const fragment = callsClaimedBetween(sql`${campaign.id}::uuid`, sql`${start.toISOString()}::timestamptz`, sql`${end.toISOString()}::timestamptz`);
      const [claimed] = rowsOf<{ n: number }>(await db.db.execute(sql`select ${fragment} as n`));
      expect(Number(claimed.n), `claim at ${now.toISOString()}`).toBe(expected);
    }
    expect((await progressReport(db.db, campaign, new Date(midnight + 60_000))).callsToday).toBe(6);
    await foldCallRollups(db.db);
    expect((await progressReport(db.db, campaign, new Date(midnight + 60_000))).callsToday).toBe(6);
  });

  it('/analytics from the rollups equals the same figures computed from the calls', async () => {
    const owner = await insertUser(db.db);
    const campaign = await insertCampaign(db.db, owner);
    const leads = await insertLeads(db.db, campaign.id, 30, 3000);
    await db.db.insert(schema.campaignCalls).values(
      leads.map((lead, i) => ({
        campaignId: campaign.id,
        leadId: lead.id,
        attemptNumber: 1,
        phone: lead.phone,
        status: i % 4 === 0 ? ('no_answer' as const) : ('completed' as const),
        outcome: i % 4 === 0 ? 'no_answer' : i % 5 === 0 ? 'voicemail' : i % 2 ? 'qualified' : 'unqualified',
        // Across the day, and across the half hours of a zone with a half-hour offset.
        claimedAt: at(i * 53),
        answeredAt: i % 4 === 0 ? null : at(i * 53 + 1),
        durationSeconds: i % 4 === 0 ? null : 30 + i * 11,
        score: i % 4 === 0 ? null : (i * 37) % 101,
        cost: i % 4 === 0 ? 0 : 0.1 * (1 + (i % 3)),
      })),
    );
    await db.db.update(schema.campaignCalls).set({ score: 55.5 }).where(eq(schema.campaignCalls.leadId, leads[1].id));
    for (const timezone of ['America/New_York', 'Asia/Kolkata', 'Asia/Kathmandu']) {
      const fromCalls = await analyticsFromCalls(campaign.id, timezone);
      const read = await campaignAnalytics(db.db, { campaignId: campaign.id, timezone });
      const { connectedLeads, ...figures } = fromCalls;
      // The funnel's other figures are the lead counters' (test/integration/lead-counts.int.test.ts).
      expect({ ...read, totalCost: read.totalCost.toFixed(4) }).toEqual({
        ...read,
        ...figures,
        connectRate: figures.connected / figures.totalCalls,
        funnel: { ...read.funnel, connected: connectedLeads },
        totalCost: figures.totalCost.toFixed(4),
      });
      expect(read.scoreDistribution.reduce((n, b) => n + b.count, 0)).toBe(22);
    }
  });
});

/** What the analytics read computed straight from campaign_calls before the rollups (its five passes). */
async function analyticsFromCalls(campaignId: string, timezone: string) {
  const one = async <T,>(q: ReturnType<typeof sql>) => rowsOf<T>(await db.db.execute(q));
  const connected = sql`answered_at is not null and coalesce(outcome, '') <> 'voicemail'`;
  const [totals] = await one<{ total: number; connected: number; avg: string | null; cost: string; leads: number }>(
    sql`select count(*)::int as total, count(*) filter (where ${connected})::int as connected, avg(duration_seconds) filter (where answered_at is not null) as avg,
      coalesce(sum(cost), 0) as cost, count(distinct lead_id) filter (where ${connected})::int as leads from campaign_calls where campaign_id = ${campaignId}`,
  );
  const record = (rows: { key: string; n: number }[]) => Object.fromEntries(rows.map((r) => [r.key, r.n]));
  const byOutcome = await one<{ key: string; n: number }>(sql`select coalesce(outcome, 'pending') as key, count(*)::int as n from campaign_calls where campaign_id = ${campaignId} group by 1`);
  const byStatus = await one<{ key: string; n: number }>(sql`select status::text as key, count(*)::int as n from campaign_calls where campaign_id = ${campaignId} group by 1`);
  const scores = await one<{ bucket: number; n: number }>(
    sql`select least(floor(score / 10), 9)::int as bucket, count(*)::int as n from campaign_calls where campaign_id = ${campaignId} and score is not null group by 1`,
  );
  const hours = await one<{ hour: number; calls: number; connects: number }>(
    sql`select extract(hour from (claimed_at at time zone ${timezone}))::int as hour, count(*)::int as calls, count(*) filter (where ${connected})::int as connects
      from campaign_calls where campaign_id = ${campaignId} group by 1`,
  );
  return {
    totalCalls: totals.total,
    connected: totals.connected,
    averageDurationSeconds: totals.avg == null ? null : Math.round(Number(totals.avg)),
    byOutcome: record(byOutcome),
    byStatus: record(byStatus),
    scoreDistribution: Array.from({ length: 10 }, (_, i) => ({ bucket: i === 9 ? '90-100' : `${i * 10}-${i * 10 + 9}`, count: scores.find((r) => r.bucket === i)?.n ?? 0 })),
    callsPerHour: Array.from({ length: 24 }, (_, hour) => {
      const h = hours.find((r) => r.hour === hour);
      return { hour, calls: h?.calls ?? 0, connects: h?.connects ?? 0 };
    }),
    connectedLeads: totals.leads,
    totalCost: Number(totals.cost),
  };
}
