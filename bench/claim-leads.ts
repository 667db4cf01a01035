// Benchmark: leads claimed per second by 4 concurrent workers, each on its own Postgres connection, through the
// real claim transaction (claimLeads, with every compliance read), against a bare claim loop on the same table in the
// same run: `update leads set status = 'calling' where id in (select id … for update skip locked limit 50) returning …`.
// Two scenarios, each on a fresh database: 1 active campaign, and 20 active campaigns (the workers walk them in turn).
// Each scenario holds 2 × BENCH_LEADS identical leads in the one leads table: half for the real claim's campaigns, half
// for the bare loop's, so neither reads rows the other has already claimed. Rounds alternate bare → real
// (BENCH_ROUNDS, BENCH_SECONDS each); the figures are the medians over rounds.
//
// The real claim's calls are ended in bulk after each claim, so the concurrency cap never throttles the measurement;
// that step stands in for the calls finishing and is not timed: a worker's rate is its leads over its time inside
// claimLeads (the bare loop's is all claim), and the scenario's rate is the sum over workers. p99 is per batch.
//   DATABASE_URL=postgres://… npx tsx bench/claim-leads.ts     BENCH_LEADS, BENCH_SECONDS, BENCH_ROUNDS to change
import { spawnSync } from 'node:child_process';
import { benchCampaignConfig, openBenchDatabase, seedBenchOwner } from './lib/bench-database';
import { reportFigure } from './lib/figures';
import { median, percentile } from './lib/stats';

const print = (line: string) => process.stdout.write(`${line}\n`);

