// The dialer's throughput rules: a freed line is refilled at once (not at the next tick), the tick
// never waits on a ringing phone, campaigns never wait on each other, a rate limit still throttles,
// and a claim whose dial never started is given back. The clock is a ManualClock that never moves,
// and the tick is run by hand: nothing here can be the 30-second tick doing the work.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { schema, type Db } from '@/db';
import { ManualClock } from '@/lib/clock';
import { applyCallEvent } from '@/lib/services/calls';
import { claimLeads, dialsSettled, processActiveCampaigns, refillsSettled, startCalls, startRefills } from '@/lib/services/engine';
import { DialError, type CallContext, type PlacedCall, type RemoteCallState, type Telephony } from '@/lib/telephony/types';
import { createTestDb, type TestDb, insertCampaign, insertUser, leadConsent } from '@/test/fixtures';
import type { CampaignConfig } from '@/lib/services/campaigns/config';

let db: TestDb;
let stopRefills: (() => void) | undefined;
beforeAll(async () => {
  db = await createTestDb();
});
afterEach(async () => {
  stopRefills?.();
  stopRefills = undefined;
  // Each test's campaign stops here, so the next test's ticks see only their own.
  await db.db.update(schema.campaigns).set({ status: 'paused' }).where(eq(schema.campaigns.status, 'active'));
});
afterAll(async () => db.drop());

// Wednesday 17 June 2026, 11:00 in New York.
const clock = new ManualClock('2026-06-17T15:00:00Z');
const deps = (telephony: Telephony) => ({ db: db.db, telephony, clock: () => clock.now() });

type HowItGoes = 'rings' | 'answers' | 'busy' | 'rate_limited';

/**
 * A telephony whose dials ring until the test says otherwise: `rings` holds the dial request open
 * (as LiveKit does with waitUntilAnswered) until `answer` or `fail`; the others settle at once.
 */
class RingingTelephony implements Telephony {
  readonly name = 'ringing';
  readonly dials: (CallContext & { roomName: string })[] = [];
  private readonly ringing = new Map<string, { answer: () => void; fail: () => void }>();
  constructor(private readonly howItGoes: (call: CallContext) => HowItGoes) {}

  placeCall(call: CallContext & { roomName: string }): Promise<PlacedCall> {
    this.dials.push(call);
    const how = this.howItGoes(call);
    if (how === 'answers') return Promise.resolve({ roomName: call.roomName, answeredAt: clock.now() });
    if (how === 'busy') return Promise.reject(new DialError('busy', 'sip status 486: Busy Here', 486));
    if (how === 'rate_limited') return Promise.reject(new DialError('rate_limited', 'too many requests', undefined, 30_000));
    return new Promise((resolve, reject) => {
      this.ringing.set(call.callId, {
        answer: () => resolve({ roomName: call.roomName, answeredAt: clock.now() }),
        fail: () => reject(new DialError('no_answer', 'no answer before the ringing timeout')),
      });
    });
  }
  ringingNow(): number {
    return this.ringing.size;
  }
  /** Ends every dial still ringing (no answer), so nothing is left hanging after a test. */
  hangUpAll() {
    for (const [id, r] of this.ringing) {
      this.ringing.delete(id);
      r.fail();
    }
  }
  async getCallState(): Promise<RemoteCallState> {
    return 'unknown';
  }
  async hangUp() {}
}

async function campaignWithLeads(leads: number, overrides: Partial<CampaignConfig> = {}) {
  const ownerId = await insertUser(db.db);
  const campaign = await insertCampaign(db.db, ownerId, overrides);
  await db.db.insert(schema.leads).values(
    Array.from({ length: leads }, (_, i) => ({
      campaignId: campaign.id,
      name: `Lead ${i}`,
      phone: `+1212${String(5_000_000 + Math.floor(Math.random() * 4_000_000))}`,
      timezone: 'America/New_York',
      ...leadConsent,
      createdAt: new Date(Date.UTC(2026, 0, 1) + i),
    })),
  );
  return campaign;
}

const callsOf = (campaignId: string) => db.db.select().from(schema.campaignCalls).where(eq(schema.campaignCalls.campaignId, campaignId));

