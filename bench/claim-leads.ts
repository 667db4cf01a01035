// Benchmark: leads claimed per second through the real claim transaction (claimLeads, with every compliance read),
// against a bare claim loop on the same table in the same run, and how the real claim scales out over app processes.
//   bare:      4 workers in this process, each on its own connection, `update leads set status = 'calling' where id in
//              (select id … for update skip locked limit 50) returning …`;
//   real × N:  N app processes (bench/lib/claim-process.ts; separate Node processes, each with its own pool), each
//              running 4 workers through claimLeads, all over the same window; N = 1, 2, 4.
// Two scenarios: 1 active campaign, and 20 (the workers walk them in turn). Both live in one database, loaded once:
// 4 × BENCH_LEADS identical leads in the one leads table (the real and the bare side of each scenario), so neither
// side reads rows the other has claimed and no scenario pays for a load of its own. Each round runs bare, then the
// three process counts in an order that rotates from round to round (BENCH_ROUNDS rounds of BENCH_SECONDS a loop);
// the figures are the medians over rounds.
//
// The real claim's calls are ended in bulk after each claim, so the concurrency cap never throttles the measurement;
// that step stands in for the calls finishing. Each loop has two rates: its throughput (every lead it claimed over
// the window's wall time: for the real claim, the pauses on a locked campaign and the ending of the calls included)
// and its rate inside the claim (a worker's leads over its time inside claimLeads, or inside the bare statement,
// summed over workers). The claim-rate target is held by wall clock, real × 1 against bare; the rate inside the
// claim is reported beside it. The scale-out figures are throughputs too, since that is what a second process adds.
// Afterwards no lead may have been claimed twice: no (lead, attempt) twice, and no lead with two calls at all (a
// claimed lead is never released here, so a second call of one lead could only be a second claim).
//   DATABASE_URL=postgres://… npx tsx bench/claim-leads.ts     BENCH_LEADS, BENCH_SECONDS, BENCH_ROUNDS to change
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { startAppProcesses, type AppProcess } from './lib/app-processes';
import { benchCampaignConfig, openBenchDatabase, seedBenchOwner } from './lib/bench-database';
import { loadWithIndexesAfter } from './lib/bulk-load';
import type { ClaimReply, ClaimRequest } from './lib/claim-process';
import { describeCpu, sampleCpu, type CpuUse } from './lib/cpu-sampler';
import { reportFigure, reportStep } from './lib/figures';
import { median, percentile } from './lib/stats';
import { describeWaits, sampleWaits, type WaitShares } from './lib/wait-sampler';

const print = (line: string) => process.stdout.write(`${line}\n`);

if (!process.execArgv.some((a) => a.includes('react-server'))) {
  const run = spawnSync(process.execPath, ['--conditions=react-server', ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(run.status ?? 1);
}

const leads = Number(process.env.BENCH_LEADS ?? 500_000);
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const workers = 4;
const batch = 50;
const processCounts = [1, 2, 4];
const scaleOutTarget = 1.6;

const { openPostgres, rowsOf, schema } = await import('@/db');
const { sql } = await import('drizzle-orm');

type Handle = Awaited<ReturnType<typeof openPostgres>>;
/** rate: leads over each worker's time inside the claim, summed over workers; throughput: all its leads over the loop's wall time. */
type Loop = { rate: number; throughput: number; p50: number; p99: number; batches: number; cpu: CpuUse | null };
type ScaleOut = Loop & { processes: number; locked: number; short: number; claimed: number; waits: WaitShares };
type Scenario = { campaigns: number; real: string[]; bare: string[] };
type ClaimProcess = AppProcess<ClaimRequest, ClaimReply | { backends: number[] }>;

const now = new Date('2026-06-17T16:00:00Z'); // Wednesday noon in New York
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const rate = (r: number) => `${Math.round(r).toLocaleString('en-US')} leads/s`;

/** The bare loop: every worker until the deadline; a worker's rate is its leads over its time claiming. */
async function bareLoop(handles: Handle[], campaignIds: string[], cpuOf: () => { stop: () => Promise<CpuUse | null> }): Promise<Loop> {
  const latencies: number[] = [];
  const perWorker = handles.map(() => ({ claimed: 0, ms: 0 }));
  const cpu = cpuOf();
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    handles.map(async (h, w) => {
      for (let turn = 0; performance.now() < deadline; turn++) {
        const t = performance.now();
        const rows = await h.db.execute(sql`
          update leads set status = 'calling', call_attempts = call_attempts + 1, last_called_at = ${now.toISOString()}::timestamptz, updated_at = ${now.toISOString()}::timestamptz
          where id in (select id from leads where campaign_id = ${campaignIds[(w + turn) % campaignIds.length]} and status = 'pending' order by created_at, id limit ${batch} for update skip locked)
          returning id, campaign_id, phone, call_attempts`);
        const ms = performance.now() - t;
        perWorker[w].ms += ms;
        const claimed = rowsOf(rows).length;
        if (claimed === 0) continue;
        perWorker[w].claimed += claimed;
        latencies.push(ms);
      }
    }),
  );
  const wallSeconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const claimed = perWorker.reduce((sum, w) => sum + w.claimed, 0);
  return { rate: perWorker.reduce((sum, w) => sum + (w.ms > 0 ? w.claimed / (w.ms / 1000) : 0), 0), throughput: claimed / wallSeconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), batches: latencies.length, cpu: await cpu.stop() };
}

