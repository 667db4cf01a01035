// The simulator at the wire: the app's LiveKitTelephony (the real SDK) dials through it, and a
// stand-in app receives its webhooks and agent reports and checks them as the real routes do.
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { AccessToken, EgressClient, EncodedFileOutput, RoomServiceClient, WebhookReceiver, type WebhookEvent } from 'livekit-server-sdk';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { agentReportBody, type AgentReportBody } from '@/shared/contracts/agent-report';
import { LiveKitTelephony } from '@/lib/telephony/livekit';
import { callEventsFromWebhook, roomNameOfWebhook } from '@/lib/telephony/livekit-webhook';
import { verifyReportToken } from '@/lib/telephony/report-token';
import { DialError, type CallContext } from '@/lib/telephony/types';
import { ManualClock } from '@/lib/clock';
import { realSleep, type SimulatorClock } from './clock';
import { startLiveKitSimulator, type LiveKitSimulator, type LiveKitSimulatorOptions } from './server';

const apiKey = 'APIsimtest';
const apiSecret = 'simulator-test-secret-long-enough-for-hs256';
const reportSecret = 'report-secret-for-sim-tests';

// The stand-in app: verifies every webhook with the SDK's WebhookReceiver and every report with its token.
const app = {
  webhooks: [] as WebhookEvent[],
  reports: [] as { callId: string; report: AgentReportBody }[],
  refused: 0,
  server: undefined as http.Server | undefined,
  url: '',
};

