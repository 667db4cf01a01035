// Benchmark: line utilisation and refill time of the dialer, end to end through the LiveKit
// simulator. N campaigns × M lines, rings of 15–30 s and conversations of 1–3 min (simulated
// seconds), the simulator's default outcome mix; its signed webhooks and agent reports reach the
// real route handlers over HTTP, and the real executor dials through LiveKitTelephony.
//
// Time is compressed by the simulator's `speed` option (BENCH_SPEED, default 3: a 2-minute call
// plays in 40 s; 120 s per phase, BENCH_SECONDS). Only the phone side is compressed: the engine, the
// database and the executor's 30-second tick run in real time, so every millisecond the dialer loses
// weighs BENCH_SPEED times more than it would against real phones, and the app handles BENCH_SPEED
// times the webhooks per line it would in real life. All figures below are in real time; the default
// keeps that load near a real one while the run stays short.
//
// Two phases on fresh campaigns, the same set-up each:
//   baseline: the 30-second tick alone (no refill), the bare dialer;
//   refill:   the tick plus refill on every call end.
// Utilisation = dials placed ÷ (lines × time ÷ mean line-hold time), the hold measured from claim to
// the end's commit. It counts whole calls, so a short run reads high (the calls under way at both
// edges count in full); "line-time held" is the exact share: the claim→end spans inside the window
// over lines × window. Refill time = from a call's end being committed (the signal the refill
// listens to) to the campaign's next dial going out (the dialler's own 'dialing' event), each end
// paired with the first dial after it (p50, p99).
//   DATABASE_URL=postgres://… npx tsx bench/line-utilisation.ts   BENCH_CAMPAIGNS, BENCH_LINES, BENCH_SECONDS, BENCH_SPEED
import { spawn, spawnSync } from 'node:child_process';
import { benchCampaignConfig, openBenchDatabase, seedBenchOwner } from './lib/bench-database';
import { reportFigure } from './lib/figures';
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
const tickMs = 30_000;

const { setDbHandle, schema } = await import('@/db');
const { and, eq, inArray, sql } = await import('drizzle-orm');
const engine = await import('@/lib/services/engine');
const { onCallEnded } = await import('@/lib/services/calls/call-ended-signal');
/** When each call's end was committed, seen through the same signal the refill listens to. */
const endCommitted = new Map<string, number>();
onCallEnded(({ callId }) => endCommitted.set(callId, Date.now()));
const { liveKitCredentials, reportTokenSecret } = await import('@/lib/telephony');
const { LiveKitTelephony } = await import('@/lib/telephony/livekit');
const { startAppServer } = await import('@/test/app-server');
const { daytimePlaces } = await import('@/test/engine-fixtures');

