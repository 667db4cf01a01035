// End to end on the embedded defaults: a 200-lead campaign run by the real executor through
// LiveKitTelephony and the local LiveKit simulator, whose signed webhooks and agent reports reach
// the real routes over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { schema } from '@/db';
import { defaultDialResultMix, startLiveKitSimulator, type LiveKitSimulator } from '@/lib/livekit-sim';
import { closeTelephony, liveKitCredentials, reportTokenSecret } from '@/lib/telephony';
import { LiveKitTelephony } from '@/lib/telephony/livekit';
import { useTestDb, type TestDb, daytimePlaces, insertCampaign, insertUser, leadConsent, runCampaignToEnd } from '@/test/fixtures';
import { startAppServer } from '@/test/app-server';
import { sealLeadContext } from '@/lib/services/leads/lead-context';
import { openTranscript, openRecordingUrl } from '@/lib/services/calls/call-personal-data';
import { everyHourOfEveryDay } from '@/shared/contracts/campaign-config';

const LEADS = 200;
let db: TestDb;
let app: Awaited<ReturnType<typeof startAppServer>>;
let sim: LiveKitSimulator;

beforeAll(async () => {
  db = await useTestDb();
  app = await startAppServer();
  sim = await startLiveKitSimulator({
    ...liveKitCredentials(),
    webhookUrl: `${app.url}/api/livekit/webhook`,
    speed: 1e6,
    seed: 7,
    // The agent waits for the recording the app starts: on a busy machine that request can take more than the usual 2 s.
    timing: { recordingGraceSeconds: 30 },
  });
});
afterAll(async () => {
  await sim.close();
  await closeTelephony();
  await app.close();
  await db.drop();
});

