// Benchmark: line utilisation and refill time of the dialer, end to end through the LiveKit simulator, with 1, 2 and 4
// app processes. N campaigns × M lines, rings of 15–30 s and conversations of 1–3 min (simulated seconds), the
// simulator's default outcome mix; its signed webhooks and agent reports reach the real route handlers over HTTP
// through a round-robin balancer in front of the app processes, and each app process (bench/lib/line-process.ts, its
// own Node process and pool) runs the real executor, dialling through LiveKitTelephony.
//
// Time is compressed by the simulator's `speed` option (BENCH_SPEED, default 3: a 2-minute call plays in 40 s; 120 s
// of measurement, BENCH_SECONDS). Only the phone side is compressed: the engine, the database and the executor's
// 30-second tick run in real time, so every millisecond the dialer loses weighs BENCH_SPEED times more than it would
// against real phones, and the app handles BENCH_SPEED times the webhooks per line it would in real life. All figures
// below are in real time.
//
// Groups, all over the same window, each on its own database, simulator, balancer and campaigns (the executor's tick
// takes every active campaign of its database, so groups cannot share one):
//   tick alone:  1 app process, the 30-second tick alone (no refill), the bare dialer;
//   refill × N:  N app processes (BENCH_LINE_PROCESSES, default 1,2,4), each running the tick plus refill on every
//                call end it sees (the webhook or report that ended the call landed on it).
// At the window's end the campaigns are paused and the simulator's remaining calls are ended (their rooms deleted),
// rather than waited for.
// Utilisation = dials placed ÷ (lines × time ÷ mean line-hold time), the hold measured from claim to the end's commit
// over the calls claimed in the window that ended by themselves (those cut short at the end are left out: that leaves
// out long calls more than short ones, so the mean hold reads low and the utilisation low, never high). It counts whole
// calls, so a short run reads high (the calls under way at both edges count in full); "line-time held" is the exact
// share: the claim→end spans inside the window over lines × window. Refill time = from a call's end being committed
// (the signal the refill listens to, on whichever process saw it) to the campaign's next dial going out (the
// dialler's own 'dialing' event), each end paired with the first dial after it (p50, p99).
//   DATABASE_URL=postgres://… npx tsx bench/line-utilisation.ts
//   BENCH_CAMPAIGNS, BENCH_LINES, BENCH_SECONDS, BENCH_SPEED, BENCH_LINE_PROCESSES, BENCH_LINE_POOL
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { sleepUntil, startAppProcesses, type AppProcess } from './lib/app-processes';
import { startBalancer, type Balancer } from './lib/balancer';
import { benchCampaignConfig, openBenchDatabase, seedBenchOwner, type BenchDatabase } from './lib/bench-database';
import { describeCpu, sampleCpu } from './lib/cpu-sampler';
import { reportFigure, reportStep } from './lib/figures';
import type { LineReply, LineRequest } from './lib/line-process';
import { percentile } from './lib/stats';

const print = (line: string) => process.stdout.write(`${line}\n`);

