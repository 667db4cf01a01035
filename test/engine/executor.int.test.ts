// The executor's decisions, one rule at a time, through the in-process telephony.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { schema } from '@/db';
import { ManualClock } from '@/lib/clock';
import { dialRequestsInFlight, dialsSettled, processActiveCampaigns, processCampaign, progressReport, recoverCalls, reserveDialSlots, returnDialSlots } from '@/lib/services/engine';
import { InProcessTelephony, type Scenario } from '@/test/in-process-telephony';
import { createTestDb, type TestDb, insertCampaign, insertUser, leadConsent, qualifiedTranscript } from '@/test/fixtures';
import type { CampaignConfig } from '@/lib/services/campaigns/config';

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => db.drop());

// Wednesday 17 June 2026, 11:00 in New York.
const WEDNESDAY_11AM = '2026-06-17T15:00:00Z';

async function setUp(leadCount: number, overrides: Partial<CampaignConfig> = {}, scenario: Scenario = { kind: 'no_answer' }) {
  const ownerId = await insertUser(db.db);
  const campaign = await insertCampaign(db.db, ownerId, overrides);
  if (leadCount) {
    await db.db.insert(schema.leads).values(
      Array.from({ length: leadCount }, (_, i) => ({ campaignId: campaign.id, name: `Lead ${i}`, phone: `+1212555${String(2000 + i)}`, timezone: 'America/New_York', ...leadConsent })),
    );
  }
  const clock = new ManualClock(WEDNESDAY_11AM);
  const telephony = new InProcessTelephony(() => scenario, () => clock.now());
  const deps = { db: db.db, telephony, clock: () => clock.now() };
  const campaignRow = async () => (await db.db.select().from(schema.campaigns).where(eq(schema.campaigns.id, campaign.id)))[0];
  const leads = () => db.db.select().from(schema.leads).where(eq(schema.leads.campaignId, campaign.id));
  const calls = () => db.db.select().from(schema.campaignCalls).where(eq(schema.campaignCalls.campaignId, campaign.id));
  const notifications = () => db.db.select().from(schema.notifications).where(eq(schema.notifications.campaignId, campaign.id));
  // Other tests' campaigns share this database: report this campaign's tick only.
  const tick = async () => {
    const ticks = await processActiveCampaigns(deps);
    await dialsSettled(); // the tick only starts the dials; the tests look at how they ended
    return ticks.find((x) => x.campaignId === campaign.id)!;
  };
  return { campaign, clock, telephony, deps, campaignRow, leads, calls, notifications, tick };
}

