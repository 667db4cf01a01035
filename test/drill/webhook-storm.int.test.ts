// The webhook-storm drill: the simulator plays over a thousand calls and the signed LiveKit webhooks and
// agent reports it sends (more than 10,000 in all) are recorded. They are then applied to the real routes
// three ways, each on a database seeded identically: in order (the clean run); with 10 % sent twice and
// 10 % moved out of order, by 8 senders at once; and with 5 % never sent, followed by recovery, which asks
// the LiveKit API about each call left open. The first two must end identical; the third must settle
// every call anyway.
import crypto from 'node:crypto';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { schema, setDbHandle, type Db } from '@/db';
import { resetAuth } from '@/lib/auth';
import { setAppClock } from '@/lib/clock';
import { startLiveKitSimulator, type LiveKitSimulator } from '@/lib/livekit-sim';
import { applyCallEvent, settleCall, type CallEvent } from '@/lib/services/calls';
import { openRecordingUrl, openTranscript } from '@/lib/services/calls/call-personal-data';
import { recoverCalls } from '@/lib/services/engine';
import { dialFailedEvent, type DialFailure } from '@/lib/services/engine/place-calls';
import { engineTiming } from '@/lib/services/engine/timing';
import { closeTelephony, liveKitCredentials, reportTokenSecret } from '@/lib/telephony';
import { LiveKitTelephony } from '@/lib/telephony/livekit';
import { isDialError } from '@/lib/telephony/types';
import { startAppServer, type Delivery } from '@/test/app-server';
import { createTestDb, testDriver, type TestDb } from '@/test/fixtures';
import { campaignConfig } from '@/lib/services/campaigns/config';
import { everyHourOfEveryDay } from '@/shared/contracts/campaign-config';

const CALLS = Number(process.env.STORM_CALLS ?? 1_400);
// STORM_CALLS makes a smaller storm to debug with; the drill itself sends more than 10,000.
const WEBHOOKS_AT_LEAST = Math.min(10_000, CALLS * 7);

/** A deterministic shuffle-free random stream, so a failure can be replayed. */
function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** The same user, campaign, leads and dialled calls, with the same ids, in any database. */
function seedRows(count: number) {
  const ownerId = crypto.randomUUID();
  const campaignId = crypto.randomUUID();
  const config = campaignConfig.parse({
    timezone: 'UTC',
    callWindows: everyHourOfEveryDay,
    maxCallsPerDay: 100_000,
    maxCallsPerLead: 3,
    maxConcurrentCalls: 100,
    minQualificationScore: 70,
    recordCalls: true,
    qualificationCriteria: [{ field: 'budget', type: 'number', operator: '>=', value: 10000, weight: 100 }],
  });
  const dialedAt = new Date(Date.now() - 1_000);
  const leads = Array.from({ length: count }, (_, i) => ({
    id: crypto.randomUUID(),
    campaignId,
    name: `Lead ${i}`,
    company: `Company ${i % 40}`,
    phone: `+1212555${String(i).padStart(4, '0')}`,
    timezone: 'America/New_York',
    status: 'calling' as const,
    callAttempts: 1,
  }));
  const calls = leads.map((lead, i) => ({
    id: crypto.randomUUID(),
    campaignId,
    leadId: lead.id,
    attemptNumber: 1,
    status: 'calling' as const,
    phone: lead.phone,
    roomName: `storm-${i}-${lead.id.slice(0, 8)}`,
    claimedAt: dialedAt,
    dialedAt,
  }));
  return {
    ownerId,
    campaign: { id: campaignId, workspaceId: ownerId, name: 'Storm', config, status: 'active' as const },
    leads,
    calls,
    async into(db: Db) {
      await db.insert(schema.users).values({ id: ownerId, name: 'Storm Owner', email: `${ownerId}@example.com` });
      await db.insert(schema.workspaces).values({ id: ownerId, name: 'Storm workspace', personalOf: ownerId }); // the owner's personal workspace, with the owner's id
      await db.insert(schema.campaigns).values(this.campaign);
      for (let i = 0; i < leads.length; i += 500) await db.insert(schema.leads).values(leads.slice(i, i + 500));
      for (let i = 0; i < calls.length; i += 500) await db.insert(schema.campaignCalls).values(calls.slice(i, i + 500));
    },
  };
}

type Rows = ReturnType<typeof seedRows>;
/** What reaches the app about a call: a webhook or report over HTTP, or a dial request's own answer. */
type Message = Delivery | CallEvent;
const dialFailureKinds = { busy: 1, no_answer: 1, failed: 1, invalid_number: 1, timed_out: 1 };