/** The real claim on the first `count` app processes over one window. */
async function realLoop(processes: ClaimProcess[], count: number, campaignIds: string[], cpuOf: () => { stop: () => Promise<CpuUse | null> }, waitsOf: (count: number, startAt: number) => { stop: () => Promise<WaitShares> }): Promise<ScaleOut> {
  const startAt = Date.now() + 100;
  const cpu = cpuOf();
  const waits = waitsOf(count, startAt);
  const replies = (await Promise.all(
    processes.slice(0, count).map((p, i) => p.request({ type: 'claim', campaignIds, firstWorker: i * workers, startAt, seconds, now: now.toISOString(), batch })),
  )) as ClaimReply[];
  const use = await cpu.stop();
  const waitShares = await waits.stop();
  const perWorker = replies.flatMap((r) => r.perWorker);
  const latencies = replies.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const claimed = perWorker.reduce((sum, w) => sum + w.claimed, 0);
  const wallSeconds = (Math.max(...replies.map((r) => r.finishedAt)) - startAt) / 1000;
  return {
    processes: count,
    rate: perWorker.reduce((sum, w) => sum + (w.ms > 0 ? w.claimed / (w.ms / 1000) : 0), 0),
    throughput: claimed / wallSeconds,
    claimed,
    locked: replies.reduce((sum, r) => sum + r.locked, 0),
    short: replies.reduce((sum, r) => sum + r.short, 0),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    batches: latencies.length,
    cpu: use,
    waits: waitShares,
  };
}