if (!process.execArgv.some((a) => a.includes('react-server'))) {
  const run = spawnSync(process.execPath, ['--conditions=react-server', ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(run.status ?? 1);
}
process.env.LOG_LEVEL ??= 'error';
process.env.JOBS_ENABLED = 'false';

const campaignsN = Number(process.env.BENCH_CAMPAIGNS ?? 4);
const lines = Number(process.env.BENCH_LINES ?? 8);
const seconds = Number(process.env.BENCH_SECONDS ?? 120);
const speed = Number(process.env.BENCH_SPEED ?? 3);
const processCounts = (process.env.BENCH_LINE_PROCESSES ?? '1,2,4').split(',').map(Number);
const poolMax = Number(process.env.BENCH_LINE_POOL ?? 6);
const tickMs = 30_000;
// More leads than the lines can reach in the run: a campaign never runs dry.
const leadsPerCampaign = Math.ceil(((seconds * speed) / 20) * lines) + 50;

const { rowsOf, schema } = await import('@/db');
const { and, eq, inArray, sql } = await import('drizzle-orm');
const { RoomServiceClient } = await import('livekit-server-sdk');
const { inFlightCallStatuses } = await import('@/shared/statuses');
const { daytimePlaces } = await import('@/test/fixtures');
// Made here before any app process starts: locally they are dev secrets kept in a file, which every process reads.
const { liveKitCredentials, reportTokenSecret } = await import('@/lib/telephony');
const { apiKey, apiSecret } = liveKitCredentials();
reportTokenSecret();

type Group = { label: string; processes: number; refill: boolean };
type Simulator = { url: string; trunkId: string; child: ChildProcess };
type LineProcess = AppProcess<LineRequest, LineReply>;
type Running = { group: Group; index: number; database: BenchDatabase; campaignIds: string[]; balancer: Balancer; sim: Simulator; apps: LineProcess[] };
type Phase = {
  utilisation: number;
  busyShare: number;
  dials: number;
  ideal: number;
  meanHoldMs: number;
  refill: number[];
  arrivalToCommit: number[];
  /** Per app process: call ends it saw (committed), dials it placed in the window. */
  perProcess: { ends: number; dials: number }[];
  /** Of the ends paired with a next dial, the share whose dial the process that saw the end placed. */
  refilledWhereSeen: number;
  liveTwice: number;
};

const groups: Group[] = [{ label: 'tick alone', processes: 1, refill: false }, ...processCounts.map((n) => ({ label: `refill × ${n}`, processes: n, refill: true }))];

/** The simulator in its own process, as LiveKit is its own server: the phones' side shares no app's event loop. */
async function startSimulator(webhookBase: string, seed: number): Promise<Simulator> {
  const child = spawn(
    process.execPath,
    [
      '--conditions=react-server',
      '--import',
      'tsx',
      'scripts/livekit-sim.ts',
      ...['--port', '0', '--speed', String(speed), '--seed', String(seed), '--key', apiKey, '--secret', apiSecret],
      ...['--webhook-url', `${webhookBase}/api/livekit/webhook`, '--ring-seconds', '15-30', '--conversation-seconds', '60-180'],
    ],
    { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, LOG_LEVEL: 'error' } },
  );
  return new Promise<Simulator>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /LIVEKIT_URL=(\S+)/.exec(out)?.[1];
      const trunkId = /LIVEKIT_SIP_TRUNK_ID=(\S+)/.exec(out)?.[1];
      if (url && trunkId) resolve({ url, trunkId, child });
    });
    child.once('exit', (code) => reject(new Error(`the simulator exited (${code}) before it listened`)));
  });
}

async function setUp(group: Group, index: number, places: { prefix: string; zone: string }[]): Promise<Running> {
  const database = await openBenchDatabase({ max: 3 });
  const db = database.handle.db;
  const ownerId = await seedBenchOwner(db, `Bench ${group.label}`);
  const config = benchCampaignConfig({ timezone: 'UTC', maxCallsPerDay: 100_000, maxCallsPerLead: 1, maxConcurrentCalls: lines });
  const campaignIds: string[] = [];
  for (let c = 0; c < campaignsN; c++) {
    const [campaign] = await db.insert(schema.campaigns).values({ workspaceId: ownerId, name: `${group.label} ${c}`, config, status: 'active' }).returning();
    campaignIds.push(campaign.id);
    await db.insert(schema.leads).values(
      Array.from({ length: leadsPerCampaign }, (_, i) => ({
        campaignId: campaign.id,
        name: `Lead ${i}`,
        // Every number of a group distinct (one call per number at a time holds across the workspace's campaigns).
        phone: `${places[i % places.length].prefix}${String(c * leadsPerCampaign + i).padStart(4, '0')}`,
        timezone: places[i % places.length].zone,
        // A consent record: the default basis (prior express written consent) holds a lead without one.
        consentAt: new Date(Date.UTC(2025, 10, 3, 15, 4, 5)),
        consentSource: 'bench web form',
        createdAt: new Date(Date.UTC(2026, 0, 1) + i),
      })),
    );
  }
  const balancer = await startBalancer();
  const [sim, apps] = await Promise.all([startSimulator(balancer.url, 11 + index), startAppProcesses<LineRequest, LineReply>(path.join(import.meta.dirname, 'lib', 'line-process.ts'), group.processes)]);
  const urls = (await Promise.all(apps.map((a) => a.request({ type: 'open', url: database.url!, poolMax })))) as { appUrl: string }[];
  balancer.setTargets(urls.map((u) => u.appUrl));
  return { group, index, database, campaignIds, balancer, sim, apps };
}

/** Ends every call the simulator still has (its rooms deleted, as a hang-up would), then waits for the app to record the ends. */
async function endRemainingCalls(r: Running): Promise<number> {
  const rooms = new RoomServiceClient(r.sim.url, apiKey, apiSecret);
  await Promise.all((await rooms.listRooms()).map((room) => rooms.deleteRoom(room.name).catch(() => undefined)));
  const inFlight = async () =>
    rowsOf<{ n: number }>(
      await r.database.handle.db.execute(sql`select count(*)::int as n from campaign_calls where status in ${[...inFlightCallStatuses]} and campaign_id in ${r.campaignIds}`),
    )[0].n;
  const deadline = Date.now() + 30_000;
  let left = await inFlight();
  while (left > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    left = await inFlight();
  }
  return left;
}

