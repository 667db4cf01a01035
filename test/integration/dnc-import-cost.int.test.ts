// A bulk import probes the do-not-call list once a row when the list holds no hashed entries, however long the list:
// each row's keyed hashes (an erased lead's opt-out is kept only as those) are probed only when the workspace has a
// hashed entry, asked once per chunk. With the hashes probed for every row, a 10,000,000-number list cost the import
// 2–3 index probes a row into an index larger than shared buffers (bench/dnc-registry.ts read 104.8–129.2 % of the
// empty list's time). Measured in plan loops, which do not depend on the machine's speed. What the import finds is
// held by leads-import-staged.int.test.ts on both drivers. Postgres only: PGlite's planner is not the production one.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '@/db';
import { dncHashKeys, hashedDncEntry } from '@/lib/services/dnc/dnc-keys';
import { importLeads } from '@/lib/services/leads/import-leads';
import { createStageTableSql, LEAD_STAGE_TABLE } from '@/lib/services/leads/lead-stage';
import { createTestDb, insertCampaign, insertUser, testDriver, tracedDb, type PlanNode, type TestDb, type TracedDb } from '@/test/fixtures';

const onPostgres = testDriver() === 'postgres';
const rows = 300;

let db: TestDb;
let traced: TracedDb;
let userId: string;
let workspaceId: string;

/** A file's numbers, `offset` on from the first. */
const phonesFrom = (offset: number) => Array.from({ length: rows }, (_, i) => `+1415${3000000 + offset + i}`);

const csv = (phones: string[]) =>
  (async function* () {
    yield new TextEncoder().encode(`name,phone\n${phones.map((phone, i) => `Lead ${i},${phone}`).join('\n')}\n`);
  })();

/** The list probes of a plan, by what they look up: the number itself, or its keyed hashes (`= ANY(…)`). */
function listProbes(node: PlanNode, found: { byHashes: boolean; loops: number }[] = []) {
  if (node['Relation Name'] === 'dnc_numbers' && node['Index Cond']?.includes('phone')) found.push({ byHashes: /ANY/.test(node['Index Cond']), loops: node['Actual Loops'] ?? 0 });
  for (const child of node.Plans ?? []) listProbes(child, found);
  return found;
}

/** Imports a file, then runs its chunk's merge again under EXPLAIN ANALYZE on the same staged rows: its list probes. */
async function importedProbes(offset: number) {
  const campaignId = (await insertCampaign(db.db, workspaceId, {}, 'draft')).id;
  traced.clear();
  const phones = phonesFrom(offset);
  const result = await importLeads(traced.db, { workspaceId, userId, campaignId, csv: csv(phones), maxRows: 10_000, now: new Date() });
  expect(result.inserted + result.dnc).toBe(rows);
  const merge = traced.captured.find((c) => /insert into leads/.test(c.query) && c.query.includes(LEAD_STAGE_TABLE));
  expect(merge).toBeDefined();
  const stage = merge!.query.match(new RegExp(`from (${LEAD_STAGE_TABLE}\\w*)`))![1];
  // The staged rows as the import staged them (each number and its keyed hashes), into the campaign as it was before.
  const keys = phones.map((phone) => dncHashKeys(phone).join(','));
  const plan = await traced.explain(merge!, 'analyze', [
    `delete from leads where campaign_id = '${campaignId}'`,
    createStageTableSql(stage),
    `insert into ${stage} (n, name, phone, context, dnc_keys)
       select i, 'Lead ' || i, p, '', string_to_array(k, ',') from unnest(array['${phones.join("','")}'], array['${keys.join("','")}']) with ordinality as t(p, k, i)`,
  ]);
  return { result, probes: listProbes(plan) };
}

beforeAll(async () => {
  if (!onPostgres) return;
  db = await createTestDb();
  userId = await insertUser(db.db);
  [{ id: workspaceId }] = await db.db.select({ id: schema.workspaces.id }).from(schema.workspaces).where(eq(schema.workspaces.personalOf, userId));
  // A list of plain numbers, some of them in the files.
  await db.db.execute(sql`insert into dnc_numbers (workspace_id, phone, source) select ${workspaceId}::uuid, '+1415' || (3000000 + g * 7)::text, 'import' from generate_series(0, 20000) g`);
  await db.db.execute(sql`analyze dnc_numbers`);
  traced = tracedDb(db.url!);
}, 120_000);
afterAll(async () => {
  if (!onPostgres) return;
  await traced?.end();
  await db?.drop();
});

describe.skipIf(!onPostgres)('a bulk import’s probes of a long do-not-call list', () => {
  it('with no hashed entry on the list: one probe a row, the hashes never probed', async () => {
    const { result, probes } = await importedProbes(0);
    expect(result.dnc).toBe(Math.ceil(rows / 7));
    expect(probes.filter((p) => p.byHashes)).toEqual([{ byHashes: true, loops: 0 }]);
  });

  it('once the list holds a hashed entry: every row’s hashes probed too', async () => {
    await db.db.insert(schema.dncNumbers).values({ workspaceId, phone: hashedDncEntry('+19999999999') });
    const { probes } = await importedProbes(1_000_000);
    expect(probes.filter((p) => p.byHashes)).toEqual([{ byHashes: true, loops: rows }]);
  });
});
