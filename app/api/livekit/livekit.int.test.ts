// The LiveKit routes on a real database, with the simulator in the loop: LiveKitTelephony dials
// through it, and its webhooks and agent reports reach the real route handlers over HTTP.
import { eq } from 'drizzle-orm';
import { TokenVerifier } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as listenTokenRoute } from '@/app/api/calls/[id]/listen-token/route';
import { POST as agentReportRoute } from '@/app/api/livekit/agent-report/route';
import { POST as webhookRoute } from '@/app/api/livekit/webhook/route';
import { openRecordingUrl, openTranscript } from '@/lib/services/calls/call-personal-data';
import { schema } from '@/db';
import { startLiveKitSimulator, signWebhook, type LiveKitSimulator } from '@/lib/livekit-sim';
import { closeTelephony, liveKitCredentials, reportTokenSecret } from '@/lib/telephony';
import { LiveKitTelephony } from '@/lib/telephony/livekit';
import { signReportToken } from '@/lib/telephony/report-token';
import { call as callRoute, signUp, type TestUser, useTestDb, type TestDb, insertCampaign, leadConsent } from '@/test/fixtures';
import { startAppServer } from '@/test/app-server';

let db: TestDb;
let alice: TestUser;
let bob: TestUser;
let app: Awaited<ReturnType<typeof startAppServer>>;
let appUrl: string;
let sim: LiveKitSimulator;
let telephony: LiveKitTelephony;
let campaign: Awaited<ReturnType<typeof insertCampaign>>;

beforeAll(async () => {
  db = await useTestDb();
  alice = await signUp('Alice');
  bob = await signUp('Bob');
  campaign = await insertCampaign(db.db, alice.id, { recordCalls: true });

  // The app as the simulator sees it: the real route handlers behind a plain HTTP server.
  app = await startAppServer();
  appUrl = app.url;

  sim = await startLiveKitSimulator({ ...liveKitCredentials(), webhookUrl: `${appUrl}/api/livekit/webhook`, speed: 1e6, mix: { answered: 1 }, retryDelaysMs: [] });
  telephony = new LiveKitTelephony({ url: sim.url, ...liveKitCredentials(), sipTrunkId: sim.trunkId, defaultAgentName: 'outbound-caller', appUrl, reportTokenSecret: reportTokenSecret() });
});
afterAll(async () => {
  await sim.close();
  await closeTelephony();
  await app.close();
  await db.drop();
});

let leadIndex = 0;
async function callRow(status: 'calling' | 'completed' = 'calling') {
  leadIndex++;
  const [lead] = await db.db
    .insert(schema.leads)
    .values({ campaignId: campaign.id, name: `Jordan Rivera ${leadIndex}`, company: 'Initech', phone: `+1415555${String(1000 + leadIndex)}`, timezone: 'America/Los_Angeles', ...leadConsent })
    .returning();
  const [row] = await db.db
    .insert(schema.campaignCalls)
    .values({ campaignId: campaign.id, leadId: lead.id, attemptNumber: 1, status, phone: lead.phone, roomName: `call-int-${leadIndex}`, dialedAt: new Date() })
    .returning();
  return { row, lead };
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() - started > timeoutMs) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('a simulated call lands in the database through the real routes', () => {
  it('webhooks and the agent report complete the call with its transcript and recording', async () => {
    const { row, lead } = await callRow();
    await telephony.placeCall({
      callId: row.id,
      attemptNumber: 1,
      roomName: row.roomName!,
      campaign: { id: campaign.id, name: campaign.name, recordCalls: true, recordingDisclosure: 'This call is recorded.', qualificationCriteria: campaign.config.qualificationCriteria, minQualificationScore: campaign.config.minQualificationScore },
      lead: { id: lead.id, name: lead.name, company: lead.company, phone: lead.phone, timezone: lead.timezone, context: {} },
    });
    await sim.idle();
    const stored = await until(
      async () => (await db.db.select().from(schema.campaignCalls).where(eq(schema.campaignCalls.id, row.id)))[0],
      (c) => c.status === 'completed' && !!c.recordingUrl && !!c.transcript,
    );
    expect(stored.status).toBe('completed');
    expect(stored.answeredAt).not.toBeNull();
    expect(openTranscript(stored.transcript)?.[0]).toMatchObject({ speaker: 'agent', text: expect.stringContaining('This call is recorded.') });
    expect(openRecordingUrl(stored.recordingUrl)).toBe(`${sim.url}/recordings/${row.roomName}.wav`);
    expect(sim.stats()).toMatchObject({ webhooks: { failed: 0 }, reports: { sent: 1, failed: 0 } });
    const events = await db.db.select().from(schema.callEvents).where(eq(schema.callEvents.callId, row.id));
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['dialing', 'ringing', 'answered', 'report', 'ended', 'recording']));
  });
});

