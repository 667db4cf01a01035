// Benchmark: leads claimed per second from one 1,000,000-lead campaign by 4 concurrent workers,
// each on its own Postgres connection, through the real claim transaction. Calls are ended in
// bulk between claims so the concurrency cap never throttles the measurement.
//   DATABASE_URL=postgres://… npx tsx bench/claim-leads.ts     BENCH_LEADS, BENCH_SECONDS to change
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import { reportFigure } from './lib/figures';

const print = (line: string) => process.stdout.write(`${line}\n`);

if (!process.execArgv.some((a) => a.includes('react-server'))) {
  const run = spawnSync(process.execPath, ['--conditions=react-server', ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(run.status ?? 1);
}

const leads = Number(process.env.BENCH_LEADS ?? 1_000_000);
const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const workers = 4;
const base = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const { migrate, openPostgres, schema } = await import('@/db');
const { sql, inArray } = await import('drizzle-orm');
const { campaignConfig } = await import('@/lib/services/campaigns/config');
const { claimLeads } = await import('@/lib/services/engine/claim-leads');

const name = `bench_${crypto.randomBytes(4).toString('hex')}`;
const admin = await openPostgres(base, { max: 1 });
await admin.db.execute(sql.raw(`create database ${name}`));
const url = new URL(base);
url.pathname = `/${name}`;
const main = await openPostgres(url.toString(), { max: 2 });
try {
  await migrate(main);
  const ownerId = crypto.randomUUID();
  await main.db.insert(schema.users).values({ id: ownerId, name: 'Bench', email: `${ownerId}@example.com` });
  await main.db.insert(schema.workspaces).values({ id: ownerId, name: 'Bench', personalOf: ownerId }); // the user's personal workspace, with the user's id
  const config = campaignConfig.parse({
    timezone: 'America/New_York',
    callWindows: [0, 1, 2, 3, 4, 5, 6].map((dayOfWeek) => ({ dayOfWeek, startHour: 0, endHour: 24 })),
    maxCallsPerDay: 1_000_000,
    maxCallsPerLead: 3,
    maxConcurrentCalls: 500,
  });
  const [campaign] = await main.db.insert(schema.campaigns).values({ workspaceId: ownerId, name: 'Bench', config, status: 'active' }).returning();
  const t0 = performance.now();
  // Set-based insert: a million leads with distinct New York numbers, their own zone and a consent record
  // (the default basis, prior express written consent, holds a lead without one).
  await main.db.execute(sql`
    insert into leads (campaign_id, name, phone, timezone, consent_at, consent_source, created_at)
    select ${campaign.id}, 'Lead ' || g, '+1212' || lpad((2000000 + g)::text, 7, '0'), 'America/New_York', '2025-11-03T15:04:05Z', 'bench web form', now() + g * interval '1 microsecond'
    from generate_series(1, ${leads}) g`);
  await main.db.execute(sql`analyze leads`);
  print(`  inserted ${leads.toLocaleString()} leads in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const now = new Date('2026-06-17T16:00:00Z'); // Wednesday noon in New York
  const handles = await Promise.all(Array.from({ length: workers }, () => openPostgres(url.toString(), { max: 1 })));
  let claimed = 0;
  let batches = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    handles.map(async (h) => {
      while (performance.now() < deadline) {
        const result = await claimLeads(h.db, { campaignId: campaign.id, now, want: 50 });
        if (result.claimed.length === 0) continue;
        claimed += result.claimed.length;
        batches++;
        const ids = result.claimed.map((c) => c.callId);
        // End the calls at once so the next claim has free slots.
        await h.db.update(schema.campaignCalls).set({ status: 'no_answer', outcome: 'no_answer' }).where(inArray(schema.campaignCalls.id, ids));
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const [{ dupes }] = await main.db.execute(sql`select count(*)::int as dupes from (select lead_id, attempt_number from campaign_calls group by 1, 2 having count(*) > 1) d`).then((r) => r as unknown as { dupes: number }[]);
  print(`  ${workers} workers, ${elapsed.toFixed(1)} s: ${claimed.toLocaleString()} leads claimed in ${batches} batches → ${Math.round(claimed / elapsed).toLocaleString()} leads/s (duplicate claims: ${dupes})`);
  reportFigure({ bench: `claim-leads (${workers} workers)`, name: 'duplicate claims', value: Number(dupes), unit: '', target: '0', met: Number(dupes) === 0 });
  reportFigure({ bench: `claim-leads (${workers} workers)`, name: 'claim rate (no bare SKIP LOCKED baseline in this bench yet)', value: Math.round(claimed / elapsed), unit: 'leads/s', target: '≥ 58 % of a bare SKIP LOCKED loop', met: false });
  await Promise.all(handles.map((h) => h.close()));
} finally {
  await main.close();
  await admin.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
  await admin.close();
}