async function analyse(r: Running, t0: number, t1: number, cutAt: number, reports: { ends: [string, number][]; dials: string[] }[]): Promise<Phase> {
  const db = r.database.handle.db;
  // When each end was committed, and on which process (the first, should two have announced it).
  const endCommitted = new Map<string, { at: number; process: number }>();
  reports.forEach((report, p) => {
    for (const [callId, at] of report.ends) if (!endCommitted.has(callId) || endCommitted.get(callId)!.at > at) endCommitted.set(callId, { at, process: p });
  });
  const dialledBy = new Map<string, number>();
  reports.forEach((report, p) => report.dials.forEach((callId) => dialledBy.set(callId, p)));

  const rows = await db
    .select({ id: schema.campaignCalls.id, campaignId: schema.campaignCalls.campaignId, claimedAt: schema.campaignCalls.claimedAt })
    .from(schema.campaignCalls)
    .where(inArray(schema.campaignCalls.campaignId, r.campaignIds));
  // When the dial went out: the dialler's own 'dialing' event, in milliseconds (a call's dialedAt may come from a
  // webhook's createdAt, which LiveKit gives in whole seconds).
  const dialEvents = await db
    .select({ callId: schema.callEvents.callId, at: schema.callEvents.occurredAt })
    .from(schema.callEvents)
    .where(and(inArray(schema.callEvents.callId, rows.map((c) => c.id)), eq(schema.callEvents.type, 'dialing'), sql`${schema.callEvents.id} like 'dial:%'`));
  const dialOf = new Map(dialEvents.map((e) => [e.callId!, e.at]));
  const calls = rows.map((c) => ({ ...c, dialedAt: dialOf.get(c.id) ?? null }));
  const ends = await db
    .select({ callId: schema.callEvents.callId, at: sql<Date>`min(${schema.callEvents.receivedAt})` })
    .from(schema.callEvents)
    .where(and(inArray(schema.callEvents.callId, calls.map((c) => c.id)), eq(schema.callEvents.type, 'ended')))
    .groupBy(schema.callEvents.callId);
  const endReceived = new Map(ends.map((e) => [e.callId!, new Date(e.at).getTime()]));
  // The end as committed (the line is free from then on); the event's arrival where no commit was seen.
  const endOf = new Map(calls.filter((c) => endReceived.has(c.id)).map((c) => [c.id, endCommitted.get(c.id)?.at ?? endReceived.get(c.id)!]));
  const arrivalToCommit = calls
    .filter((c) => endCommitted.has(c.id) && endReceived.has(c.id))
    .map((c) => endCommitted.get(c.id)!.at - endReceived.get(c.id)!)
    .sort((a, b) => a - b);

  const inWindow = calls.filter((c) => c.claimedAt.getTime() >= t0 && c.claimedAt.getTime() < t1);
  if (inWindow.length === 0) {
    // Nothing dialled: say why (the leads' statuses) rather than report NaN figures.
    const statuses = await db.select({ status: schema.leads.status, n: sql<number>`count(*)::int` }).from(schema.leads).where(inArray(schema.leads.campaignId, r.campaignIds)).groupBy(schema.leads.status);
    throw new Error(`${r.group.label}: no call was claimed in the window; leads by status: ${statuses.map((s) => `${s.status} ${s.n}`).join(', ')}`);
  }
  const holds = inWindow.filter((c) => endOf.has(c.id) && endOf.get(c.id)! < cutAt).map((c) => endOf.get(c.id)! - c.claimedAt.getTime());
  const meanHoldMs = holds.reduce((s, h) => s + h, 0) / holds.length;
  const ideal = (campaignsN * lines * (t1 - t0)) / meanHoldMs;
  // The same question without the edge effect of counting whole calls: the share of line-time held.
  const held = calls.reduce((sum, c) => sum + Math.max(0, Math.min(t1, endOf.get(c.id) ?? t1) - Math.max(t0, c.claimedAt.getTime())), 0);
  const busyShare = held / (campaignsN * lines * (t1 - t0));

  // Each end inside the window, paired with the campaign's first dial after it not yet paired.
  const refill: number[] = [];
  let paired = 0;
  let sameProcess = 0;
  for (const campaignId of r.campaignIds) {
    const mine = calls.filter((c) => c.campaignId === campaignId);
    const dials = mine.filter((c) => c.dialedAt).map((c) => ({ at: c.dialedAt!.getTime(), by: dialledBy.get(c.id) })).sort((a, b) => a.at - b.at);
    const endings = mine
      .filter((c) => endOf.has(c.id) && endOf.get(c.id)! >= t0 && endOf.get(c.id)! < t1)
      .map((c) => ({ at: endOf.get(c.id)!, by: endCommitted.get(c.id)?.process }))
      .sort((a, b) => a.at - b.at);
    let next = 0;
    for (const end of endings) {
      while (next < dials.length && dials[next].at < end.at) next++;
      if (next >= dials.length) break;
      refill.push(dials[next].at - end.at);
      paired++;
      if (end.by !== undefined && end.by === dials[next].by) sameProcess++;
      next++;
    }
  }
  refill.sort((a, b) => a - b);
  const inWindowIds = new Set(inWindow.map((c) => c.id));
  const perProcess = reports.map((report) => ({
    ends: report.ends.filter(([callId, at]) => at >= t0 && at < t1 && endOf.has(callId)).length,
    dials: report.dials.filter((callId) => inWindowIds.has(callId)).length,
  }));
  // No lead claimed twice: no (lead, attempt) twice, and no lead in two calls live at the same time.
  const [twice] = rowsOf<{ attempts: number; live: number }>(
    await db.execute(sql`
      select (select count(*)::int from (select 1 from campaign_calls group by lead_id, attempt_number having count(*) > 1) d) as attempts,
             (select count(*)::int from campaign_calls a join campaign_calls b on a.lead_id = b.lead_id and a.id < b.id
               where a.claimed_at < coalesce(b.ended_at, 'infinity') and b.claimed_at < coalesce(a.ended_at, 'infinity')) as live`),
  );
  return {
    utilisation: inWindow.length / ideal,
    busyShare,
    dials: inWindow.length,
    ideal,
    meanHoldMs,
    refill,
    arrivalToCommit,
    perProcess,
    refilledWhereSeen: paired ? sameProcess / paired : NaN,
    liveTwice: twice.attempts + twice.live,
  };
}

