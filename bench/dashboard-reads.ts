// Benchmark: the dashboard's reads on one campaign of 1,000,000 leads and 1,500,000 calls (made set-based with
// generate_series, test/big-campaign.ts), through the real route handlers in-process with a real session (a bearer
// token from better-auth's own sign-up): /progress against a bare route behind the same wrapper (auth, origin check,
// rate limit, errors) in the same run, /analytics, the leads and calls pages (first, and a deep cursor), and the calls
// CSV export streamed whole while RSS is sampled. Each figure is the median over BENCH_RUNS runs of its p95.
//   DATABASE_URL=postgres://… npx tsx bench/dashboard-reads.ts     BENCH_LEADS, BENCH_CALLS, BENCH_RUNS, BENCH_SAMPLES
//   (NODE_OPTIONS='--expose-gc --max-old-space-size=256' shows the heap the export keeps, and bounds it)
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import os from 'node:os';
import { openBenchDatabase } from './lib/bench-database';
import { loadWithIndexesAfter } from './lib/bulk-load';
import { reportFigure, reportStep } from './lib/figures';

const print = (line: string) => process.stdout.write(`${line}\n`);

if (!process.execArgv.some((a) => a.includes('react-server'))) {
  const run = spawnSync(process.execPath, ['--conditions=react-server', ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(run.status ?? 1);
}

const leads = Number(process.env.BENCH_LEADS ?? 1_000_000);
const calls = Number(process.env.BENCH_CALLS ?? 1_500_000);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const samples = Number(process.env.BENCH_SAMPLES ?? 100);
// The bench is one user reading as fast as it can: lift the per-user read limit, keep the check itself.
process.env.API_LIMIT_READS_PER_MINUTE = '100000000';
process.env.LOG_LEVEL = 'warn';

const { setDbHandle } = await import('@/db');
const { sql } = await import('drizzle-orm');
const { resetAuth } = await import('@/lib/auth');
const { withUser } = await import('@/lib/api/handler');
const { GET: progressRoute } = await import('@/app/api/campaigns/[id]/progress/route');
const { GET: analyticsRoute } = await import('@/app/api/campaigns/[id]/analytics/route');
const { GET: leadsRoute } = await import('@/app/api/campaigns/[id]/leads/route');
const { GET: callsRoute } = await import('@/app/api/campaigns/[id]/calls/route');
const { GET: exportRoute } = await import('@/app/api/campaigns/[id]/calls/export/route');
const { POST: authPost } = await import('@/app/api/auth/[...all]/route');
const { seedBigCampaign } = await import('@/test/big-campaign');

type Route = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
// The baseline: the same wrapper around a handler that does nothing.
const bareRoute = withUser(async () => ({ ok: true })) as Route;

const database = await openBenchDatabase({ max: 10 });
const main = database.handle;

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

try {
  setDbHandle(main);
  resetAuth();
  const email = `bench-${crypto.randomBytes(4).toString('hex')}@example.com`;
  const signUp = await authPost(
    new Request('http://127.0.0.1:3000/api/auth/sign-up/email', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'correct-horse-battery', name: 'Bench' }) }),
  );
  const token = signUp.headers.get('set-auth-token');
  const { user } = (await signUp.json()) as { user: { id: string } };
  if (!token) throw new Error(`sign-up gave no token (${signUp.status})`);

  const t0 = performance.now();
  // The reads are measured, not the load: the tables' indexes are built after it.
  const { campaignId } = await loadWithIndexesAfter(main.db, ['leads', 'campaign_calls'], () => seedBigCampaign(main.db, { leads, calls, dnc: 0, ownerId: user.id }));
  const loadSeconds = (performance.now() - t0) / 1000;
  reportStep('data', loadSeconds);
  print(`  made ${leads.toLocaleString()} leads and ${calls.toLocaleString()} calls, indexes built after, in ${loadSeconds.toFixed(1)} s (${database.label}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB)`);

  const cursorAt = async (table: 'leads' | 'campaign_calls', offset: number) => {
    const [row] = (await main.db.execute(
      sql.raw(`select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at, id from ${table} where campaign_id = '${campaignId}' order by created_at desc, id desc offset ${offset} limit 1`),
    )) as unknown as { at: string; id: string }[];
    return Buffer.from(`${row.at}|${row.id}`).toString('base64url');
  };
  const deepLeads = await cursorAt('leads', Math.floor(leads * 0.9));
  const deepCalls = await cursorAt('campaign_calls', Math.floor(calls * 0.9));

  async function once(route: Route, path: string): Promise<number> {
    const started = performance.now();
    const res = await route(new Request(`http://127.0.0.1:3000${path}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({ id: campaignId }) });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
    return performance.now() - started;
  }
  /**
   * One run: the cases' requests taken in turns (bare, progress, analytics, …, then bare again), so every case and
   * its bare baseline are measured over the same stretch of the machine's load, not one after another; each case's
   * p95 of its own requests.
   */
  async function runOnce(cases: { key: string; route: Route; path: string; every?: number }[]): Promise<Record<string, number>> {
    for (const k of cases) await once(k.route, k.path); // warm
    const times: Record<string, number[]> = Object.fromEntries(cases.map((k) => [k.key, []]));
    for (let i = 0; i < samples; i++) {
      for (const k of cases) if (i % (k.every ?? 1) === 0) times[k.key].push(await once(k.route, k.path));
    }
    return Object.fromEntries(cases.map((k) => [k.key, p95(times[k.key])]));
  }

  const c = `/api/campaigns/${campaignId}`;
  const analyticsEvery = 4;
  const cases: { key: string; route: Route; path: string; every?: number }[] = [
    { key: 'bare', route: bareRoute, path: `${c}/bare` },
    { key: 'progress', route: progressRoute as Route, path: `${c}/progress` },
    { key: 'analytics', route: analyticsRoute as Route, path: `${c}/analytics`, every: analyticsEvery },
    { key: 'leadsFirst', route: leadsRoute as Route, path: `${c}/leads?limit=25` },
    { key: 'leadsDeep', route: leadsRoute as Route, path: `${c}/leads?limit=25&cursor=${deepLeads}` },
    { key: 'callsFirst', route: callsRoute as Route, path: `${c}/calls?limit=25` },
    { key: 'callsDeep', route: callsRoute as Route, path: `${c}/calls?limit=25&cursor=${deepCalls}` },
  ];
  const results: Record<string, number[]> = Object.fromEntries(cases.map((k) => [k.key, []]));
  for (let r = 0; r < runs; r++) {
    const run = await runOnce(cases);
    for (const k of cases) results[k.key].push(run[k.key]);
    print(`  run ${r + 1}: ${cases.map((k) => `${k.key} ${results[k.key][r].toFixed(1)}`).join(', ')} ms (p95)`);
  }
  const m = Object.fromEntries(cases.map((k) => [k.key, median(results[k.key])]));
  const row = (what: string, value: string, target: string, met: boolean) => {
    print(`  ${what.padEnd(34)} ${value.padStart(22)}   target ${target.padEnd(18)} ${met ? 'met' : 'NOT met'}`);
    const ms = what === '/progress vs bare route' ? m.progress : (m[what === '/analytics' ? 'analytics' : what] as number);
    // Every read's same-run baseline is the bare route behind the same wrapper.
    reportFigure({ bench: `dashboard-reads (${leads.toLocaleString()} leads, ${calls.toLocaleString()} calls)`, name: `${what} p95`, value: ms, unit: 'ms', target, met, baseline: { name: 'bare route p95', value: m.bare, unit: 'ms' } });
  };
  print(`\n  median of ${runs} runs, p95 of ${samples} requests each (${Math.ceil(samples / analyticsEvery)} for analytics), the cases' requests taken in turns:`);
  row('/progress vs bare route', `${m.progress.toFixed(1)} / ${m.bare.toFixed(1)} ms = ${(m.progress / m.bare).toFixed(2)}×`, '≤ 1.5×', m.progress <= 1.5 * m.bare);
  row('/analytics', `${m.analytics.toFixed(1)} ms`, '≤ 200 ms', m.analytics <= 200);
  for (const k of ['leadsFirst', 'leadsDeep', 'callsFirst', 'callsDeep']) row(k, `${m[k].toFixed(1)} ms`, '≤ 50 ms', m[k] <= 50);

  // The export, once: every row streamed, RSS sampled every 50 ms.
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 50);
  const started = performance.now();
  const res = await (exportRoute as Route)(new Request(`http://127.0.0.1:3000${c}/calls/export`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({ id: campaignId }) });
  let bytes = 0;
  let lines = 0;
  const reader = res.body!.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    bytes += chunk.value.byteLength;
    for (const b of chunk.value) if (b === 10) lines++;
  }
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  // RSS counts garbage the collector has not returned yet; the heap after a collection is what the export kept.
  global.gc?.();
  const heapKept = process.memoryUsage().heapUsed - heapBefore;
  print(
    `  calls CSV export: ${(lines - 1).toLocaleString()} rows, ${(bytes / 2 ** 20).toFixed(1)} MB in ${seconds.toFixed(1)} s (${Math.round((lines - 1) / seconds).toLocaleString()} rows/s); RSS ${(rssBefore / 2 ** 20).toFixed(0)} MB before, peak +${((rssPeak - rssBefore) / 2 ** 20).toFixed(1)} MB${global.gc ? `; heap kept after a collection ${(heapKept / 2 ** 20).toFixed(1)} MB` : ''}`,
  );
} finally {
  setDbHandle(undefined);
  await database.drop();
}
