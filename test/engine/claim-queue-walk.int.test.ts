// The claim's queue walk must not grow with the leads a campaign has already called. Each tier's partial index must
// give the tier's whole order (its key, then id), or the planner may walk an index over every lead of the campaign,
// in that order, and filter out the ones already called: a cost that grows with the campaign's progress. It did, with
// statistics taken while every lead was pending (as after an import): the first tier walked the whole campaign's
// index and dropped each lead called before. Postgres only: PGlite's planner and statistics are not the production ones.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { claimLeads } from '@/lib/services/engine/claim-leads';
import { everyHourOfEveryDay } from '@/shared/contracts/campaign-config';
import { createTestDb, insertCampaign, insertUser, testDriver, tracedDb, type PlanNode, type TestDb, type TracedDb } from '@/test/fixtures';

const onPostgres = testDriver() === 'postgres';
const leads = 100_000;
const calledBefore = 3_000;
const now = new Date('2026-06-17T16:00:00Z');

/** The index scans of `leads` in a plan, with the rows each dropped after reading them. */
function leadScans(node: PlanNode, found: { index: string; removed: number }[] = []) {
  if (node['Relation Name'] === 'leads' && node['Index Name']) found.push({ index: node['Index Name'], removed: node['Rows Removed by Filter'] ?? 0 });
  for (const child of node.Plans ?? []) leadScans(child, found);
  return found;
}

let db: TestDb;
let campaignId: string;
let traced: TracedDb;

beforeAll(async () => {
  if (!onPostgres) return;
  db = await createTestDb();
  const owner = await insertUser(db.db);
  campaignId = (await insertCampaign(db.db, owner, { callWindows: everyHourOfEveryDay, maxConcurrentCalls: 500, maxCallsPerDay: 10_000 })).id;
  // Statistics from before any call (every lead pending), and no autovacuum to renew them during the test.
  await db.db.execute(sql`alter table leads set (autovacuum_enabled = false)`);
  await db.db.execute(sql`
    insert into leads (campaign_id, name, phone, timezone, consent_at, consent_source, created_at)
    select ${campaignId}::uuid, 'Lead ' || g, '+1212' || (2000000 + g)::text, 'America/New_York', '2025-11-03T15:04:05Z', 'web form', '2026-01-01T00:00:00Z'::timestamptz + g * interval '1 second'
    from generate_series(1, ${leads}) g`);
  await db.db.execute(sql`analyze leads`);
  // The campaign's oldest leads were called and finished since.
  await db.db.execute(sql`update leads set status = 'completed', call_attempts = 1 where id in (select id from leads where campaign_id = ${campaignId}::uuid order by created_at limit ${calledBefore})`);
  traced = tracedDb(db.url!);
}, 300_000);
afterAll(async () => {
  if (!onPostgres) return;
  await traced?.end();
  await db?.drop();
});

describe.skipIf(!onPostgres)('the claim’s queue walk', () => {
  it('reads the due leads only, however many of the campaign’s leads were called before', async () => {
    const claim = await claimLeads(traced.db, { campaignId, now, want: 50 });
    expect(claim.claimed).toHaveLength(50);
    // The first lead claimed is the oldest never called.
    expect(claim.claimed[0].lead.name).toBe(`Lead ${calledBefore + 1}`);

    const candidates = traced.captured.find((c) => /from "leads"/.test(c.query) && /for update skip locked/i.test(c.query));
    expect(candidates).toBeDefined();
    // Run again under EXPLAIN ANALYZE (in a transaction rolled back), so the rows each scan read are counted.
    const scans = leadScans(await traced.explain(candidates!, 'analyze'));
    expect(scans.length).toBeGreaterThan(0);
    expect(scans.filter((s) => s.removed > 0)).toEqual([]);
  });
});
