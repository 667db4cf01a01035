// Webhooks for a campaign run end to end (the simulated-campaign test's set-up, smaller): the real
// executor through LiveKitTelephony and the local simulator, webhooks and reports through the real
// routes, and every event delivered to a real receiver. Per call the events arrive in the order they
// happened, each signed, each carrying the lead's CRM fields.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { Webhook } from 'standardwebhooks';
import { schema } from '@/db';
import { sealLeadContext } from '@/lib/services/leads/lead-context';
import { openRecordingUrl } from '@/lib/services/calls/call-personal-data';
import { startLiveKitSimulator, type LiveKitSimulator } from '@/lib/livekit-sim';
import { checkCompliance } from '@/lib/services/compliance';
import { createWebhookEndpoint, deliverDueWebhooks } from '@/lib/services/webhooks';
import { closeTelephony, liveKitCredentials, reportTokenSecret } from '@/lib/telephony';
import { LiveKitTelephony } from '@/lib/telephony/livekit';
import { webhookEventBody, webhookEventTypes, type WebhookEventBody } from '@/shared/contracts/webhook-events';
import { useTestDb, type TestDb, insertCampaign, insertUser, leadConsent, runCampaignToEnd } from '@/test/fixtures';
import { startAppServer } from '@/test/app-server';
import { startWebhookReceiver } from '@/test/webhook-receiver';
import { everyHourOfEveryDay } from '@/shared/contracts/campaign-config';

const LEADS = 30;
let db: TestDb;
let app: Awaited<ReturnType<typeof startAppServer>>;
let sim: LiveKitSimulator;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

beforeAll(async () => {
  db = await useTestDb();
  app = await startAppServer();
  receiver = await startWebhookReceiver();
  sim = await startLiveKitSimulator({ ...liveKitCredentials(), webhookUrl: `${app.url}/api/livekit/webhook`, speed: 1e6, seed: 11, timing: { recordingGraceSeconds: 30 } });
});
afterAll(async () => {
  await sim.close();
  await closeTelephony();
  await app.close();
  await receiver.close();
  await db.drop();
});

const places = [
  { prefix: '+1212555', zone: 'America/New_York' },
  { prefix: '+1415555', zone: 'America/Los_Angeles' },
  { prefix: '+1808555', zone: 'Pacific/Honolulu' },
  { prefix: '+44207946', zone: 'Europe/London' },
  { prefix: '+91224000', zone: 'Asia/Kolkata' },
  { prefix: '+8135550', zone: 'Asia/Tokyo' },
];
const daytime = (now: Date) =>
  places.filter(({ prefix, zone }) =>
    [0, 10].every((m) => {
      const at = new Date(now.getTime() + m * 60_000);
      return checkCompliance({ phone: `${prefix}0100`, declaredTimezone: zone, at }).allowed && DateTime.fromJSDate(at, { zone }).hour < 20;
    }),
  );

// Where each event falls in a call's life; lead.* follow the scoring.
const stage: Record<string, number> = { 'call.started': 0, 'call.answered': 1, 'call.ended': 2, 'call.scored': 3, 'lead.qualified': 4, 'lead.opted_out': 4 };