const running: Running[] = [];
try {
  print(`  ${campaignsN} campaigns × ${lines} lines a group, ${seconds} s real, simulator speed ×${speed} (rings 15–30 s, conversations 60–180 s simulated); groups side by side: ${groups.map((g) => g.label).join(', ')}`);
  // The number decides a lead's zones, so each lead gets a number of a place where calling is lawful now and for the
  // next ten minutes (the run may start at night in the US).
  const places = daytimePlaces(new Date());
  if (!places.length) throw new Error('no place is in daytime right now');
  if (leadsPerCampaign * campaignsN > 10_000) throw new Error(`${leadsPerCampaign * campaignsN} leads a group: more than the 10,000 numbers a place's prefix gives`);
  let t = performance.now();
  const setUps = await Promise.allSettled(groups.map((g, i) => setUp(g, i, places)));
  for (const s of setUps) if (s.status === 'fulfilled') running.push(s.value);
  const failed = setUps.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
  reportStep('set-up (databases, simulators, app processes)', (performance.now() - t) / 1000);

  const t0 = Date.now() + 500;
  await Promise.all(running.flatMap((r) => r.apps.map((a) => a.request({ type: 'start', simUrl: r.sim.url, trunkId: r.sim.trunkId, appUrl: r.balancer.url, refill: r.group.refill, startAt: t0, tickMs }))));
  // The databases' backends, read again at the end: the app processes' pools open their connections on first use.
  const backends = async () =>
    rowsOf<{ pid: number }>(
      await running[0].database.handle.db.execute(sql`select pid from pg_stat_activity where datname in ${running.map((r) => new URL(r.database.url!).pathname.slice(1))}`),
    ).map((row) => row.pid);
  await sleepUntil(t0);
  const cpu = sampleCpu(async () => ({ postgres: await backends(), 'app processes': running.flatMap((r) => r.apps.map((a) => a.pid)), simulators: running.map((r) => r.sim.child.pid!), 'this process': [process.pid] }));
  await sleepUntil(t0 + seconds * 1000);
  const t1 = Date.now();
  const cpuUse = await cpu.stop();
  await Promise.all(running.map((r) => r.database.handle.db.update(schema.campaigns).set({ status: 'paused' }).where(inArray(schema.campaigns.id, r.campaignIds))));
  await Promise.all(running.flatMap((r) => r.apps.map((a) => a.request({ type: 'stop' }))));
  const cutAt = Date.now();
  t = performance.now();
  const left = await Promise.all(running.map(endRemainingCalls));
  print(`  window ${new Date(t0).toISOString()} – ${new Date(t1).toISOString()}; ${describeCpu(cpuUse)}; remaining calls ended in ${((performance.now() - t) / 1000).toFixed(1)} s${left.some((n) => n > 0) ? ` (still in flight: ${left.join(', ')})` : ''}`);

  const results = new Map<string, Phase>();
  for (const r of running) {
    const reports = (await Promise.all(r.apps.map((a) => a.request({ type: 'report' })))) as { ends: [string, number][]; dials: string[] }[];
    const p = await analyse(r, t0, t1, cutAt, reports);
    results.set(r.group.label, p);
    const f = (ms: number) => `${Math.round(ms)} ms`;
    print(
      `  ${r.group.label.padEnd(10)}: ${p.dials} dials vs ${p.ideal.toFixed(1)} possible (mean line hold ${(p.meanHoldMs / 1000).toFixed(2)} s) → utilisation ${(p.utilisation * 100).toFixed(1)} % (line-time held ${(p.busyShare * 100).toFixed(1)} %);` +
        ` end → next dial p50 ${f(percentile(p.refill, 50))}, p99 ${f(percentile(p.refill, 99))} (${p.refill.length} ends;` +
        ` end event's arrival → its commit p50 ${f(percentile(p.arrivalToCommit, 50))}, p99 ${f(percentile(p.arrivalToCommit, 99))}); leads claimed twice ${p.liveTwice}`,
    );
    if (r.apps.length > 1) {
      print(
        `              per process (ends seen / dials placed): ${p.perProcess.map((q) => `${q.ends} / ${q.dials}`).join(', ')}; ${(p.refilledWhereSeen * 100).toFixed(1)} % of the ends were followed by a dial from the process that saw them`,
      );
    }
  }

  const base = results.get('tick alone')!;
  const one = results.get(`refill × ${Math.min(...processCounts)}`)!;
  const p99 = percentile(one.refill, 99);
  print(`  refill vs the tick alone: utilisation ×${(one.utilisation / base.utilisation).toFixed(2)}, line-time held ×${(one.busyShare / base.busyShare).toFixed(2)}, p99 end → next dial ×${(p99 / percentile(base.refill, 99)).toFixed(3)}`);
  const bench = `line-utilisation (${campaignsN} × ${lines} lines, ×${speed})`;
  reportFigure({ bench, name: 'line utilisation', value: one.utilisation * 100, unit: '%', target: '≥ 90 %', met: one.utilisation >= 0.9, baseline: { name: 'tick alone', value: Math.round(base.utilisation * 1000) / 10, unit: '%' } });
  reportFigure({ bench, name: 'refill p99 (call end → next dial)', value: p99, unit: 'ms', target: '≤ 2,000 ms', met: p99 <= 2000, baseline: { name: 'tick alone p99', value: Math.round(percentile(base.refill, 99)), unit: 'ms' } });
  const scaleBench = `line-utilisation scale-out (${campaignsN} × ${lines} lines, ×${speed})`;
  for (const n of processCounts.filter((c) => c > Math.min(...processCounts))) {
    const p = results.get(`refill × ${n}`)!;
    const pp99 = percentile(p.refill, 99);
    reportFigure({ bench: scaleBench, name: `line utilisation at ${n} processes`, value: p.utilisation * 100, unit: '%', target: '≥ 90 %', met: p.utilisation >= 0.9, baseline: { name: '1 process', value: Math.round(one.utilisation * 1000) / 10, unit: '%' } });
    reportFigure({ bench: scaleBench, name: `refill p99 at ${n} processes`, value: pp99, unit: 'ms', target: '≤ 2,000 ms', met: pp99 <= 2000, baseline: { name: '1 process p99', value: Math.round(p99), unit: 'ms' } });
  }
  const twice = [...results.values()].reduce((sum, p) => sum + p.liveTwice, 0);
  reportFigure({ bench: scaleBench, name: 'leads claimed twice (every group)', value: twice, unit: '', target: '0', met: twice === 0 });
} finally {
  await Promise.all(
    running.map(async (r) => {
      await Promise.all(r.apps.map((a) => a.close()));
      r.sim.child.kill('SIGTERM');
      await r.balancer.close();
      await r.database.drop();
    }),
  );
}