describe('campaign executor', () => {
  it('throttles on a rate limit without pausing, and charges nobody an attempt', async () => {
    const t = await setUp(5, {}, { kind: 'rate_limited' });
    const tick = await t.tick();
    expect(tick.action).toBe('dialed');
    const row = await t.campaignRow();
    expect(row.status).toBe('active');
    expect(row.throttledUntil!.getTime()).toBeGreaterThan(t.clock.now().getTime());
    expect(await t.calls()).toEqual([]);
    for (const lead of await t.leads()) expect(lead).toMatchObject({ status: 'pending', callAttempts: 0, lastCalledAt: null });
    // While throttled the campaign is skipped.
    expect((await processActiveCampaigns(t.deps)).map((x) => x.campaignId)).not.toContain(t.campaign.id);
  });

  it('pauses with a notification when the agent or telephony is unavailable', async () => {
    const t = await setUp(3, {}, { kind: 'unavailable' });
    await t.tick(); // the dials are refused in the background, and the campaign pauses there
    expect((await t.campaignRow()).status).toBe('paused');
    expect((await t.notifications()).map((n) => n.kind)).toEqual(['paused_agent_unavailable']);
    for (const lead of await t.leads()) expect(lead).toMatchObject({ status: 'pending', callAttempts: 0 });
  });

  it('pauses with a notification when the campaign has no leads', async () => {
    const t = await setUp(0);
    const tick = await t.tick();
    expect(tick).toMatchObject({ action: 'paused', reason: 'no_leads' });
    expect((await t.notifications())[0].message).toMatch(/no leads/i);
  });

  it('pauses with a notification when the budget is spent', async () => {
    const t = await setUp(20, { budget: 0.5, costPerMinute: 0.2, agentCostPerMinute: 0.05, maxConcurrentCalls: 2 }, { kind: 'answered', durationSeconds: 61, transcript: qualifiedTranscript });
    await processActiveCampaigns(t.deps);
    await dialsSettled();
    await t.telephony.deliver(db.db);
    expect((await t.campaignRow()).spent).toBeCloseTo(1.0); // two calls of two billable minutes at 0.20 telephony + 0.05 agent
    const tick = await t.tick();
    expect(tick).toMatchObject({ action: 'paused', reason: 'budget' });
    expect((await t.notifications())[0].kind).toBe('paused_budget');
    expect((await t.calls()).length).toBe(2);
  });

  it('claims nothing outside the campaign’s windows and says when it will call next', async () => {
    const t = await setUp(3, { callWindows: [{ dayOfWeek: 4, startHour: 9, endHour: 17 }] }); // Thursdays only
    const tick = await t.tick();
    expect(tick.action).toBe('outside_window');
    expect(await t.calls()).toEqual([]);
    const report = await progressReport(db.db, await t.campaignRow(), t.clock.now());
    expect(report.withinWindow).toBe(false);
    expect(report.nextCallAt).toBe('2026-06-18T13:00:00.000Z'); // Thursday 09:00 in New York
  });

  it('never places more calls in a campaign day than maxCallsPerDay', async () => {
    const t = await setUp(30, { maxCallsPerDay: 7, maxConcurrentCalls: 5 });
    for (let i = 0; i < 10; i++) {
      await processActiveCampaigns(t.deps);
      await dialsSettled();
      t.clock.advance(60_000);
    }
    expect((await t.calls()).length).toBe(7);
    // The next local day opens the cap again.
    t.clock.set('2026-06-18T14:00:00Z');
    await processActiveCampaigns(t.deps);
    await dialsSettled();
    expect((await t.calls()).length).toBe(12);
  });

  it('marks the campaign completed once no lead can be called again', async () => {
    const t = await setUp(2, {}, { kind: 'answered', transcript: qualifiedTranscript });
    await processActiveCampaigns(t.deps);
    await dialsSettled();
    await t.telephony.deliver(db.db);
    const tick = await t.tick();
    expect(tick.action).toBe('completed');
    const row = await t.campaignRow();
    expect(row.status).toBe('completed');
    expect(row.completedAt).not.toBeNull();
    for (const lead of await t.leads()) expect(lead).toMatchObject({ status: 'completed', lastOutcome: 'qualified' });
  });

  it('settles an answered call with no report after the grace period, unscored', async () => {
    const t = await setUp(1, {}, { kind: 'answered', noReport: true });
    await processActiveCampaigns(t.deps);
    await dialsSettled();
    await t.telephony.deliver(db.db);
    expect((await t.calls())[0].outcome).toBeNull();
    t.clock.advance(5 * 60_000); // the call ended 90 s after it started; the grace is two minutes
    const report = await recoverCalls(t.deps);
    expect(report.settled).toBe(1);
    expect((await t.calls())[0]).toMatchObject({ status: 'completed', outcome: 'completed', score: null });
  });

  it('a call lost without any event is asked about, then failed and retried at once', async () => {
    const t = await setUp(1, {}, { kind: 'hang' });
    await processActiveCampaigns(t.deps);
    await dialsSettled();
    t.clock.advance(10 * 60_000);
    const report = await recoverCalls(t.deps);
    expect(report.failed).toBe(1);
    const [lead] = await t.leads();
    expect(lead).toMatchObject({ status: 'retry_scheduled', callAttempts: 1, lastOutcome: 'failed' });
    expect(lead.nextRetryAt!.getTime()).toBe(t.clock.now().getTime());
  });

  it('with every lead on a call a tick takes no claim and no dial slot: idle, not waiting for the full dial bound', async () => {
    const t = await setUp(1, {}, { kind: 'hang' });
    expect((await t.tick()).action).toBe('dialed');
    expect(await t.leads()).toMatchObject([{ status: 'calling' }]);
    // The dial bound is full: a tick that went for a claim would find no slot and wait for one (saturated).
    const held = reserveDialSlots('someone-else', Number.MAX_SAFE_INTEGER);
    try {
      expect(dialRequestsInFlight()).toBeGreaterThan(0);
      expect(await processCampaign(t.deps, await t.campaignRow())).toMatchObject({ action: 'idle' });
      expect(await t.calls()).toHaveLength(1);
    } finally {
      returnDialSlots(held);
    }
  });

  it('schedules a requested call-back at the time the lead asked for, in the lead’s own zone', async () => {
    const transcript = [
      { speaker: 'agent' as const, text: 'Hi, this is Alex from Foundry Labs, do you have a moment?' },
      { speaker: 'lead' as const, text: "I'm driving right now. Call me back Thursday at 3." },
    ];
    const t = await setUp(1, {}, { kind: 'answered', transcript });
    await t.tick();
    await t.telephony.deliver(db.db);
    const [lead] = await t.leads();
    expect(lead.lastOutcome).toBe('callback_requested');
    expect(lead.status).toBe('retry_scheduled');
    expect(lead.nextRetryAt!.toISOString()).toBe('2026-06-18T19:00:00.000Z'); // Thursday 15:00 in New York
  });

  it('puts a lead who opts out on the DNC list at once and never calls them again', async () => {
    const transcript = [
      { speaker: 'agent' as const, text: 'Hi, this is Alex from Foundry Labs.' },
      { speaker: 'lead' as const, text: 'Remove my number from your list and stop calling me.' },
    ];
    const t = await setUp(1, {}, { kind: 'answered', transcript });
    await t.tick();
    await t.telephony.deliver(db.db);
    const [lead] = await t.leads();
    expect(lead.status).toBe('do_not_call');
    const dnc = await db.db.select().from(schema.dncNumbers).where(eq(schema.dncNumbers.phone, lead.phone));
    expect(dnc).toHaveLength(1);
    expect(dnc[0].source).toBe('opt_out');
  });
});