if (!process.execArgv.some((a) => a.includes('react-server'))) {
  const run = spawnSync(process.execPath, ['--conditions=react-server', ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(run.status ?? 1);
}

const leads = Number(process.env.BENCH_LEADS ?? 1_000_000);
const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const workers = 4;
const batch = 50;

const { openPostgres, schema } = await import('@/db');
const { sql, inArray } = await import('drizzle-orm');
const { claimLeads } = await import('@/lib/services/engine/claim-leads');

type Handle = Awaited<ReturnType<typeof openPostgres>>;
type Loop = { rate: number; p50: number; p99: number; batches: number };


/** Runs `claimOnce` on every worker until the deadline; each call returns how many leads it claimed. */
async function runLoop(handles: Handle[], claimOnce: (h: Handle, worker: number, turn: number) => Promise<{ claimed: number; untimed?: () => Promise<void> }>): Promise<Loop> {
  const latencies: number[] = [];
  const perWorker = handles.map(() => ({ claimed: 0, ms: 0 }));
  const deadline = performance.now() + seconds * 1000;
  await Promise.all(
    handles.map(async (h, w) => {
      for (let turn = 0; performance.now() < deadline; turn++) {
        const t = performance.now();
        const { claimed, untimed } = await claimOnce(h, w, turn);
        const ms = performance.now() - t;
        perWorker[w].ms += ms;
        if (claimed > 0) {
          perWorker[w].claimed += claimed;
          latencies.push(ms);
        }
        await untimed?.();
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const rate = perWorker.reduce((sum, w) => sum + (w.ms > 0 ? w.claimed / (w.ms / 1000) : 0), 0);
  return { rate, p50: percentile(latencies, 50), p99: percentile(latencies, 99), batches: latencies.length };
}

async function scenario(campaignsN: number) {
  const database = await openBenchDatabase({ max: 2 });
  const main = database.handle;
  const url = new URL(database.url!);
  const handles: Handle[] = [];
  try {
    const ownerId = await seedBenchOwner(main.db);
    const config = benchCampaignConfig();
    const make = (label: string) =>
      main.db
        .insert(schema.campaigns)
        .values(Array.from({ length: campaignsN }, (_, i) => ({ workspaceId: ownerId, name: `${label} ${i + 1}`, config, status: 'active' as const })))
        .returning({ id: schema.campaigns.id });
    const real = (await make('Real')).map((c) => c.id);
    const bare = (await make('Bare')).map((c) => c.id);
    const t0 = performance.now();
    // Set-based insert: for each side, BENCH_LEADS leads spread over its campaigns, with distinct New York numbers,
    // their own zone and a consent record (the default basis, prior express written consent, holds a lead without one).
    for (const [side, ids] of [
      [0, real],
      [1, bare],
    ] as const) {
      await main.db.execute(sql`
        insert into leads (campaign_id, name, phone, timezone, consent_at, consent_source, created_at)
        select (${`{${ids.join(',')}}`}::uuid[])[1 + g % ${campaignsN}], 'Lead ' || g, '+1' || (2120000000 + ${side} * 5000000 + g)::text, 'America/New_York', '2025-11-03T15:04:05Z', 'bench web form', now() + g * interval '1 microsecond'
        from generate_series(1, ${leads}) g`);
    }
    await main.db.execute(sql`analyze leads`);
    print(`  ${campaignsN} campaign(s) a side: inserted ${(2 * leads).toLocaleString()} leads in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const now = new Date('2026-06-17T16:00:00Z'); // Wednesday noon in New York
    handles.push(...(await Promise.all(Array.from({ length: workers }, () => openPostgres(url.toString(), { max: 1 })))));
    const bareRuns: Loop[] = [];
    const realRuns: Loop[] = [];
    for (let round = 1; round <= rounds; round++) {
      const b = await runLoop(handles, async (h, w, turn) => {
        const campaignId = bare[(w + turn) % campaignsN];
        const rows = await h.db.execute(sql`
          update leads set status = 'calling', call_attempts = call_attempts + 1, last_called_at = ${now.toISOString()}::timestamptz, updated_at = ${now.toISOString()}::timestamptz
          where id in (select id from leads where campaign_id = ${campaignId} and status = 'pending' order by created_at, id limit ${batch} for update skip locked)
          returning id, campaign_id, phone, call_attempts`);
        return { claimed: (rows as unknown as unknown[]).length };
      });
      bareRuns.push(b);
      const r = await runLoop(handles, async (h, w, turn) => {
        const result = await claimLeads(h.db, { campaignId: real[(w + turn) % campaignsN], now, want: batch });
        const ids = result.claimed.map((c) => c.callId);
        // End the calls at once so the next claim has free slots (not timed).
        const untimed = ids.length ? async () => void (await h.db.update(schema.campaignCalls).set({ status: 'no_answer', outcome: 'no_answer' }).where(inArray(schema.campaignCalls.id, ids))) : undefined;
        return { claimed: result.claimed.length, untimed };
      });
      realRuns.push(r);
      print(`  round ${round}: bare ${Math.round(b.rate).toLocaleString()} leads/s (p50 ${b.p50.toFixed(1)} / p99 ${b.p99.toFixed(1)} ms, ${b.batches} batches); real ${Math.round(r.rate).toLocaleString()} leads/s (p50 ${r.p50.toFixed(1)} / p99 ${r.p99.toFixed(1)} ms, ${r.batches} batches) → ${((r.rate / b.rate) * 100).toFixed(1)} %`);
    }
    const [{ dupes }] = (await main.db.execute(sql`select count(*)::int as dupes from (select lead_id, attempt_number from campaign_calls group by 1, 2 having count(*) > 1) d`)) as unknown as { dupes: number }[];
    const ratio = median(realRuns.map((r, i) => r.rate / bareRuns[i].rate)) * 100;
    const p99 = median(realRuns.map((r) => r.p99));
    const bareRate = median(bareRuns.map((b) => b.rate));
    const bench = `claim-leads (${workers} workers, ${campaignsN} campaign${campaignsN === 1 ? '' : 's'}, ${leads.toLocaleString('en-US')} leads)`;
    print(`  median of ${rounds}: ${ratio.toFixed(1)} % of bare, real p99 ${p99.toFixed(1)} ms, duplicate claims ${dupes}`);
    reportFigure({ bench, name: 'claim rate', value: ratio, unit: '% of bare SKIP LOCKED', target: '≥ 58 %', met: ratio >= 58, baseline: { name: 'bare SKIP LOCKED loop', value: Math.round(bareRate), unit: 'leads/s' } });
    reportFigure({ bench, name: 'claim p99 per 50-lead batch', value: p99, unit: 'ms', target: '≤ 30 ms', met: p99 <= 30, baseline: { name: 'bare p99', value: Math.round(median(bareRuns.map((b) => b.p99)) * 10) / 10, unit: 'ms' } });
    reportFigure({ bench, name: 'duplicate claims', value: Number(dupes), unit: '', target: '0', met: Number(dupes) === 0 });
  } finally {
    await Promise.all(handles.map((h) => h.close()));
    await database.drop();
  }
}

await scenario(1);
await scenario(20);