beforeAll(async () => {
  const receiver = new WebhookReceiver(apiKey, apiSecret);
  app.server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString();
    try {
      if (req.url === '/api/livekit/webhook') {
        expect(req.headers['content-type']).toBe('application/webhook+json');
        app.webhooks.push(await receiver.receive(body, req.headers.authorization));
      } else {
        const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
        const { callId } = await verifyReportToken(token, { secret: reportSecret, now: new Date() });
        app.reports.push({ callId, report: agentReportBody.parse(JSON.parse(body)) });
      }
      res.writeHead(200).end('{}');
    } catch {
      app.refused++;
      res.writeHead(401).end('{}');
    }
  });
  await new Promise<void>((resolve) => app.server!.listen(0, '127.0.0.1', resolve));
  app.url = `http://127.0.0.1:${(app.server!.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => app.server!.close(() => resolve())));

const simulators: LiveKitSimulator[] = [];
afterEach(async () => {
  await Promise.all(simulators.splice(0).map((s) => s.close()));
  app.webhooks = [];
  app.reports = [];
  app.refused = 0;
});

async function simulator(options: LiveKitSimulatorOptions = {}) {
  const sim = await startLiveKitSimulator({ apiKey, apiSecret, webhookUrl: `${app.url}/api/livekit/webhook`, speed: 1e6, seed: 42, retryDelaysMs: [], ...options });
  simulators.push(sim);
  const telephony = (overrides: { apiSecret?: string; sipTrunkId?: string } = {}) =>
    new LiveKitTelephony({
      url: sim.url,
      apiKey,
      apiSecret: overrides.apiSecret ?? apiSecret,
      sipTrunkId: overrides.sipTrunkId ?? sim.trunkId,
      defaultAgentName: 'outbound-caller',
      appUrl: app.url,
      reportTokenSecret: reportSecret,
      name: 'livekit-sim',
      // 300 dials at once on a busy machine queue up: a hang bound, not the SDK's 10 s, so the test does not measure the machine.
      requestTimeoutSeconds: 60,
    });
  return { sim, telephony };
}

let sequence = 0;
function call(overrides: { recordCalls?: boolean; phone?: string } = {}): CallContext & { roomName: string } {
  const callId = crypto.randomUUID();
  return {
    callId,
    attemptNumber: 1,
    roomName: `call-${++sequence}-${callId.slice(0, 8)}`,
    campaign: {
      id: 'camp-1',
      name: 'Demo',
      recordCalls: overrides.recordCalls ?? true,
      recordingDisclosure: 'This call is recorded.',
      qualificationCriteria: [{ field: 'budget', type: 'number', operator: '>=', value: 5000, weight: 1 }],
      minQualificationScore: 50,
    },
    lead: { id: 'lead-1', name: 'Sam Lee', company: 'Globex', phone: overrides.phone ?? '+15550001111', timezone: 'Europe/Berlin', context: { industry: 'retail' } },
  };
}

describe('the simulator checks requests as a LiveKit server does', () => {
  it('a token signed with the wrong secret is refused (unauthenticated → the telephony is unavailable)', async () => {
    const { sim, telephony } = await simulator();
    await expect(telephony({ apiSecret: 'not-the-secret-but-just-as-long-as-it' }).placeCall(call())).rejects.toMatchObject({ kind: 'unavailable' });
    await expect(new RoomServiceClient(sim.url, apiKey, 'wrong-secret-wrong-secret-wrong-secret').listRooms()).rejects.toMatchObject({ code: 'unauthenticated', status: 401 });
    expect(sim.stats().rejectedRequests).toBe(2);
  });

  it('a request without a token, or without the grant it needs, is refused', async () => {
    const { sim } = await simulator();
    const post = async (path: string, body: unknown, token?: string) =>
      fetch(`${sim.url}/twirp/${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
    expect((await post('livekit.RoomService/ListRooms', {})).status).toBe(401);

    const listOnly = new AccessToken(apiKey, apiSecret, { ttl: '1m' });
    listOnly.addGrant({ roomList: true });
    const response = await post('livekit.RoomService/CreateRoom', { name: 'r' }, await listOnly.toJwt());
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: 'permission_denied' });

    const otherRoom = new AccessToken(apiKey, apiSecret, { ttl: '1m' });
    otherRoom.addGrant({ roomAdmin: true, room: 'another-room' });
    expect((await post('livekit.RoomService/ListParticipants', { room: 'r' }, await otherRoom.toJwt())).status).toBe(403);
  });

  it('an unknown room is not found; hanging up a room that is gone is fine', async () => {
    const { sim, telephony } = await simulator();
    const rooms = new RoomServiceClient(sim.url, apiKey, apiSecret);
    await expect(rooms.listParticipants('no-such-room')).rejects.toMatchObject({ code: 'not_found', status: 404 });
    await expect(rooms.deleteRoom('no-such-room')).rejects.toMatchObject({ code: 'not_found' });
    await expect(telephony().hangUp('no-such-room')).resolves.toBeUndefined();
    await expect(telephony().getCallState('no-such-room')).resolves.toBe('ended');
  });

  it('a recording needs the roomRecord grant, a room that exists and a file output', async () => {
    const { sim } = await simulator();
    const egress = new EgressClient(sim.url, apiKey, apiSecret);
    const file = new EncodedFileOutput({ filepath: 'recordings/{room_name}.ogg' });
    await expect(egress.startRoomCompositeEgress('no-such-room', { file }, { audioOnly: true })).rejects.toMatchObject({ code: 'not_found', status: 404 });

    await new RoomServiceClient(sim.url, apiKey, apiSecret).createRoom({ name: 'r' });
    const adminOnly = new AccessToken(apiKey, apiSecret, { ttl: '1m' });
    adminOnly.addGrant({ roomAdmin: true, room: 'r' });
    const response = await fetch(`${sim.url}/twirp/livekit.Egress/StartRoomCompositeEgress`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${await adminOnly.toJwt()}` },
      body: JSON.stringify({ roomName: 'r', audioOnly: true, fileOutputs: [{ filepath: 'x.ogg' }] }),
    });
    expect(response.status).toBe(403);
    await expect(egress.startRoomCompositeEgress('r', { segments: undefined }, { audioOnly: true })).rejects.toMatchObject({ code: 'invalid_argument' });
    await expect(egress.startRoomCompositeEgress('r', { file }, { audioOnly: true })).resolves.toMatchObject({ egressId: expect.stringMatching(/^EG_/), roomName: 'r' });
  });

  it('a trunk the server does not know makes the telephony unavailable', async () => {
    const { telephony } = await simulator();
    await expect(telephony({ sipTrunkId: 'ST_missing' }).placeCall(call())).rejects.toMatchObject({ kind: 'unavailable' });
  });

  it('an unregistered agent makes the telephony unavailable (when the simulator knows its agents)', async () => {
    const { telephony } = await simulator({ registeredAgents: ['someone-else'] });
    await expect(telephony().placeCall(call())).rejects.toMatchObject({ kind: 'unavailable' });
  });

  it('a malformed number is an invalid number', async () => {
    const { telephony } = await simulator();
    await expect(telephony().placeCall(call({ phone: 'call me maybe' }))).rejects.toMatchObject({ kind: 'invalid_number' });
  });

  it('over the concurrent call limit, a dial is rate limited (a 429 without a SIP status)', async () => {
    const { sim, telephony } = await simulator({ maxConcurrentCalls: 0 });
    const error = await telephony().placeCall(call()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DialError);
    expect(error).toMatchObject({ kind: 'rate_limited', sipStatusCode: undefined });
    expect(sim.stats().dials).toBe(0);
  });
});

describe('a simulated call plays out like a real one', () => {
  it('an answered call: signed webhooks tell the story, the agent reports with the call’s token, the recording follows', async () => {
    const { sim, telephony } = await simulator({ mix: { answered: 1 } });
    const placed = call();
    const result = await telephony().placeCall(placed);
    expect(result).toMatchObject({ roomName: placed.roomName, participantIdentity: `lead-${placed.callId}`, sipCallId: expect.stringMatching(/^SCL_/) });
    await sim.idle();

    expect(app.refused).toBe(0);
    expect(app.reports).toHaveLength(1);
    expect(app.reports[0].callId).toBe(placed.callId);
    expect(app.reports[0].report.transcript[0].text).toContain('Sam');

    const ofCall = app.webhooks.filter((w) => roomNameOfWebhook(w) === placed.roomName);
    expect(ofCall.map((w) => w.event)).toEqual(
      expect.arrayContaining(['room_started', 'participant_joined', 'participant_attributes_changed', 'participant_left', 'room_finished', 'egress_started', 'egress_ended']),
    );
    const status = (w: WebhookEvent) => (w.event === 'participant_left' || w.event === 'room_finished' ? 'in_progress' : 'calling');
    const events = ofCall.flatMap((w) => callEventsFromWebhook(w, { callId: placed.callId, callStatus: status(w), receivedAt: new Date() }));
    expect(events.map((e) => e.type)).toEqual(['dialing', 'ringing', 'answered', 'ended', 'ended', 'recording']);
    expect(events.find((e) => e.type === 'recording')).toMatchObject({ url: `${sim.url}/recordings/${placed.roomName}.wav` });
    expect(new Set(ofCall.map((w) => w.id)).size).toBe(ofCall.length);

    const recording = await fetch(`${sim.url}/recordings/${placed.roomName}.wav`);
    expect(recording.headers.get('content-type')).toBe('audio/wav');
    expect(sim.stats()).toMatchObject({ dials: 1, activeCalls: 0, openRooms: 0, reports: { sent: 1, failed: 0 }, webhooks: { failed: 0 } });
  });

  it('a room is recorded only once the app starts a recording, and the recording ends with the room', async () => {
    const { sim } = await simulator();
    const rooms = new RoomServiceClient(sim.url, apiKey, apiSecret);
    await rooms.createRoom({ name: 'unrecorded' });
    await rooms.createRoom({ name: 'recorded' });
    const info = await new EgressClient(sim.url, apiKey, apiSecret).startRoomCompositeEgress('recorded', { file: new EncodedFileOutput({ filepath: 'recordings/{room_name}-{time}.ogg' }) }, { audioOnly: true });
    await rooms.deleteRoom('unrecorded');
    await rooms.deleteRoom('recorded');
    await sim.idle();

    expect(app.webhooks.filter((w) => roomNameOfWebhook(w) === 'unrecorded').map((w) => w.event)).toEqual(['room_started', 'room_finished']);
    expect(app.webhooks.filter((w) => roomNameOfWebhook(w) === 'recorded').map((w) => w.event)).toEqual(['room_started', 'egress_started', 'room_finished', 'egress_ended']);
    const ended = app.webhooks.find((w) => w.event === 'egress_ended')!;
    expect(ended.egressInfo).toMatchObject({ egressId: info.egressId, roomName: 'recorded' });
    expect(ended.egressInfo?.fileResults[0]).toMatchObject({ filename: expect.stringMatching(/^recordings\/recorded-\d{8}T\d{6}\.ogg$/), location: `${sim.url}/recordings/recorded.wav` });
  });

  it('a campaign that does not record gets no recording', async () => {
    const { sim, telephony } = await simulator({ mix: { answered: 1 } });
    await telephony().placeCall(call({ recordCalls: false }));
    await sim.idle();
    expect(app.webhooks.some((w) => w.event.startsWith('egress'))).toBe(false);
  });

  it('a voicemail is answered, and the report says an answering machine picked up', async () => {
    const { sim, telephony } = await simulator({ mix: { voicemail: 1 } });
    const placed = call();
    await telephony().placeCall(placed);
    await sim.idle();
    expect(app.reports[0]).toMatchObject({ callId: placed.callId, report: { answeringMachine: true, endedReason: 'voicemail' } });
  });

  it('a busy line: the dial fails with 486, the lead leaves as rejected, the room is closed', async () => {
    const { sim, telephony } = await simulator({ mix: { busy: 1 } });
    const placed = call();
    await expect(telephony().placeCall(placed)).rejects.toMatchObject({ kind: 'busy' });
    await sim.idle();
    const left = app.webhooks.find((w) => w.event === 'participant_left' && w.participant?.identity === `lead-${placed.callId}`)!;
    expect(callEventsFromWebhook(left, { callId: placed.callId, callStatus: 'calling', receivedAt: new Date() })).toMatchObject([{ type: 'ended', reason: 'busy' }]);
    expect(app.webhooks.filter((w) => w.event === 'room_finished')).toHaveLength(1);
    expect(app.reports).toHaveLength(0);
    expect(sim.stats()).toMatchObject({ openRooms: 0, activeCalls: 0 });
  });

  it('a live call is active until the app hangs up, then ended', async () => {
    const { sim, telephony } = await simulator({ mix: { answered: 1 }, speed: 50 });
    const placed = call();
    await telephony().placeCall(placed);
    await expect(telephony().getCallState(placed.roomName)).resolves.toBe('active');
    await telephony().hangUp(placed.roomName);
    await expect(telephony().getCallState(placed.roomName)).resolves.toBe('ended');
    await sim.idle();
    const left = app.webhooks.find((w) => w.event === 'participant_left' && w.participant?.identity === `lead-${placed.callId}`)!;
    expect(callEventsFromWebhook(left, { callId: placed.callId, callStatus: 'in_progress', receivedAt: new Date() })).toMatchObject([{ type: 'ended', reason: 'completed' }]);
    expect(app.reports).toHaveLength(0);
  });

  it('over 300 seeded calls every dial resolves or fails the way the simulator played it, and the mix holds roughly', async () => {
    const { sim, telephony } = await simulator({ seed: 2024 });
    const results = await Promise.all(
      Array.from({ length: 300 }, () =>
        telephony()
          .placeCall(call())
          .then(() => 'connected')
          .catch((e: DialError) => e.kind),
      ),
    );
    await sim.idle();
    const count = (kind: string) => results.filter((r) => r === kind).length;
    const { outcomes } = sim.stats();
    expect(count('connected')).toBe(outcomes.answered + outcomes.voicemail);
    expect(count('busy')).toBe(outcomes.busy);
    expect(count('no_answer')).toBe(outcomes.no_answer);
    expect(count('failed')).toBe(outcomes.failed);
    expect(count('invalid_number')).toBe(outcomes.invalid_number);
    expect(count('connected') / 300).toBeGreaterThan(0.35);
    expect(count('connected') / 300).toBeLessThan(0.58);
    expect(app.reports).toHaveLength(outcomes.answered + outcomes.voicemail);
    expect(app.refused).toBe(0);
    expect(sim.stats()).toMatchObject({ activeCalls: 0, openRooms: 0, webhooks: { failed: 0 } });
  });
});

describe('the simulator keeps its own clock', () => {
  it('every time it reports (room, participant, webhook, egress, file name) is read from the injected clock', async () => {
    const start = new Date('2031-05-06T07:08:09Z');
    const clock = new ManualClock(start);
    const { sim } = await simulator({ clock });
    const seconds = (at: Date) => BigInt(Math.floor(at.getTime() / 1000));
    const nanos = (at: Date) => BigInt(at.getTime()) * 1_000_000n;

    const rooms = new RoomServiceClient(sim.url, apiKey, apiSecret);
    const room = await rooms.createRoom({ name: 'clocked' });
    expect(room.creationTime).toBe(seconds(start));
    const egress = await new EgressClient(sim.url, apiKey, apiSecret).startRoomCompositeEgress('clocked', { file: new EncodedFileOutput({ filepath: 'recordings/{room_name}-{time}.ogg' }) }, { audioOnly: true });
    expect(egress.startedAt).toBe(nanos(start));
    clock.advance(42_000);
    await rooms.deleteRoom('clocked');
    await sim.idle();

    const ofRoom = app.webhooks.filter((w) => roomNameOfWebhook(w) === 'clocked');
    expect(ofRoom.map((w) => [w.event, w.createdAt])).toEqual([
      ['room_started', seconds(start)],
      ['egress_started', seconds(start)],
      ['room_finished', seconds(clock.now())],
      ['egress_ended', seconds(clock.now())],
    ]);
    const ended = ofRoom.find((w) => w.event === 'egress_ended')!.egressInfo!;
    expect(ended.endedAt).toBe(nanos(clock.now()));
    expect(ended.fileResults[0]).toMatchObject({ filename: 'recordings/clocked-20310506T070809.ogg', duration: 42_000_000_000n });
  });

  it('a clock with its own sleep paces rings and conversations: a minute-long call on a clock twenty times faster', async () => {
    const pace = 20;
    const wallStart = Date.now();
    const start = new Date('2031-05-06T07:00:00Z');
    let sleeps = 0;
    const fast: SimulatorClock = {
      now: () => new Date(start.getTime() + (Date.now() - wallStart) * pace),
      sleep: (ms, signal) => (sleeps++, realSleep(ms / pace, signal)),
    };
    const { sim, telephony } = await simulator({ clock: fast, speed: 1, mix: { answered: 1 }, timing: { ringSeconds: [5, 5], conversationSeconds: [60, 60], recordingGraceSeconds: 1_000 } });
    const placed = call();
    await telephony().placeCall(placed);
    await sim.idle();

    expect(sleeps).toBeGreaterThan(0);
    expect(app.reports.map((r) => r.callId)).toEqual([placed.callId]);
    const ended = app.webhooks.find((w) => w.event === 'egress_ended' && roomNameOfWebhook(w) === placed.roomName)!.egressInfo!;
    const recordedSeconds = Number(ended.fileResults[0].duration) / 1e9;
    expect(recordedSeconds).toBeGreaterThanOrEqual(60);
    const firstWebhook = app.webhooks.find((w) => roomNameOfWebhook(w) === placed.roomName)!;
    expect(Number(firstWebhook.createdAt) * 1000).toBeGreaterThanOrEqual(start.getTime() - 1000);
  });
});