describe.skipIf(testDriver() !== 'postgres')('10,000 webhooks: duplicated, out of order, and lost (drill on Postgres)', () => {
  let recorder: Awaited<ReturnType<typeof startAppServer>>;
  let sim: LiveKitSimulator;
  let rows: Rows;
  const dialErrors: string[] = [];
  /** The dial requests' own answers, which the dialler applies as call events beside the webhooks. */
  const dialResults: CallEvent[] = [];
  const dbs: TestDb[] = [];

  beforeAll(async () => {
    recorder = await startAppServer({ record: true, forward: false });
    sim = await startLiveKitSimulator({ ...liveKitCredentials(), webhookUrl: `${recorder.url}/api/livekit/webhook`, speed: 1e6, seed: 5, webhookTokenTtl: '2h' });
    rows = seedRows(CALLS);
    const telephony = new LiveKitTelephony({ url: sim.url, ...liveKitCredentials(), sipTrunkId: sim.trunkId, defaultAgentName: 'outbound-caller', appUrl: recorder.url, reportTokenSecret: reportTokenSecret(), requestTimeoutSeconds: 300 });
    const { config } = rows.campaign;
    let next = 0;
    const placeAll = async () => {
      for (let i = next++; i < CALLS; i = next++) {
        const call = rows.calls[i];
        const lead = rows.leads[i];
        await telephony
          .placeCall({
            callId: call.id,
            attemptNumber: 1,
            roomName: call.roomName,
            campaign: { id: rows.campaign.id, name: rows.campaign.name, recordCalls: true, recordingDisclosure: 'This call is recorded.', qualificationCriteria: config.qualificationCriteria, minQualificationScore: config.minQualificationScore },
            lead: { id: lead.id, name: lead.name, company: lead.company, phone: lead.phone, timezone: lead.timezone, context: {} },
          })
          .then((placed) => placed.answeredAt && dialResults.push({ id: `answered:${call.id}`, callId: call.id, at: placed.answeredAt, type: 'answered' }))
          // An unanswered dial fails with its SIP status, which decides how the call ended (the room's webhooks only hint).
          .catch((error: unknown) => (isDialError(error) && error.kind in dialFailureKinds ? dialResults.push(dialFailedEvent(call.id, error as DialFailure, new Date())) : dialErrors.push(String(error))));
      }
    };
    await Promise.all(Array.from({ length: 16 }, placeAll));
    await sim.idle();
    await closeTelephony();
  });
  afterAll(async () => {
    setAppClock(undefined);
    await sim?.close();
    await closeTelephony();
    await recorder?.close();
    for (const db of dbs) await db.drop();
  });

  /**
   * Each pass replays the messages at the moments they first arrived: the app's clock reads the arrival time of the
   * latest message applied so far, so a pass that takes minutes on a busy machine does not, by its own slowness, run
   * out the 2-minute grace a call's report has after its end.
   */
  let passClock = 0;
  const arrivedAt = (m: Message) => ('path' in m ? m.receivedAt! : m.at).getTime();
  const passNow = () => new Date(passClock);

  async function freshDb(): Promise<TestDb> {
    passClock = 0;
    setAppClock({ now: passNow });
    const db = await createTestDb();
    dbs.push(db);
    setDbHandle(db);
    resetAuth();
    await rows.into(db.db);
    return db;
  }

  async function send(list: Message[], senders: number, db: Db) {
    let next = 0;
    const statuses: number[] = [];
    await Promise.all(
      Array.from({ length: senders }, async () => {
        for (let i = next++; i < list.length; i = next++) {
          const message = list[i];
          passClock = Math.max(passClock, arrivedAt(message));
          if ('path' in message) statuses.push((await recorder.send(message)).status);
          else await (await applyCallEvent(db, message, { now: passNow() })).followUp?.();
        }
      }),
    );
    return statuses;
  }

  /** Every call settled, then what a user would see of each call and lead (no bookkeeping times). */
  async function finalState(db: Db) {
    setAppClock(undefined);
    for (const call of rows.calls) await settleCall(db, { callId: call.id, now: new Date() });
    const calls = await db.select().from(schema.campaignCalls).where(eq(schema.campaignCalls.campaignId, rows.campaign.id));
    const leads = await db.select().from(schema.leads).where(eq(schema.leads.campaignId, rows.campaign.id));
    const byId = new Map(leads.map((l) => [l.id, l]));
    return calls
      .map((c) => ({
        room: c.roomName,
        status: c.status,
        outcome: c.outcome,
        endedReason: c.endedReason,
        answeredAt: c.answeredAt?.toISOString() ?? null,
        endedAt: c.endedAt?.toISOString() ?? null,
        durationSeconds: c.durationSeconds,
        billableMinutes: c.billableMinutes,
        transcriptTurns: openTranscript(c.transcript)?.length ?? 0,
        recordingUrl: openRecordingUrl(c.recordingUrl),
        score: c.score,
        leadStatus: byId.get(c.leadId)!.status,
        leadOutcome: byId.get(c.leadId)!.lastOutcome,
      }))
      .sort((a, b) => a.room!.localeCompare(b.room!));
  }

  it('ends identical with 10 % duplicates and 10 % out of order, and settles every call with 5 % lost', async () => {
    const deliveries = [...recorder.deliveries];
    expect(dialErrors).toEqual([]);
    expect(new Set(deliveries.map((d) => roomOf(d, rows))).size).toBe(CALLS);
    expect(deliveries.length).toBeGreaterThanOrEqual(WEBHOOKS_AT_LEAST);
    // In the order things happened.
    const inOrder: Message[] = [...deliveries, ...dialResults].sort((a, b) => arrivedAt(a) - arrivedAt(b));

    const clean = await freshDb();
    expect(new Set(await send(inOrder, 1, clean.db))).toEqual(new Set([200]));
    const expected = await finalState(clean.db);
    expect(expected.filter((c) => c.outcome === null)).toEqual([]);
    expect(new Set(expected.map((c) => c.outcome)).size).toBeGreaterThan(3); // a real mix, not one path

    // 10 % sent twice, then 10 % of the list moved up to 50 places away, either way (a retry or a slow path
    // overtakes or is overtaken by the messages around it).
    const random = seeded(42);
    const stormy = inOrder.flatMap((d) => (random() < 0.1 ? [d, d] : [d]));
    const moves = Math.round(stormy.length * 0.1);
    for (let k = 0; k < moves; k++) {
      const from = Math.floor(random() * stormy.length);
      const [moved] = stormy.splice(from, 1);
      const to = Math.min(stormy.length, Math.max(0, from + Math.round((random() * 2 - 1) * 50)));
      stormy.splice(to, 0, moved);
    }
    const storm = await freshDb();
    expect(new Set(await send(stormy, 8, storm.db))).toEqual(new Set([200]));
    expect(await finalState(storm.db)).toEqual(expected);

    // 5 % never arrive, and neither does any webhook or the report of one answered call (so it is in_progress until
    // recovery ends it, and then waits out its report's grace). Recovery, run as the job runs it (each round at least
    // a report's grace after the one before) once every lease has run out, asks the LiveKit API (the rooms are gone).
    const lossy = await freshDb();
    const silenced = expected.find((c) => c.answeredAt !== null && c.transcriptTurns > 0)?.room;
    expect(silenced).toBeDefined();
    const arrived = deliveries.filter((d) => roomOf(d, rows) !== silenced && random() >= 0.05);
    const received = new Set<Message>(arrived);
    await send(inOrder.filter((m) => !('path' in m) || received.has(m)), 8, lossy.db);
    const telephony = new LiveKitTelephony({ url: sim.url, ...liveKitCredentials(), sipTrunkId: sim.trunkId, defaultAgentName: 'outbound-caller', appUrl: recorder.url, reportTokenSecret: reportTokenSecret() });
    const later = Date.now() + engineTiming.inProgressLeaseMs + 60_000;
    for (let round = 0; round < 5; round++) await recoverCalls({ db: lossy.db, telephony, clock: () => new Date(later + round * engineTiming.reportGraceMs) });
    const settled = await finalState(lossy.db);
    expect(settled.filter((c) => c.outcome === null || c.leadStatus === 'calling')).toEqual([]);
    // A call whose every message arrived ends as in the clean run.
    const lostRooms = new Set(deliveries.filter((d) => !received.has(d)).map((d) => roomOf(d, rows)));
    expect(lostRooms.has(undefined)).toBe(false);
    const untouched = (list: typeof expected) => list.filter((c) => !lostRooms.has(c.room ?? undefined));
    expect(untouched(settled)).toEqual(untouched(expected));
  }, 900_000);
});

/** The room a recorded delivery is about: a webhook names it; a report's token names its call. */
function roomOf(d: Delivery, rows: Rows): string | undefined {
  if (d.path === '/api/livekit/webhook') return /"(storm-\d+-[0-9a-f]{8})"/.exec(d.body.toString())?.[1];
  const token = (d.headers.authorization ?? '').replace(/^Bearer /i, '');
  const callId = token ? decodeJwt(token).sub : undefined;
  return rows.calls.find((c) => c.id === callId)?.roomName;
}
