// Benchmark: LiveKit webhook ingest over HTTP against `next start` (of the build in .next when it is up to date, else
// built here: bench/lib/next-build.ts), driven by autocannon from this process (the server is its own process) on
// loopback at 8 connections. Each webhook is signed the way LiveKit signs it (a JWT carrying the body's sha256),
// verified, de-duplicated and applied to one of BENCH_CALLS calls claimed by the real claim: ringing, answered, then
// the lead leaving, each call's events in order (every call's ringing before any answer). The baseline is a bare JSON
// route of the same app (POST /api/health, same bodies) in the same run. BENCH_RUNS runs (3), each on its own calls;
// the figures are the medians over runs.
//   DATABASE_URL=postgres://… npx tsx bench/webhook-ingest.ts      BENCH_CALLS, BENCH_RUNS, BENCH_REBUILD=1 to build even when .next is up to date,
//   BENCH_CPU_PROF=<dir> to write the server's CPU profile there (node --cpu-prof, on its exit)
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { benchCampaignConfig, openBenchDatabase, seedBenchOwner } from './lib/bench-database';
import { reportFigure, reportStep } from './lib/figures';
import { ensureProductionBuild } from './lib/next-build';
import { median } from './lib/stats';

const print = (line: string) => process.stdout.write(`${line}\n`);