/** Polls until `condition` holds; the bound is generous (a busy machine), the test is about "at all, without a tick". */
async function eventually(condition: () => Promise<boolean> | boolean, what: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Ends a live call as LiveKit's webhook would (the lead hung up). */
async function hangUp(db: Db, callId: string) {
  const result = await applyCallEvent(db, { id: `hangup:${callId}`, callId, at: clock.now(), type: 'ended', reason: 'completed' }, { now: clock.now() });
  await result.followUp?.();
}

describe('refilling a freed line', () => {
  it('dials the campaign’s next lead as soon as a call ends, without waiting for the tick', async () => {
    const campaign = await campaignWithLeads(3, { maxConcurrentCalls: 1 });
    const telephony = new RingingTelephony(() => 'answers');
    stopRefills = startRefills(() => deps(telephony));

    await processActiveCampaigns(deps(telephony)); // the one and only tick
    await dialsSettled();
    expect(telephony.dials).toHaveLength(1);

    await hangUp(db.db, telephony.dials[0].callId);
    await eventually(() => telephony.dials.length === 2, 'the freed line to be dialled again');
    await refillsSettled();
    await dialsSettled();
    // Still one line: the refill claimed exactly what the cap allows.
    const live = (await callsOf(campaign.id)).filter((c) => c.status === 'in_progress');
    expect(live).toHaveLength(1);
    expect(telephony.dials[1].lead.id).not.toBe(telephony.dials[0].lead.id);
  });

  it('refills after a dial failure too, until the leads run out, and never over the cap', async () => {
    const campaign = await campaignWithLeads(6, { maxConcurrentCalls: 2, maxCallsPerLead: 1 });
    const telephony = new RingingTelephony(() => 'busy');
    stopRefills = startRefills(() => deps(telephony));

    await processActiveCampaigns(deps(telephony));
    // Each busy dial frees its line, which is refilled, until every lead had its one attempt.
    await eventually(() => telephony.dials.length === 6, 'all six leads to be dialled without another tick');
    await dialsSettled();
    await refillsSettled();
    const calls = await callsOf(campaign.id);
    expect(calls).toHaveLength(6);
    expect(new Set(calls.map((c) => c.leadId)).size).toBe(6);
    expect(calls.every((c) => c.status === 'busy')).toBe(true);
  });

  it('does not refill a campaign a rate limit holds back', async () => {
    const campaign = await campaignWithLeads(4, { maxConcurrentCalls: 2 });
    let dial = 0;
    // The first dial is answered; the second is refused: the campaign throttles for 30 s.
    const telephony = new RingingTelephony(() => (dial++ === 0 ? 'answers' : 'rate_limited'));
    stopRefills = startRefills(() => deps(telephony));

    await processActiveCampaigns(deps(telephony));
    await dialsSettled();
    const [row] = await db.db.select().from(schema.campaigns).where(eq(schema.campaigns.id, campaign.id));
    expect(row.throttledUntil!.getTime()).toBe(clock.now().getTime() + 30_000);

    const answered = (await callsOf(campaign.id)).find((c) => c.status === 'in_progress')!;
    await hangUp(db.db, answered.id);
    await refillsSettled();
    await dialsSettled();
    expect(telephony.dials).toHaveLength(2); // nothing dialled while throttled
    const leads = await db.db.select().from(schema.leads).where(eq(schema.leads.campaignId, campaign.id));
    // The refused lead was given its attempt back.
    expect(leads.filter((l) => l.callAttempts === 1)).toHaveLength(1);
  });
});

describe('the tick never waits on a ringing phone', () => {
  it('returns while every dial still rings, the lines held', async () => {
    const campaign = await campaignWithLeads(5, { maxConcurrentCalls: 5 });
    const telephony = new RingingTelephony(() => 'rings');
    const ticks = await processActiveCampaigns(deps(telephony));
    const tick = ticks.find((t) => t.campaignId === campaign.id)!;
    expect(tick).toMatchObject({ action: 'dialed', dialed: 5 });
    // Returned with all five phones still ringing, each line held as a call in flight.
    expect(telephony.ringingNow()).toBe(5);
    const calls = await callsOf(campaign.id);
    expect(calls.map((c) => c.status)).toEqual(['calling', 'calling', 'calling', 'calling', 'calling']);
    // A second tick dials nobody: ringing phones hold their lines.
    await processActiveCampaigns(deps(telephony));
    expect(telephony.dials.filter((d) => d.campaign.id === campaign.id)).toHaveLength(5);
    telephony.hangUpAll();
    await dialsSettled();
    expect((await callsOf(campaign.id)).every((c) => c.status === 'no_answer')).toBe(true);
  });

  it('two campaigns dial in the same tick while the first one’s phones ring', async () => {
    const first = await campaignWithLeads(3, { maxConcurrentCalls: 3 });
    const second = await campaignWithLeads(3, { maxConcurrentCalls: 3 });
    const telephony = new RingingTelephony(() => 'rings');
    const ticks = await processActiveCampaigns(deps(telephony));
    expect(ticks.find((t) => t.campaignId === first.id)).toMatchObject({ action: 'dialed', dialed: 3 });
    expect(ticks.find((t) => t.campaignId === second.id)).toMatchObject({ action: 'dialed', dialed: 3 });
    expect(telephony.ringingNow()).toBe(6);
    telephony.hangUpAll();
    await dialsSettled();
  });
});

describe('a database blip between claim and dial', () => {
  it('gives the claim back, whatever the error: nobody is charged an attempt for a call never dialled', async () => {
    const campaign = await campaignWithLeads(2, { maxConcurrentCalls: 2 });
    const telephony = new RingingTelephony(() => 'answers');
    const { claimed } = await claimLeads(db.db, { campaignId: campaign.id, now: clock.now(), want: 2 });
    expect(claimed).toHaveLength(2);

    // The connection drops: the first two transactions (recording each dial) fail as after a restart.
    let failures = 2;
    const blip = new Proxy(db.db, {
      get(target, key, receiver) {
        if (key === 'transaction' && failures > 0) {
          return () => {
            failures--;
            return Promise.reject(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }));
          };
        }
        return Reflect.get(target, key, receiver);
      },
    }) as Db;
    const [row] = await db.db.select().from(schema.campaigns).where(eq(schema.campaigns.id, campaign.id));
    const started = await startCalls(blip, telephony, row, claimed, () => clock.now());
    await dialsSettled();

    expect(started).toEqual({ started: 0, givenBack: 2 });
    expect(telephony.dials).toEqual([]);
    expect(await callsOf(campaign.id)).toEqual([]);
    const leads = await db.db.select().from(schema.leads).where(eq(schema.leads.campaignId, campaign.id));
    for (const lead of leads) expect(lead).toMatchObject({ status: 'pending', callAttempts: 0, lastCalledAt: null });
  });
});
