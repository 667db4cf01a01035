// The claim's read of the workspace's data for its numbers (owner-wide calls in the last 24 h, calls in flight) must
// cost what those numbers' own calls cost, not what the workspace's history costs. Found by profiling the claim bench:
// planned as a loop over the workspace's campaigns, the lookup walked every campaign's calls (and, for "in flight",
// every index entry a call left while it was in flight, until a vacuum), so on 20 campaigns it grew from 6 to 49 ms a
// claim over 2,000 claims. Measured in plan shape and buffers (EXPLAIN ANALYZE), which do not depend on the machine's
// speed.
// The cost test runs on Postgres only (PGlite's planner and statistics are not the production ones); what the read
// finds is checked on both.
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '@/db';
import { loadWorkspaceComplianceContext } from '@/lib/services/compliance';
import { createTestDb, insertCampaign, testDriver, tracedDb, type PlanNode, type TestDb, type TracedDb } from '@/test/fixtures';

const onPostgres = testDriver() === 'postgres';
const now = new Date('2026-06-17T16:00:00Z');
const campaignsOfWorkspace = 20;

let db: TestDb;
let traced: TracedDb | undefined;
let workspaceId: string;
let otherWorkspaceId: string;
let campaignIds: string[];
let called = 0;

async function newWorkspace(name: string): Promise<string> {
  const id = crypto.randomUUID();
  await db.db.insert(schema.users).values({ id, name, email: `${id}@example.com` });
  await db.db.insert(schema.workspaces).values({ id, name, personalOf: id });
  return id;
}

/**
 * `perCampaign` more calls on every campaign of the workspace, each to a number of its own, made as the dialer makes
 * them: claimed in flight in the last 24 h, then ended (so each left index entries while in flight).
 */
async function callHistory(perCampaign: number) {
  const from = called;
  called += perCampaign * campaignIds.length;
  await db.db.execute(sql`
    with new_leads as (
      insert into leads (campaign_id, name, phone, timezone, status, call_attempts)
      select (${`{${campaignIds.join(',')}}`}::uuid[])[1 + g % ${campaignIds.length}], 'Lead ' || g, '+1212' || (3000000 + g)::text, 'America/New_York', 'completed', 1
      from generate_series(${from}::int, ${called - 1}::int) g
      returning id, campaign_id, phone)
    insert into campaign_calls (campaign_id, lead_id, attempt_number, status, phone, claimed_at)
    select campaign_id, id, 1, 'calling', phone, ${now.toISOString()}::timestamptz - interval '2 hours' from new_leads`);
  await db.db.execute(sql`update campaign_calls set status = 'no_answer', outcome = 'no_answer' where status = 'calling'`);
}

/** How each plan node of the tree reads campaign_calls: its index's name, or its node type. */
function callsReads(node: PlanNode, found: string[] = []): string[] {
  if (node['Relation Name'] === 'campaign_calls' || node['Index Name']?.startsWith('campaign_calls_')) found.push(node['Index Name'] ?? node['Node Type']);
  for (const child of node.Plans ?? []) callsReads(child, found);
  return found;
}

/** The context's statement for 50 numbers with no calls of their own: shared buffers it touched, and how it read the calls. */
async function contextRead(): Promise<{ buffers: number; reads: string[] }> {
  traced!.clear();
  const phones = Array.from({ length: 50 }, (_, i) => `+1646${2000000 + i}`);
  await loadWorkspaceComplianceContext(traced!.db, { workspaceId, phones, now });
  expect(traced!.captured).toHaveLength(1);
  const plan = await traced!.explain(traced!.captured[0], 'analyze, buffers');
  return { buffers: (plan['Shared Hit Blocks'] ?? 0) + (plan['Shared Read Blocks'] ?? 0), reads: [...new Set(callsReads(plan))] };
}

beforeAll(async () => {
  db = await createTestDb();
  workspaceId = await newWorkspace('Busy workspace');
  otherWorkspaceId = await newWorkspace('Other workspace');
  campaignIds = [];
  for (let i = 0; i < campaignsOfWorkspace; i++) campaignIds.push((await insertCampaign(db.db, workspaceId)).id);
  if (onPostgres) traced = tracedDb(db.url!);
}, 120_000);
afterAll(async () => {
  await traced?.end();
  await db?.drop();
});

describe('the claim’s read of the workspace’s data for its numbers', () => {
  it.skipIf(!onPostgres)('reads only the numbers’ own calls, by the phone index, at a few pages a number as the history grows', async () => {
    await callHistory(100); // 2,000 calls over 20 campaigns
    // Statistics as autovacuum's analyze leaves them, then 40,000 calls more with no vacuum in between, so every
    // ended call's old index entries (from while it was in flight) are still there.
    await db.db.execute(sql`analyze`);
    await callHistory(1_000); // 22,000
    const before = await contextRead();
    await callHistory(1_000); // 42,000
    const after = await contextRead();
    expect(before.reads).toEqual(['campaign_calls_phone_claimed_idx']);
    expect(after.reads).toEqual(['campaign_calls_phone_claimed_idx']);
    // A few pages per number (the index's path down to it: one more level as the index grows), whatever the history.
    expect({ before: before.buffers, after: after.buffers, bounded: Math.max(before.buffers, after.buffers) <= 50 * 5 }).toEqual({ before: before.buffers, after: after.buffers, bounded: true });
  });

  it('still finds the numbers’ calls: in flight, in the last 24 h, and only the workspace’s own', async () => {
    const [lead] = await db.db.insert(schema.leads).values({ campaignId: campaignIds[3], name: 'Called', phone: '+16462000001', timezone: 'America/New_York' }).returning();
    await db.db.insert(schema.campaignCalls).values([
      { campaignId: campaignIds[3], leadId: lead.id, attemptNumber: 1, status: 'no_answer', phone: lead.phone, claimedAt: new Date(now.getTime() - 3_600_000) },
      { campaignId: campaignIds[3], leadId: lead.id, attemptNumber: 2, status: 'calling', phone: lead.phone, claimedAt: new Date(now.getTime() - 60_000) },
      { campaignId: campaignIds[3], leadId: lead.id, attemptNumber: 3, status: 'no_answer', phone: lead.phone, claimedAt: new Date(now.getTime() - 30 * 3_600_000) },
    ]);
    // Another workspace's call to a number of the claim: not this workspace's limit.
    const other = await insertCampaign(db.db, otherWorkspaceId);
    const [theirs] = await db.db.insert(schema.leads).values({ campaignId: other.id, name: 'Theirs', phone: '+16462000002', timezone: 'America/New_York' }).returning();
    await db.db.insert(schema.campaignCalls).values({ campaignId: other.id, leadId: theirs.id, attemptNumber: 1, status: 'calling', phone: theirs.phone, claimedAt: new Date(now.getTime() - 60_000) });

    const ctx = await loadWorkspaceComplianceContext(db.db, { workspaceId, phones: ['+16462000001', '+16462000002', '+16462000003'], now });
    expect([...ctx.inFlight]).toEqual(['+16462000001']);
    expect(Object.fromEntries(ctx.callsLast24h)).toEqual({ '+16462000001': 2 });
  });
});