const database = await openBenchDatabase({ max: 20 });
const handle = database.handle;
setDbHandle(handle);
const db = handle.db;
const app = await startAppServer();
// The simulator runs in its own process, as LiveKit is its own server: the phones' side does not
// share the dialer's event loop.
const { apiKey, apiSecret } = liveKitCredentials();
const simProcess = spawn(
  process.execPath,
  [
    '--conditions=react-server',
    '--import',
    'tsx',
    'scripts/livekit-sim.ts',
    ...['--port', '0', '--speed', String(speed), '--seed', '11', '--key', apiKey, '--secret', apiSecret],
    ...['--webhook-url', `${app.url}/api/livekit/webhook`, '--ring-seconds', '15-30', '--conversation-seconds', '60-180'],
  ],
  { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, LOG_LEVEL: 'error' } },
);
const sim = await new Promise<{ url: string; trunkId: string }>((resolve, reject) => {
  let out = '';
  simProcess.stdout!.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    const url = /LIVEKIT_URL=(\S+)/.exec(out)?.[1];
    const trunkId = /LIVEKIT_SIP_TRUNK_ID=(\S+)/.exec(out)?.[1];
    if (url && trunkId) resolve({ url, trunkId });
  });
  simProcess.once('exit', (code) => reject(new Error(`the simulator exited (${code}) before it listened`)));
});
/** Every call the simulator has in flight has played out (its open rooms are closed). */
async function simulatorIdle() {
  const { RoomServiceClient } = await import('livekit-server-sdk');
  const rooms = new RoomServiceClient(sim.url, apiKey, apiSecret);
  const deadline = Date.now() + 120_000;
  while ((await rooms.listRooms()).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
}

type Phase = { arrivalToCommit: number[]; utilisation: number; busyShare: number; dials: number; ideal: number; meanHoldMs: number; refill: number[] };

async function runPhase(label: string, refill: boolean): Promise<Phase> {
  const ownerId = await seedBenchOwner(db, `Bench ${label}`);
  // The number decides a lead's zones, so each lead gets a number of a place where calling is lawful now and for the
  // next ten minutes (the run may start at night in the US).
  const places = daytimePlaces(new Date());
  if (!places.length) throw new Error('no place is in daytime right now');
  const config = benchCampaignConfig({ timezone: 'UTC', maxCallsPerDay: 100_000, maxCallsPerLead: 1, maxConcurrentCalls: lines });
  const campaignIds: string[] = [];
  // More leads than the lines can reach in the run: a campaign never runs dry.
  const leadsPerCampaign = Math.ceil(((seconds * speed) / 20) * lines) + 50;
  // Every number of a phase distinct (one call per number at a time holds across the workspace's campaigns).
  if (leadsPerCampaign * campaignsN > 10_000) throw new Error(`${leadsPerCampaign * campaignsN} leads a phase: more than the 10,000 numbers a place's prefix gives`);
  for (let c = 0; c < campaignsN; c++) {
    const [campaign] = await db.insert(schema.campaigns).values({ workspaceId: ownerId, name: `${label} ${c}`, config, status: 'active' }).returning();
    campaignIds.push(campaign.id);
    await db.insert(schema.leads).values(
      Array.from({ length: leadsPerCampaign }, (_, i) => ({
        campaignId: campaign.id,
        name: `Lead ${i}`,
        phone: `${places[i % places.length].prefix}${String(c * leadsPerCampaign + i).padStart(4, '0')}`,
        timezone: places[i % places.length].zone,
        // A consent record: the default basis (prior express written consent) holds a lead without one.
        consentAt: new Date(Date.UTC(2025, 10, 3, 15, 4, 5)),
        consentSource: 'bench web form',
        createdAt: new Date(Date.UTC(2026, 0, 1) + i),
      })),
    );
  }
  const telephony = new LiveKitTelephony({ url: sim.url, ...liveKitCredentials(), sipTrunkId: sim.trunkId, defaultAgentName: 'outbound-caller', appUrl: app.url, reportTokenSecret: reportTokenSecret() });
  const deps = { db, telephony, clock: () => new Date() };
  const stopRefills = refill ? engine.startRefills(() => deps) : () => undefined;

  const t0 = Date.now();
  let ticking = Promise.resolve();
  const tick = () => (ticking = ticking.then(() => engine.processActiveCampaigns(deps)).then(() => undefined, () => undefined));
  tick();
  const timer = setInterval(tick, tickMs);
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const t1 = Date.now();
  clearInterval(timer);
  stopRefills();
  await db.update(schema.campaigns).set({ status: 'paused' }).where(inArray(schema.campaigns.id, campaignIds));
  await ticking;
  await engine.dialsSettled();
  await simulatorIdle();
  await new Promise((r) => setTimeout(r, 1000)); // the last webhooks' own writes

  const rows = await db
    .select({ id: schema.campaignCalls.id, campaignId: schema.campaignCalls.campaignId, claimedAt: schema.campaignCalls.claimedAt })
    .from(schema.campaignCalls)
    .where(inArray(schema.campaignCalls.campaignId, campaignIds));
  // When the dial went out: the dialler's own 'dialing' event, in milliseconds (a call's dialedAt may
  // come from a webhook's createdAt, which LiveKit gives in whole seconds).
  const dialEvents = await db
    .select({ callId: schema.callEvents.callId, at: schema.callEvents.occurredAt })
    .from(schema.callEvents)
    .where(and(inArray(schema.callEvents.callId, rows.map((c) => c.id)), eq(schema.callEvents.type, 'dialing'), sql`${schema.callEvents.id} like 'dial:%'`));
  const dialOf = new Map(dialEvents.map((e) => [e.callId, e.at]));
  const calls = rows.map((c) => ({ ...c, dialedAt: dialOf.get(c.id) ?? null }));
  const ends = await db
    .select({ callId: schema.callEvents.callId, at: sql<Date>`min(${schema.callEvents.receivedAt})` })
    .from(schema.callEvents)
    .where(and(inArray(schema.callEvents.callId, calls.map((c) => c.id)), eq(schema.callEvents.type, 'ended')))
    .groupBy(schema.callEvents.callId);
  const endReceived = new Map(ends.map((e) => [e.callId, new Date(e.at).getTime()]));
  // The end as committed (the line is free from then on); the event's arrival where no commit was seen.
  const endOf = new Map(calls.filter((c) => endReceived.has(c.id)).map((c) => [c.id, endCommitted.get(c.id) ?? endReceived.get(c.id)!]));
  const arrivalToCommit = calls
    .filter((c) => endCommitted.has(c.id) && endReceived.has(c.id))
    .map((c) => endCommitted.get(c.id)! - endReceived.get(c.id)!)
    .sort((a, b) => a - b);

  const inWindow = calls.filter((c) => c.claimedAt && c.claimedAt.getTime() >= t0 && c.claimedAt.getTime() < t1);
  const holds = inWindow.filter((c) => endOf.has(c.id)).map((c) => endOf.get(c.id)! - c.claimedAt!.getTime());
  const meanHoldMs = holds.reduce((s, h) => s + h, 0) / holds.length;
  const ideal = (campaignsN * lines * (t1 - t0)) / meanHoldMs;
  // The same question without the edge effect of counting whole calls: the share of line-time held.
  const held = calls.reduce((sum, c) => {
    const from = Math.max(t0, c.claimedAt!.getTime());
    const to = Math.min(t1, endOf.get(c.id) ?? t1);
    return sum + Math.max(0, to - from);
  }, 0);
  const busyShare = held / (campaignsN * lines * (t1 - t0));

  // Each end inside the window, paired with the campaign's first dial after it not yet paired.
  const refillMs: number[] = [];
  for (const campaignId of campaignIds) {
    const mine = calls.filter((c) => c.campaignId === campaignId);
    const dials = mine.map((c) => c.dialedAt?.getTime()).filter((t): t is number => t !== undefined).sort((a, b) => a - b);
    const endings = mine.map((c) => endOf.get(c.id)).filter((t): t is number => t !== undefined && t >= t0 && t < t1).sort((a, b) => a - b);
    let next = 0;
    for (const end of endings) {
      while (next < dials.length && dials[next] < end) next++;
      if (next >= dials.length) break;
      refillMs.push(dials[next] - end);
      next++;
    }
  }
  refillMs.sort((a, b) => a - b);
  if (inWindow.length === 0) {
    // Nothing dialled: say why (the leads' statuses) rather than report NaN figures.
    const statuses = await db.select({ status: schema.leads.status, n: sql<number>`count(*)::int` }).from(schema.leads).where(inArray(schema.leads.campaignId, campaignIds)).groupBy(schema.leads.status);
    throw new Error(`${label}: no call was claimed in the window; leads by status: ${statuses.map((s) => `${s.status} ${s.n}`).join(', ')}`);
  }
  return { arrivalToCommit, utilisation: inWindow.length / ideal, busyShare, dials: inWindow.length, ideal, meanHoldMs, refill: refillMs };
}

try {
  print(`  ${campaignsN} campaigns × ${lines} lines, ${seconds} s real per phase, simulator speed ×${speed} (rings 15–30 s, conversations 60–180 s simulated)`);
  const results: Record<string, Phase> = {};
  for (const [label, refill] of [['baseline', false], ['refill', true]] as const) {
    const r = await runPhase(label, refill);
    results[label] = r;
    const f = (ms: number) => `${Math.round(ms)} ms`;
    print(
      `  ${label.padEnd(8)}: ${r.dials} dials vs ${r.ideal.toFixed(1)} possible (mean line hold ${(r.meanHoldMs / 1000).toFixed(2)} s) → utilisation ${(r.utilisation * 100).toFixed(1)} % (line-time held ${(r.busyShare * 100).toFixed(1)} %);` +
        ` end → next dial p50 ${f(percentile(r.refill, 50))}, p99 ${f(percentile(r.refill, 99))} (${r.refill.length} ends;` +
        ` end event's arrival → its commit p50 ${f(percentile(r.arrivalToCommit, 50))}, p99 ${f(percentile(r.arrivalToCommit, 99))})`,
    );
  }
  const b = results.baseline;
  const r = results.refill;
  print(`  refill vs the tick alone: utilisation ×${(r.utilisation / b.utilisation).toFixed(2)}, line-time held ×${(r.busyShare / b.busyShare).toFixed(2)}, p99 end → next dial ×${(percentile(r.refill, 99) / percentile(b.refill, 99)).toFixed(3)}`);
  const p99 = percentile(r.refill, 99);
  print(`  targets: utilisation ≥ 90 % → ${r.utilisation >= 0.9 ? 'met' : 'NOT met'} (line-time held ≥ 90 % → ${r.busyShare >= 0.9 ? 'met' : 'NOT met'}); refill p99 ≤ 2 s → ${p99 <= 2000 ? 'met' : 'NOT met'}`);
  const bench = `line-utilisation (${campaignsN} × ${lines} lines, ×${speed})`;
  reportFigure({ bench, name: 'line utilisation', value: r.utilisation * 100, unit: '%', target: '≥ 90 %', met: r.utilisation >= 0.9, baseline: { name: 'tick alone', value: Math.round(b.utilisation * 1000) / 10, unit: '%' } });
  reportFigure({ bench, name: 'refill p99 (call end → next dial)', value: p99, unit: 'ms', target: '≤ 2,000 ms', met: p99 <= 2000, baseline: { name: 'tick alone p99', value: Math.round(percentile(b.refill, 99)), unit: 'ms' } });
} finally {
  simProcess.kill('SIGTERM');
  await app.close();
  await database.drop();
}
