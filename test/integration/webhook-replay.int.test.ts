// LiveKit webhooks and the agent report, signed by the real SDK (through the simulator), replayed
// to the real routes duplicated and out of order: the call ends in the same state every time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openRecordingUrl, openTranscript } from '@/lib/services/calls/call-personal-data';
import { schema } from '@/db';
import { backgroundTasksDone } from '@/lib/api/after-response';
import { startLiveKitSimulator, type LiveKitSimulator } from '@/lib/livekit-sim';
import { settleCall } from '@/lib/services/calls';
import { closeTelephony, liveKitCredentials, reportTokenSecret } from '@/lib/telephony';
import { LiveKitTelephony } from '@/lib/telephony/livekit';
import { useTestDb, type TestDb, insertCampaign, insertUser } from '@/test/fixtures';
import { startAppServer, type Delivery } from '@/test/app-server';

let db: TestDb;
let recorder: Awaited<ReturnType<typeof startAppServer>>;
let sim: LiveKitSimulator;

beforeAll(async () => {
  db = await useTestDb();
  // Records what the simulator sends without applying it; the test replays it in its own order.
  recorder = await startAppServer({ record: true, forward: false });
  sim = await startLiveKitSimulator({ ...liveKitCredentials(), webhookUrl: `${recorder.url}/api/livekit/webhook`, speed: 1e6, mix: { answered: 1 }, seed: 3 });
});
afterAll(async () => {
  await sim.close();
  await closeTelephony();
  await recorder.close();
  await db.drop();
});

async function playOneCall() {
  const ownerId = await insertUser(db.db);
  const campaign = await insertCampaign(db.db, ownerId, { recordCalls: true });
  const [lead] = await db.db.insert(schema.leads).values({ campaignId: campaign.id, name: 'Dana Scully', company: 'Acme', phone: '+14155550142', timezone: 'America/Los_Angeles', status: 'calling', callAttempts: 1 }).returning();
  const [call] = await db.db
    .insert(schema.campaignCalls)
    .values({ campaignId: campaign.id, leadId: lead.id, attemptNumber: 1, status: 'calling', phone: lead.phone, roomName: `replay-${lead.id.slice(0, 8)}`, dialedAt: new Date() })
    .returning();
  const telephony = new LiveKitTelephony({ url: sim.url, ...liveKitCredentials(), sipTrunkId: sim.trunkId, defaultAgentName: 'outbound-caller', appUrl: recorder.url, reportTokenSecret: reportTokenSecret() });
  recorder.deliveries.length = 0;
  await telephony.placeCall({
    callId: call.id,
    attemptNumber: 1,
    roomName: call.roomName!,
    campaign: { id: campaign.id, name: campaign.name, recordCalls: true, recordingDisclosure: 'This call is recorded.', qualificationCriteria: campaign.config.qualificationCriteria, minQualificationScore: campaign.config.minQualificationScore },
    lead: { id: lead.id, name: lead.name, company: lead.company, phone: lead.phone, timezone: lead.timezone, context: {} },
  });
  await sim.idle();
  return { call, lead, deliveries: [...recorder.deliveries] };
}

async function reset(callId: string, leadId: string) {
  await db.db.delete(schema.callEvents).where(eq(schema.callEvents.callId, callId));
  await db.db
    .update(schema.campaignCalls)
    .set({ status: 'calling', outcome: null, outcomeNote: null, answeredAt: null, endedAt: null, durationSeconds: null, transcript: null, report: null, recordingUrl: null, score: null, qualification: null, scoredBy: null, endedReason: null, billableMinutes: null, cost: null })
    .where(eq(schema.campaignCalls.id, callId));
  await db.db.update(schema.leads).set({ status: 'calling', lastOutcome: null, nextRetryAt: null, qualificationScore: null, qualification: null }).where(eq(schema.leads.id, leadId));
}

async function finalState(callId: string, leadId: string) {
  // Follow-ups run in the background after each route answers: wait for them, then settle explicitly to be certain.
  await backgroundTasksDone();
  await settleCall(db.db, { callId, now: new Date() });
  const [c] = await db.db.select().from(schema.campaignCalls).where(eq(schema.campaignCalls.id, callId));
  const [l] = await db.db.select().from(schema.leads).where(eq(schema.leads.id, leadId));
  const events = await db.db.select({ id: schema.callEvents.id }).from(schema.callEvents).where(eq(schema.callEvents.callId, callId));
  return {
    status: c.status,
    outcome: c.outcome,
    answeredAt: c.answeredAt?.toISOString(),
    endedAt: c.endedAt?.toISOString(),
    durationSeconds: c.durationSeconds,
    transcript: openTranscript(c.transcript),
    recordingUrl: openRecordingUrl(c.recordingUrl),
    score: c.score,
    leadStatus: l.status,
    leadOutcome: l.lastOutcome,
    events: events.map((e) => e.id).sort(),
  };
}

async function deliver(list: Delivery[]) {
  for (const d of list) expect((await recorder.send(d)).status, d.path).toBe(200);
}

describe('webhook and agent-report replay', () => {
  it('reaches the same final state in order, reversed, each thrice, and with the report first or last', async () => {
    const { call, lead, deliveries } = await playOneCall();
    const webhooks = deliveries.filter((d) => d.path === '/api/livekit/webhook');
    const report = deliveries.filter((d) => d.path === '/api/livekit/agent-report');
    expect(webhooks.length).toBeGreaterThanOrEqual(3);
    expect(report).toHaveLength(1);

    await deliver(deliveries);
    const inOrder = await finalState(call.id, lead.id);
    expect(inOrder.status).toBe('completed');
    expect(inOrder.outcome).toBeTruthy();
    expect(inOrder.leadStatus).not.toBe('calling');
    expect(inOrder.transcript?.length).toBeGreaterThan(1);

    const orders: Delivery[][] = [
      [...deliveries].reverse(),
      [...deliveries, ...deliveries, ...deliveries].sort((a, b) => a.body.length - b.body.length),
      [...report, ...webhooks],
      [...webhooks, ...webhooks, ...report, ...report],
    ];
    for (const order of orders) {
      await reset(call.id, lead.id);
      await deliver(order);
      expect(await finalState(call.id, lead.id)).toEqual(inOrder);
    }
  });

  it('refuses unsigned, wrongly signed and replayed-with-changed-body webhooks with 401, changing nothing', async () => {
    const { call, deliveries } = await playOneCall();
    const webhook = deliveries.find((d) => d.path === '/api/livekit/webhook')!;
    const before = await db.db.select().from(schema.campaignCalls).where(eq(schema.campaignCalls.id, call.id));

    const { authorization: _, ...unsigned } = webhook.headers;
    const attempts = [
      { ...webhook, headers: unsigned },
      { ...webhook, headers: { ...webhook.headers, authorization: webhook.headers.authorization.slice(0, -4) + 'AAAA' } },
      { ...webhook, body: Buffer.from(webhook.body.toString().replace('"room"', '"room" ')) },
    ];
    for (const a of attempts) {
      const res = await recorder.send(a);
      expect(res.status).toBe(401);
    }
    const tampered = await recorder.send(webhook, webhook.body.toString().replace(/"name":"[^"]+"/, '"name":"someone-else"'));
    expect(tampered.status).toBe(401);
    const after = await db.db.select().from(schema.campaignCalls).where(eq(schema.campaignCalls.id, call.id));
    expect(after).toEqual(before);
    const events = await db.db.select().from(schema.callEvents).where(eq(schema.callEvents.callId, call.id));
    expect(events).toEqual([]);
  });
});