if (!process.execArgv.some((a) => a.includes('react-server'))) {
  const run = spawnSync(process.execPath, ['--conditions=react-server', ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(run.status ?? 1);
}
process.env.LOG_LEVEL ??= 'error';

const callsN = Math.min(500, Number(process.env.BENCH_CALLS ?? 500)); // at most the campaign's concurrency cap: every call stays in flight until its webhooks end it
const runs = Number(process.env.BENCH_RUNS ?? 3);
const connections = 8;
const root = path.resolve(import.meta.dirname, '..');
// A LiveKit key pair for this run only: the server verifies with it, this process signs with it.
const apiKey = `APIbench${crypto.randomBytes(4).toString('hex')}`;
const apiSecret = crypto.randomBytes(32).toString('hex');

const { AccessToken } = await import('livekit-server-sdk');
const { DateTime } = await import('luxon');
const { schema } = await import('@/db');
const { sql, inArray } = await import('drizzle-orm');
const { claimLeads } = await import('@/lib/services/engine/claim-leads');

const build = ensureProductionBuild(root);
print(build.built ? `  next build: ${build.seconds.toFixed(0)} s (${build.why})` : `  next build: ${build.why}`);
reportStep(build.built ? 'next build' : 'next build (reused)', build.seconds);

const database = await openBenchDatabase({ max: 2 });
const main = database.handle;
let server: ChildProcess | undefined;
try {
  const ownerId = await seedBenchOwner(main.db);
  const config = benchCampaignConfig();
  // The claim's moment: the last noon in New York (the leads' legal hours hold then, whatever the hour of the run).
  let noon = DateTime.now().setZone('America/New_York').startOf('day').plus({ hours: 12 });
  if (noon.toMillis() > Date.now()) noon = noon.minus({ days: 1 });
  const now = noon.toJSDate();
  const createdAt = Math.floor(now.getTime() / 1000);

  /** A run's webhooks: a new campaign of BENCH_CALLS calls in flight, and their events, signed, in order. */
  async function webhooksForRun(run: number) {
    const [campaign] = await main.db.insert(schema.campaigns).values({ workspaceId: ownerId, name: `Bench ${run}`, config, status: 'active' }).returning();
    await main.db.execute(sql`
      insert into leads (campaign_id, name, phone, timezone, consent_at, consent_source, created_at)
      select ${campaign.id}, 'Lead ' || g, '+1212' || (2000000 + ${run * 10_000} + g)::text, 'America/New_York', '2025-11-03T15:04:05Z', 'bench web form', now() + g * interval '1 microsecond'
      from generate_series(1, ${callsN}) g`);
    // The calls, through the real claim (with their evidence), then dialled: status 'calling' as after the dial request.
    const rooms: string[] = [];
    while (rooms.length < callsN) {
      const { claimed } = await claimLeads(main.db, { campaignId: campaign.id, now, want: 50 });
      if (claimed.length === 0) throw new Error(`claimed only ${rooms.length} of ${callsN} calls`);
      rooms.push(...claimed.map((c) => c.roomName));
      await main.db.update(schema.campaignCalls).set({ status: 'calling' }).where(inArray(schema.campaignCalls.id, claimed.map((c) => c.callId)));
    }
    await main.db.update(schema.campaigns).set({ status: 'paused' }).where(inArray(schema.campaigns.id, [campaign.id])); // no executor work during the run
    const event = (kind: 'ringing' | 'active' | 'left', room: string, i: number) => {
      const participant = { sid: `PA_${run}_${i}`, identity: `sip_${i}`, kind: 'SIP', attributes: { 'sip.callStatus': kind === 'left' ? 'hangup' : kind }, disconnectReason: kind === 'left' ? 'CLIENT_INITIATED' : undefined };
      return { event: kind === 'left' ? 'participant_left' : 'participant_attributes_changed', id: `EV_${run}_${kind}_${i}`, createdAt: String(createdAt + (kind === 'ringing' ? 1 : kind === 'active' ? 5 : 60)), room: { name: room, sid: `RM_${run}_${i}` }, participant };
    };
    const bodies = (['ringing', 'active', 'left'] as const).flatMap((kind) => rooms.map((room, i) => JSON.stringify(event(kind, room, i))));
    const signed = await Promise.all(
      bodies.map(async (body) => {
        const token = new AccessToken(apiKey, apiSecret, { ttl: '1h' });
        token.sha256 = crypto.createHash('sha256').update(body).digest('base64');
        return { body, authorization: await token.toJwt() };
      }),
    );
    return { campaignId: campaign.id, signed };
  }

  const port = 3900 + Math.floor(Math.random() * 500);
  // Node runs Next's own bin (no npx in between), so a CPU profile is of the server alone.
  const cpuProfile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : [];
  server = spawn(process.execPath, [...cpuProfile, path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-p', String(port)], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), DATABASE_URL: database.url!, BETTER_AUTH_SECRET: crypto.randomBytes(32).toString('hex'), DATA_ENCRYPTION_KEY: crypto.randomBytes(32).toString('base64'), LIVEKIT_URL: 'ws://127.0.0.1:9', LIVEKIT_API_KEY: apiKey, LIVEKIT_API_SECRET: apiSecret, JOBS_ENABLED: 'false', SEED_DEMO: 'false', OPENAI_API_KEY: '', LOG_LEVEL: 'error' },
  });
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    const up = await fetch(`${origin}/api/health`).then((r) => r.ok, () => false);
    if (up) break;
    if (i > 600) throw new Error('next start did not answer');
    await new Promise((resolve) => setTimeout(resolve, 250)); // polling the server's start
  }

  const load = async (route: string, signed: { body: string; authorization: string }[], warm: boolean) => {
    let next = 0;
    const amount = warm ? Math.min(200, signed.length) : signed.length;
    const result = await autocannon({
      url: origin,
      connections,
      amount,
      requests: [
        {
          method: 'POST',
          path: route,
          setupRequest: (req) => {
            const s = signed[next++ % signed.length];
            return { ...req, body: s.body, headers: { 'content-type': 'application/json', authorization: s.authorization } };
          },
        },
      ],
    });
    return result;
  };
  type Run = { bareRate: number; hookRate: number; bareP99: number; hookP99: number; failed: number };
  const results: Run[] = [];
  for (let run = 1; run <= runs; run++) {
    const { campaignId, signed } = await webhooksForRun(run);
    if (run === 1) {
      // Warm both routes (each route's bundle loads on its first request): the bare one under load, the webhook with
      // unsigned requests (refused with 401 before any call is touched), so no measured webhook is a duplicate.
      await load('/api/health', signed, true);
      for (let i = 0; i < connections; i++) await fetch(`${origin}/api/livekit/webhook`, { method: 'POST', body: '{}' }).then((r) => r.text());
    }
    const bare = await load('/api/health', signed, false);
    const hook = await load('/api/livekit/webhook', signed, false);
    const [{ ended }] = (await main.db.execute(sql`select count(*)::int as ended from campaign_calls where campaign_id = ${campaignId} and status in ('completed', 'no_answer', 'failed', 'busy')`)) as unknown as { ended: number }[];
    const failed = hook.non2xx + hook.errors;
    const r = { bareRate: bare.requests.total / (bare.duration || 1), hookRate: hook.requests.total / (hook.duration || 1), bareP99: bare.latency.p99, hookP99: hook.latency.p99, failed };
    results.push(r);
    print(`  run ${run}: bare /api/health ${r.bareRate.toFixed(0)} req/s, p50 ${bare.latency.p50} / p99 ${bare.latency.p99} ms; webhook ${r.hookRate.toFixed(0)} req/s, p50 ${hook.latency.p50} / p99 ${hook.latency.p99} ms → ${((r.hookRate / r.bareRate) * 100).toFixed(1)} %; ${failed} errors, ${ended} of ${callsN} calls ended; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' / ')}`);
  }
  const ratio = median(results.map((r) => (r.hookRate / r.bareRate) * 100));
  const p99 = median(results.map((r) => r.hookP99));
  const failed = results.reduce((sum, r) => sum + r.failed, 0);
  print(`  median of ${runs}: ${ratio.toFixed(1)} % of the bare route, webhook p99 ${p99} ms, ${failed} refused or failed`);
  const bench = `webhook-ingest (next start, ${connections} connections, ${(3 * callsN).toLocaleString('en-US')} webhooks a run)`;
  reportFigure({ bench, name: 'webhook rate', value: ratio, unit: '% of bare route', target: '≥ 85 %', met: ratio >= 85, baseline: { name: 'bare POST /api/health', value: Math.round(median(results.map((r) => r.bareRate))), unit: 'req/s' } });
  reportFigure({ bench, name: 'webhook p99', value: p99, unit: 'ms', target: '≤ 30 ms', met: p99 <= 30, baseline: { name: 'bare p99', value: median(results.map((r) => r.bareP99)), unit: 'ms' } });
  reportFigure({ bench, name: 'webhooks refused or failed', value: failed, unit: '', target: '0', met: failed === 0 });
} finally {
  if (server?.pid && server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    process.kill(-server.pid, 'SIGTERM');
    await exited; // the CPU profile, if asked for, is written as the server exits
  }
  await database.drop();
}
