// The hot queries' plans on a campaign of 100,000 leads and 100,000 calls (and a 100,000-number DNC list): none may
// turn into a sequential scan of leads, campaign_calls or dnc_numbers. The queries are the real ones, captured from
// the services as they run (drizzle's query logger), then EXPLAINed with their own parameters. Postgres only: PGlite's
// planner and statistics are not the production ones.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignAnalytics } from '@/lib/services/analytics';
import { getCampaignOrThrow } from '@/lib/services/campaigns';
import { listCalls, listCallsQuery } from '@/lib/services/calls';
import { claimLeads, progressReport } from '@/lib/services/engine';
import { listLeads, listLeadsQuery } from '@/lib/services/leads';
import { seedBigCampaign, type BigCampaign } from '@/test/big-campaign';
import { createTestDb, testDriver, tracedDb, type CapturedStatement, type PlanNode, type TestDb, type TracedDb } from '@/test/fixtures';

const bigTables = new Set(['leads', 'campaign_calls', 'dnc_numbers']);

let db: TestDb;
let traced: TracedDb;
let big: BigCampaign;

const onPostgres = testDriver() === 'postgres';

beforeAll(async () => {
  if (!onPostgres) return;
  db = await createTestDb();
  big = await seedBigCampaign(db.db, { leads: 100_000, calls: 100_000, dnc: 100_000 });
  traced = tracedDb(db.url!, { max: 2 });
}, 600_000);
afterAll(async () => {
  if (!onPostgres) return;
  await traced?.end();
  await db?.drop();
});

/** Every statement `run` sent, but the transaction's own. */
async function capture(run: () => Promise<unknown>): Promise<CapturedStatement[]> {
  traced.clear();
  await run();
  return traced.captured.filter((c) => !/^\s*(begin|commit|rollback|savepoint|release)/i.test(c.query) && !/^\s*insert/i.test(c.query));
}

function seqScans(node: PlanNode, found: string[] = []): string[] {
  if (node['Node Type'] === 'Seq Scan' && node['Relation Name'] && bigTables.has(node['Relation Name'])) found.push(node['Relation Name']);
  for (const child of node.Plans ?? []) seqScans(child, found);
  return found;
}

/** The big tables each captured statement would read with a sequential scan, by statement. */
async function seqScansOf(statements: CapturedStatement[]): Promise<{ query: string; seqScans: string[] }[]> {
  const out = [];
  for (const s of statements) {
    const plan = await traced.explain(s);
    out.push({ query: s.query.slice(0, 160), seqScans: seqScans(plan) });
  }
  return out;
}

async function expectNoSeqScan(statements: CapturedStatement[]) {
  expect(statements.length).toBeGreaterThan(0);
  const plans = await seqScansOf(statements);
  expect(plans.filter((p) => p.seqScans.length > 0)).toEqual([]);
}

async function cursorAt(table: 'leads' | 'campaign_calls', offset: number): Promise<string> {
  const [row] = await traced.client.unsafe(
    `select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at, id from ${table} where campaign_id = $1 order by created_at desc, id desc offset $2 limit 1`,
    [big.campaignId, offset],
  );
  return Buffer.from(`${row.at}|${row.id}`).toString('base64url');
}

describe.skipIf(!onPostgres)('query plans on 100,000 leads and calls', () => {
  it('the claim (queue tiers, number locks, owner-wide limits, DNC probe, lead updates) uses indexes', async () => {
    const statements = await capture(() => claimLeads(traced.db, { campaignId: big.campaignId, now: big.now, want: 40 }));
    expect(statements.some((s) => s.query.includes('dnc_numbers'))).toBe(true);
    expect(statements.filter((s) => /from "leads"/.test(s.query) && /for update skip locked/i.test(s.query)).length).toBeGreaterThanOrEqual(1);
    await expectNoSeqScan(statements);
  });

  it('the claim’s retry tiers use their partial indexes', async () => {
    // No pending lead left: the claim walks the retry and no-answer tiers.
    await db.db.execute(sql`update leads set status = 'completed' where status = 'pending' and campaign_id = ${big.campaignId}`);
    await db.db.execute(sql`update campaign_calls set status = 'completed' where status in ('pending', 'calling', 'in_progress')`);
    await db.db.execute(sql`analyze leads`);
    const statements = await capture(() => claimLeads(traced.db, { campaignId: big.campaignId, now: big.now, want: 40 }));
    expect(statements.filter((s) => s.query.includes("'retry_scheduled'") || s.params.includes('retry_scheduled')).length).toBeGreaterThanOrEqual(1);
    await expectNoSeqScan(statements);
  });

  it('/progress reads counters and indexes only', async () => {
    const campaign = await getCampaignOrThrow(traced.db, { workspaceId: big.workspaceId, campaignId: big.campaignId });
    await expectNoSeqScan(await capture(() => progressReport(traced.db, campaign, big.now)));
  });

  it('/analytics reads the call rollups and counters, never the calls themselves', async () => {
    const statements = await capture(() => campaignAnalytics(traced.db, { campaignId: big.campaignId, timezone: 'America/New_York' }));
    expect(statements.filter((s) => /campaign_calls"?\s/.test(s.query))).toEqual([]);
    await expectNoSeqScan(statements);
  });

  it('the leads page, first and deep (cursor 90,000 rows in), with and without a status filter', async () => {
    const deep = await cursorAt('leads', 90_000);
    for (const query of [{}, { cursor: deep }, { status: 'completed' }, { status: 'completed', cursor: deep }]) {
      const parsed = listLeadsQuery.parse({ limit: 25, ...query });
      await expectNoSeqScan(await capture(() => listLeads(traced.db, { workspaceId: big.workspaceId, campaignId: big.campaignId, ...parsed })));
    }
  });

  it('the calls page, first and deep (cursor 90,000 rows in), with and without a status filter', async () => {
    const deep = await cursorAt('campaign_calls', 90_000);
    for (const query of [{}, { cursor: deep }, { status: 'completed' }, { status: 'completed', cursor: deep }]) {
      const parsed = listCallsQuery.parse({ limit: 25, ...query });
      await expectNoSeqScan(await capture(() => listCalls(traced.db, { workspaceId: big.workspaceId, campaignId: big.campaignId, ...parsed })));
    }
  });
});