describe('POST /api/livekit/webhook', () => {
  const body = JSON.stringify({ event: 'room_finished', id: 'EV_int', createdAt: '1741000000', room: { name: 'no-such-room' } });
  const post = (authorization?: string, payload = body) =>
    callRoute(webhookRoute, { path: '/api/livekit/webhook', method: 'POST', body: payload, headers: { 'content-type': 'application/webhook+json', ...(authorization ? { authorization } : {}) } });

  it('refuses an unsigned or wrongly signed webhook with 401', async () => {
    expect((await post()).status).toBe(401);
    expect((await post(await signWebhook(body, liveKitCredentials().apiKey, 'another-secret-of-enough-length-here'))).status).toBe(401);
    expect((await post(await signWebhook(body, liveKitCredentials().apiKey, liveKitCredentials().apiSecret), body.replace('EV_int', 'EV_changed'))).status).toBe(401);
  });

  it('acknowledges a webhook for a room that is no call', async () => {
    const res = await post(await signWebhook(body, liveKitCredentials().apiKey, liveKitCredentials().apiSecret));
    expect(res).toMatchObject({ status: 200, body: { ok: true, applied: 0 } });
  });
});

describe('POST /api/livekit/agent-report', () => {
  const report = { transcript: [{ speaker: 'agent', text: 'Hello?' }, { speaker: 'lead', text: 'Hi.', startMs: 1200 }], summary: 'Short call' };
  const post = (token: string | undefined, body: unknown = report) =>
    callRoute(agentReportRoute, { path: '/api/livekit/agent-report', method: 'POST', body, ...(token ? { token } : {}) });

  it('takes a report once, with the call’s own token', async () => {
    const { row } = await callRow();
    const token = await signReportToken({ callId: row.id, secret: reportTokenSecret(), now: new Date() });
    expect(await post(token)).toMatchObject({ status: 200, body: { ok: true, duplicate: false } });
    expect(await post(token)).toMatchObject({ status: 200, body: { ok: true, duplicate: true } });
    const [stored] = await db.db.select().from(schema.campaignCalls).where(eq(schema.campaignCalls.id, row.id));
    expect(openTranscript(stored.transcript)).toEqual(report.transcript);
  });

  it('refuses a missing or forged token, and names a bad field', async () => {
    const { row } = await callRow();
    expect((await post(undefined)).status).toBe(401);
    expect((await post(await signReportToken({ callId: row.id, secret: 'not-the-secret', now: new Date() }))).status).toBe(401);
    const token = await signReportToken({ callId: row.id, secret: reportTokenSecret(), now: new Date() });
    const res = await post(token, { transcript: [{ speaker: 'robot', text: 'beep' }] });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.error.fields)).toContain('transcript.0.speaker');
  });
});

describe('POST /api/calls/:id/listen-token', () => {
  const post = (user: TestUser, id: string) => callRoute(listenTokenRoute, { path: `/api/calls/${id}/listen-token`, method: 'POST', token: user.token, params: { id } });

  it('gives the owner a hidden, receive-only token for a live call', async () => {
    const { row } = await callRow();
    const res = await post(alice, row.id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ roomName: row.roomName, simulated: true, url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) });
    const claims = await new TokenVerifier(liveKitCredentials().apiKey, liveKitCredentials().apiSecret).verify(res.body.token);
    expect(claims.video).toMatchObject({ roomJoin: true, room: row.roomName, hidden: true, canSubscribe: true, canPublish: false });
  });

  it('is 404 for someone else’s call and 409 for a call that is over', async () => {
    const { row } = await callRow();
    expect((await post(bob, row.id)).status).toBe(404);
    const { row: ended } = await callRow('completed');
    expect((await post(alice, ended.id)).status).toBe(409);
  });
});