const database = await openBenchDatabase({ max: 2 });
const main = database.handle;
const handles: Handle[] = [];
const processes: ClaimProcess[] = [];
try {
  const ownerId = await seedBenchOwner(main.db);
  const config = benchCampaignConfig();
  const make = async (label: string, n: number) =>
    (
      await main.db
        .insert(schema.campaigns)
        .values(Array.from({ length: n }, (_, i) => ({ workspaceId: ownerId, name: `${label} ${i + 1}`, config, status: 'active' as const })))
        .returning({ id: schema.campaigns.id })
    ).map((c) => c.id);
  const scenarios: Scenario[] = [];
  for (const n of [1, 20]) scenarios.push({ campaigns: n, real: await make(`Real of ${n}`, n), bare: await make(`Bare of ${n}`, n) });

  // The app processes start (their imports take a few seconds) while the leads load.
  processes.push(...startAppProcesses<ClaimRequest, ClaimReply | { backends: number[] }>(path.join(import.meta.dirname, 'lib', 'claim-process.ts'), Math.max(...processCounts)));
  const t0 = performance.now();
  // Set-based insert: for each side of each scenario, BENCH_LEADS leads spread over its campaigns, with distinct New
  // York numbers, their zone and a consent record (the default basis, prior express written consent, holds a lead
  // without one). The claims are measured, not the load: the indexes are built after it.
  const sides = scenarios.flatMap((s) => [s.real, s.bare]);
  await loadWithIndexesAfter(main.db, ['leads'], async () => {
    for (const [side, ids] of sides.entries()) {
      await main.db.execute(sql`
        insert into leads (campaign_id, name, phone, timezone, consent_at, consent_source, created_at)
        select (${`{${ids.join(',')}}`}::uuid[])[1 + g % ${ids.length}], 'Lead ' || g, '+1212' || (2000000 + ${side * leads} + g)::text, 'America/New_York', '2025-11-03T15:04:05Z', 'bench web form', now() + g * interval '1 microsecond'
        from generate_series(1, ${leads}) g`);
    }
  });
  const loadSeconds = (performance.now() - t0) / 1000;
  reportStep('data (both scenarios)', loadSeconds);
  print(`  inserted ${(sides.length * leads).toLocaleString('en-US')} leads (${leads.toLocaleString('en-US')} a side: real and bare, 1 and 20 campaigns), indexes built after, in ${loadSeconds.toFixed(1)} s`);

  const processBackends = (await Promise.all(processes.map((p) => p.request({ type: 'open', url: database.url!, workers })))).map((r) => (r as { backends: number[] }).backends);
  handles.push(...(await Promise.all(Array.from({ length: workers }, () => openPostgres(database.url!, { max: 1 })))));
  await Promise.all(handles.map((h) => h.db.execute(sql`select 1`)));
  // The database's backends (this run's only: its own database) and the app processes, for where the CPU went.
  const backends = rowsOf<{ pid: number }>(await main.db.execute(sql`select pid from pg_stat_activity where datname = current_database()`)).map((r) => r.pid);
  const waitsOf = (count: number, startAt: number) => sampleWaits(main.db, processBackends.slice(0, count).flat(), startAt);
  const cpuOf = () => sampleCpu({ postgres: backends, 'app processes': processes.map((p) => p.pid), 'this process': [process.pid] });
  print(`  ${processes.length} app processes of ${workers} workers each (pids ${processes.map((p) => p.pid).join(', ')}), ${backends.length} database backends; ${rounds} rounds of ${seconds} s a loop`);

  let claimedInAll = 0;
  for (const scenario of scenarios) {
    const label = plural(scenario.campaigns, 'campaign');
    const bareRuns: Loop[] = [];
    const runs = new Map<number, ScaleOut[]>(processCounts.map((n) => [n, []]));
    for (let round = 0; round < rounds; round++) {
      const b = await bareLoop(handles, scenario.bare, cpuOf);
      bareRuns.push(b);
      const order = processCounts.map((_, i) => processCounts[(i + round) % processCounts.length]);
      const mine: ScaleOut[] = [];
      for (const count of order) {
        const r = await realLoop(processes, count, scenario.real, cpuOf, waitsOf);
        runs.get(count)!.push(r);
        mine.push(r);
        claimedInAll += r.claimed;
      }
      print(`  ${label}, round ${round + 1}: bare ${rate(b.throughput)} wall-clock (${rate(b.rate)} inside its statement; p50 ${b.p50.toFixed(1)} / p99 ${b.p99.toFixed(1)} ms, ${b.batches} batches; ${describeCpu(b.cpu)})`);
      for (const r of mine.sort((x, y) => x.processes - y.processes)) {
        print(
          `    real × ${r.processes} process${r.processes === 1 ? '' : 'es'}: ${rate(r.throughput)} wall-clock (${rate(r.rate)} inside claimLeads; p50 ${r.p50.toFixed(1)} / p99 ${r.p99.toFixed(1)} ms, ${r.batches} batches, ${r.locked} claims found the campaign locked, ${r.short} took fewer than ${batch}; ${describeCpu(r.cpu)})`,
        );
        print(`      its backends: ${describeWaits(r.waits)}`);
      }
    }

    // The claim rate against bare: one app process of 4 workers, by wall clock (the target's figure: it counts the
    // pauses of a worker that found its campaign locked, and the bench's ending of the calls after each claim), and
    // by each worker's time inside claimLeads (reported: it leaves those out, so it reads higher).
    const single = runs.get(1)!;
    const ratio = median(single.map((r, i) => r.throughput / bareRuns[i].throughput)) * 100;
    const inside = median(single.map((r, i) => r.rate / bareRuns[i].rate)) * 100;
    const p99 = median(single.map((r) => r.p99));
    const bench = `claim-leads (${workers} workers, ${label}, ${leads.toLocaleString('en-US')} leads a side)`;
    print(`  ${label}, median of ${rounds}: real × 1 ${ratio.toFixed(1)} % of bare by wall clock (${inside.toFixed(1)} % by time inside the claim), real p99 ${p99.toFixed(1)} ms`);
    reportFigure({ bench, name: 'claim rate, wall clock', value: ratio, unit: '% of bare SKIP LOCKED', target: '≥ 58 %', met: ratio >= 58, baseline: { name: 'bare SKIP LOCKED loop', value: Math.round(median(bareRuns.map((b) => b.throughput))), unit: 'leads/s' } });
    reportFigure({ bench, name: 'claim rate, time inside claimLeads', value: inside, unit: '% of bare SKIP LOCKED', target: 'none (reported)', met: true, baseline: { name: 'bare, time inside its statement', value: Math.round(median(bareRuns.map((b) => b.rate))), unit: 'leads/s' } });
    reportFigure({ bench, name: 'claim p99 per 50-lead batch', value: p99, unit: 'ms', target: '≤ 30 ms', met: p99 <= 30, baseline: { name: 'bare p99', value: Math.round(median(bareRuns.map((b) => b.p99)) * 10) / 10, unit: 'ms' } });

    // Scale-out: each round's N-process throughput over the same round's 1-process throughput.
    const scaleBench = `claim-leads scale-out (${label}, ${workers} workers a process)`;
    const oneProcess = median(single.map((r) => r.throughput));
    for (const count of processCounts.filter((n) => n > 1)) {
      const factor = median(runs.get(count)!.map((r, i) => r.throughput / single[i].throughput));
      print(`  ${label}, median of ${rounds}: ${count} processes ${rate(median(runs.get(count)!.map((r) => r.throughput)))} → ×${factor.toFixed(2)} one process (${rate(oneProcess)})`);
      // The target is for 20 campaigns: one campaign's claims take turns on its row lock (SKIP LOCKED) by design,
      // so a second process cannot add claims there, only contend for the lock.
      const target = count === 2 && scenario.campaigns > 1 ? `≥ ${scaleOutTarget}× one process` : 'none (reported)';
      reportFigure({ bench: scaleBench, name: `throughput at ${count} processes`, value: factor, unit: '× one process', target, met: target.startsWith('≥') ? factor >= scaleOutTarget : true, baseline: { name: '1 process', value: Math.round(oneProcess), unit: 'leads/s' } });
    }
  }

  // No lead claimed twice, over every real claim of both scenarios.
  const [check] = rowsOf<{ calls: number; leads: number; attempts_twice: number; leads_twice: number; calling: number }>(
    await main.db.execute(sql`
      select (select count(*)::int from campaign_calls) as calls,
             (select count(distinct lead_id)::int from campaign_calls) as leads,
             (select count(*)::int from (select 1 from campaign_calls group by lead_id, attempt_number having count(*) > 1) d) as attempts_twice,
             (select count(*)::int from (select 1 from campaign_calls group by lead_id having count(*) > 1) d) as leads_twice,
             (select count(*)::int from leads where status = 'calling' and campaign_id = any(${`{${scenarios.flatMap((s) => s.real).join(',')}}`}::uuid[])) as calling`),
  );
  const twice = check.attempts_twice + check.leads_twice + (check.calls === claimedInAll && check.calling === claimedInAll ? 0 : 1);
  print(
    `  no lead claimed twice: ${check.calls.toLocaleString('en-US')} calls for ${check.leads.toLocaleString('en-US')} leads (the processes reported ${claimedInAll.toLocaleString('en-US')} claimed, ${check.calling.toLocaleString('en-US')} real-side leads are calling); ` +
      `(lead, attempt) twice ${check.attempts_twice}, leads with two calls ${check.leads_twice} → ${twice === 0 ? 'held' : 'BROKEN'}`,
  );
  reportFigure({ bench: `claim-leads scale-out (1, 2 and 4 processes)`, name: 'leads claimed twice', value: check.attempts_twice + check.leads_twice, unit: '', target: '0, and every claim reported is one call', met: twice === 0 });
} finally {
  await Promise.all(processes.map((p) => p.close()));
  await Promise.all(handles.map((h) => h.close()));
  await database.drop();
}