describe('a 200-lead campaign through the LiveKit simulator', () => {
  it('calls every lead, lands each where the rules say, in the simulator’s proportions, with transcripts', async () => {
    const ownerId = await insertUser(db.db);
    const campaign = await insertCampaign(db.db, ownerId, {
      timezone: 'UTC',
      callWindows: everyHourOfEveryDay,
      maxConcurrentCalls: 25,
      maxCallsPerLead: 1, // one attempt each: the first-call mix is what is measured
      recordCalls: true,
    });
    const daytime = daytimePlaces(new Date());
    expect(daytime.length).toBeGreaterThan(0);
    await db.db.insert(schema.leads).values(
      Array.from({ length: LEADS }, (_, i) => ({
        campaignId: campaign.id,
        name: `Lead ${i}`,
        company: `Company ${i % 20}`,
        phone: `${daytime[i % daytime.length].prefix}${String(1000 + i)}`,
        timezone: daytime[i % daytime.length].zone,
        ...leadConsent,
        context: sealLeadContext({ industry: i % 2 ? 'retail' : 'logistics' }),
      })),
    );
    const telephony = new LiveKitTelephony({ url: sim.url, ...liveKitCredentials(), sipTrunkId: sim.trunkId, defaultAgentName: 'outbound-caller', appUrl: app.url, reportTokenSecret: reportTokenSecret(),
      // The SDK's 10 s request timeout would turn a starved machine's slow answer into a failed dial: what is measured here is the outcome mix.
      requestTimeoutSeconds: 300 });
    const deps = { db: db.db, telephony, clock: () => new Date() };

    await runCampaignToEnd({ deps, campaignId: campaign.id, sim });

    const [after] = await db.db.select().from(schema.campaigns).where(eq(schema.campaigns.id, campaign.id));
    const lingering = await db.db.select().from(schema.campaignCalls).where(and(eq(schema.campaignCalls.campaignId, campaign.id), isNull(schema.campaignCalls.outcome)));
    expect(lingering.map((c) => `${c.status} ${c.endedReason} ${c.answeredAt ? 'answered' : '-'} ${c.report ? 'report' : '-'}`)).toEqual([]);
    expect(after.status).toBe('completed');
    const calls = await db.db.select().from(schema.campaignCalls).where(eq(schema.campaignCalls.campaignId, campaign.id));
    const leads = await db.db.select().from(schema.leads).where(eq(schema.leads.campaignId, campaign.id));
    expect(calls).toHaveLength(LEADS);
    expect(sim.stats().dials).toBe(LEADS);
    expect(sim.stats().webhooks.failed).toBe(0);

    // Each lead where the rules say after its only allowed attempt.
    for (const lead of leads) {
      const call = calls.find((c) => c.leadId === lead.id)!;
      expect(lead.lastOutcome).toBe(call.outcome);
      const optedOut = (call.report as { optOut?: boolean } | null)?.optOut === true || (call.qualification as { nextAction?: string } | null)?.nextAction === 'do_not_call';
      const final = ['qualified', 'unqualified', 'not_interested', 'wrong_number', 'completed', 'invalid_number'].includes(call.outcome!);
      const expected = optedOut ? 'do_not_call' : final ? 'completed' : 'exhausted';
      expect(lead.status, `${call.outcome} → ${lead.status}`).toBe(expected);
    }

    // Every stored outcome is what the simulator played, and what it played follows its mix (35% answered, 35% no
    // answer, 10% busy, 12% voicemail, 5% failed, 3% invalid) within five standard deviations of 200 draws: a fixed
    // ±10 points is three for a 35% share, which a fair simulator misses about once in 200 runs (it did, by 11.5).
    const count = (pred: (c: (typeof calls)[number]) => boolean) => calls.filter(pred).length;
    const conversations = ['qualified', 'unqualified', 'not_interested', 'wrong_number', 'callback_requested', 'completed'];
    const played = sim.stats().outcomes;
    // On a mismatch, show each answered-but-unscored call's events in the order they were applied.
    const suspicious = calls.filter((c) => c.outcome === 'no_answer' && (c.answeredAt || c.transcript));
    for (const c of suspicious) {
      const events = await db.db.select().from(schema.callEvents).where(eq(schema.callEvents.callId, c.id)).orderBy(schema.callEvents.receivedAt);
      expect(events.map((e) => `${e.type}@${e.occurredAt.toISOString()}`), `call ${c.id} ${c.status}`).toEqual([]);
    }
    expect(count((c) => conversations.includes(c.outcome!))).toBe(played.answered);
    expect(count((c) => c.outcome === 'no_answer')).toBe(played.no_answer);
    expect(count((c) => c.outcome === 'busy')).toBe(played.busy);
    expect(count((c) => c.outcome === 'voicemail')).toBe(played.voicemail);
    expect(count((c) => c.outcome === 'failed')).toBe(played.failed);
    expect(count((c) => c.outcome === 'invalid_number')).toBe(played.invalid_number);
    for (const [outcome, share] of Object.entries(defaultDialResultMix)) {
      expect(Math.abs(played[outcome as keyof typeof defaultDialResultMix] / LEADS - share), outcome).toBeLessThan(5 * Math.sqrt((share * (1 - share)) / LEADS));
    }

    // Answered calls carry their transcript, score, recording and cost.
    const answered = calls.filter((c) => conversations.includes(c.outcome!));
    expect(answered.length).toBeGreaterThan(40);
    for (const c of answered) {
      expect(openTranscript(c.transcript)?.length, c.outcome!).toBeGreaterThan(1);
      expect(openRecordingUrl(c.recordingUrl)).toMatch(/\.wav$/);
    }
    const scored = answered.filter((c) => c.score !== null);
    expect(scored.length).toBeGreaterThan(answered.length * 0.5);
    expect(calls.filter((c) => c.outcome === 'qualified').length).toBeGreaterThan(0);
    // Opt-outs heard on calls went onto the owner's DNC list.
    const optedOut = leads.filter((l) => l.status === 'do_not_call');
    if (optedOut.length) {
      const dnc = await db.db.select().from(schema.dncNumbers).where(inArray(schema.dncNumbers.phone, optedOut.map((l) => l.phone)));
      expect(dnc).toHaveLength(optedOut.length);
    }
  }, 900_000);
});