describe('webhooks for a campaign through the LiveKit simulator', () => {
  it('every call’s events arrive once each, signed, in the order of the call’s life, with the lead’s CRM fields', async () => {
    const workspaceId = await insertUser(db.db);
    const endpoint = await createWebhookEndpoint(db.db, { workspaceId, actorId: workspaceId, input: { url: receiver.url, events: [...webhookEventTypes], description: 'CRM' }, policy: { allowPrivate: true, production: false }, now: new Date() });
    const campaign = await insertCampaign(db.db, workspaceId, {
      timezone: 'UTC',
      callWindows: everyHourOfEveryDay,
      maxConcurrentCalls: 10,
      maxCallsPerLead: 1,
      recordCalls: true,
    });
    const open = daytime(new Date());
    expect(open.length).toBeGreaterThan(0);
    await db.db.insert(schema.leads).values(
      Array.from({ length: LEADS }, (_, i) => ({ campaignId: campaign.id, name: `Lead ${i}`, phone: `${open[i % open.length].prefix}${String(2000 + i)}`, timezone: open[i % open.length].zone, ...leadConsent, context: sealLeadContext({ external_id: `crm-${i}` }) })),
    );
    const telephony = new LiveKitTelephony({ url: sim.url, ...liveKitCredentials(), sipTrunkId: sim.trunkId, defaultAgentName: 'outbound-caller', appUrl: app.url, reportTokenSecret: reportTokenSecret(), requestTimeoutSeconds: 300 });
    const deps = { db: db.db, telephony, clock: () => new Date() };
    const deliver = () => deliverDueWebhooks({ db: db.db, clock: () => new Date(), policy: { allowPrivate: true, production: false } });
    // Webhooks are delivered while the campaign runs, as the job does.
    await runCampaignToEnd({ deps, campaignId: campaign.id, sim, afterRound: deliver });
    for (let i = 0; i < 200 && (await deliver()).attempted > 0; i++);
    const pending = await db.db.select().from(schema.webhookDeliveries).where(eq(schema.webhookDeliveries.status, 'pending'));
    expect(pending).toEqual([]);

    const bodies = receiver.received.map((r) => {
      expect(() => new Webhook(endpoint.secret).verify(r.body, r.headers)).not.toThrow();
      return { id: r.headers['webhook-id'], body: webhookEventBody.parse(JSON.parse(r.body)) as WebhookEventBody };
    });
    expect(new Set(bodies.map((b) => b.id)).size).toBe(bodies.length);

    const calls = await db.db.select().from(schema.campaignCalls).where(eq(schema.campaignCalls.campaignId, campaign.id));
    expect(calls).toHaveLength(LEADS);
    for (const c of calls) {
      const mine = bodies.filter((b) => 'callId' in b.body.data && b.body.data.callId === c.id).map((b) => b.body);
      const types = mine.map((b) => b.type);
      expect(types.filter((t) => t === 'call.started'), c.id).toHaveLength(1);
      expect(types.filter((t) => t === 'call.ended'), c.id).toHaveLength(1);
      expect(types.includes('call.answered'), `${c.id} ${types}`).toBe(!!c.answeredAt);
      expect(types.includes('call.scored'), `${c.id} ${types}`).toBe(c.qualification !== null);
      expect(types.includes('lead.qualified')).toBe(c.outcome === 'qualified');
      // In the order of the call's life, whatever order the telephony's webhooks came in.
      const stages = types.map((t) => stage[t]);
      expect(stages, `${c.id} ${types}`).toEqual([...stages].sort((a, b) => a - b));
      const ended = mine.find((b) => b.type === 'call.ended')!;
      expect(ended.data).toMatchObject({ outcome: c.outcome, cost: c.cost ?? 0, durationSeconds: c.durationSeconds, recordingUrl: openRecordingUrl(c.recordingUrl) });
      for (const b of mine) expect((b.data as { lead: { context: Record<string, unknown> } }).lead.context.external_id).toMatch(/^crm-\d+$/);
    }
    const answered = calls.filter((c) => c.answeredAt);
    expect(answered.length).toBeGreaterThan(0);
    const scored = bodies.find((b) => b.body.type === 'call.scored')?.body;
    if (scored?.type === 'call.scored') expect(Object.keys(scored.data.criteria)).toEqual(expect.arrayContaining(['budget']));
    // The campaign's own end, by the engine, after every call.
    const status = bodies.filter((b) => b.body.type === 'campaign.status_changed').map((b) => b.body.data);
    expect(status).toEqual([expect.objectContaining({ from: 'active', to: 'completed', by: 'engine', kind: 'completed' })]);
  }, 600_000);
});
