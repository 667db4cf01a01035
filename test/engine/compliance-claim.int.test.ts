// The claim under the compliance rules, through the real executor, claim, dialer and tracker on a
// simulated clock: one call at a time to a number and the 24 h caps across an owner's campaigns, the
// lead's own jurisdiction's hours, consent, the evidence each call stores, and the recording decision.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { openPostgres, schema, type DbHandle } from '@/db';
import { ManualClock } from '@/lib/clock';
import { transitionCampaign, updateCampaign } from '@/lib/services/campaigns';
import type { CampaignConfig } from '@/lib/services/campaigns/config';
import { getCallDetail } from '@/lib/services/calls/get-call-detail';
import { checkCompliance } from '@/lib/services/compliance';
import { claimLeads, countProgress, dialsSettled, processActiveCampaigns, processCampaign } from '@/lib/services/engine';
import { updateLead } from '@/lib/services/leads/update-lead';
import { agentDispatchMetadataFor } from '@/lib/telephony/agent-dispatch';
import { InProcessTelephony, type Scenario } from '@/test/in-process-telephony';
import { createTestDb, testDriver, type TestDb, insertCampaign, insertUser, leadConsent, qualifiedTranscript } from '@/test/fixtures';
import { everyHourOfEveryDay } from '@/shared/contracts/campaign-config';

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => db.drop());

const HOUR = 3_600_000;
const allDay = everyHourOfEveryDay;

async function campaignWithLeads(ownerId: string, leads: { phone: string; timezone?: string | null; state?: string | null; consent?: boolean }[], overrides: Partial<CampaignConfig> = {}) {
  const campaign = await insertCampaign(db.db, ownerId, { callWindows: allDay, ...overrides });
  const rows = await db.db
    .insert(schema.leads)
    .values(
      leads.map((l, i) => ({
        campaignId: campaign.id,
        name: `Lead ${i}`,
        phone: l.phone,
        timezone: l.timezone ?? null,
        state: l.state ?? null,
        ...(l.consent === false ? {} : leadConsent),
        createdAt: new Date(Date.UTC(2026, 0, 1) + i),
      })),
    )
    .returning();
  return { campaign, leads: rows };
}

const callsOf = (campaignIds: string[]) => db.db.select().from(schema.campaignCalls).where(inArray(schema.campaignCalls.campaignId, campaignIds));
const leadById = async (id: string) => (await db.db.select().from(schema.leads).where(eq(schema.leads.id, id)))[0];

describe('across two campaigns of one owner', () => {
  it('a number is never called twice at once, and a Florida number gets at most 3 calls in any rolling 24 h', async () => {
    const ownerId = await insertUser(db.db);
    const shared = [
      { phone: '+13055550101' }, // Miami, Florida: at most 3 calls per 24 h (Fla. Stat. § 501.616)
      { phone: '+13055550102' },
      { phone: '+12125550103' }, // New York: no cap, but one call at a time
    ];
    // Voicemail every time: each attempt is retried 30 min later, three attempts per campaign.
    const config = { retryRules: { noAnswerDelaysHours: [0.5, 0.5], busyDelaysHours: [0.5], failedDelaysHours: [0.5], voicemail: 'like_no_answer' as const } };
    const a = await campaignWithLeads(ownerId, shared, config);
    const b = await campaignWithLeads(ownerId, shared, config);
    const ids = [a.campaign.id, b.campaign.id];

    const clock = new ManualClock('2026-06-17T12:00:00Z'); // Wednesday 08:00 in Miami and New York
    const scenario: Scenario = { kind: 'answered', answeringMachine: true, durationSeconds: 30, transcript: [{ speaker: 'lead', text: 'Leave a message after the tone.' }] };
    const telephony = new InProcessTelephony(() => scenario, () => clock.now());
    const deps = { db: db.db, telephony, clock: () => clock.now() };

    let maxInFlightPerNumber = 0;
    for (let tick = 0; tick < 4 * 24 * 4; tick++) {
      await processActiveCampaigns(deps);
      await dialsSettled();
      // The dialled calls are live until delivered: both campaigns have had their turn this tick.
      const live = await db.db
        .select({ phone: schema.campaignCalls.phone, n: sql<number>`count(*)::int` })
        .from(schema.campaignCalls)
        .where(and(inArray(schema.campaignCalls.campaignId, ids), inArray(schema.campaignCalls.status, ['pending', 'calling', 'in_progress'])))
        .groupBy(schema.campaignCalls.phone);
      maxInFlightPerNumber = Math.max(maxInFlightPerNumber, ...live.map((r) => Number(r.n)));
      await telephony.deliver(db.db);
      clock.advance(15 * 60_000);
    }

    expect(maxInFlightPerNumber).toBe(1);
    const calls = await callsOf(ids);
    for (const { phone } of shared) {
      const times = calls.filter((c) => c.phone === phone).map((c) => c.claimedAt.getTime()).sort((x, y) => x - y);
      // Every campaign called every number its three times in the end.
      expect(times, phone).toHaveLength(6);
      for (const [i, t] of times.entries()) {
        const within24h = times.filter((u) => u > t - 24 * HOUR && u <= t).length;
        if (phone.startsWith('+1305')) expect(within24h, `${phone}: call ${i + 1} at ${new Date(t).toISOString()}`).toBeLessThanOrEqual(3);
      }
      if (phone.startsWith('+1305')) {
        // The fourth call waited for the first to age out of the rolling 24 h, and for Florida's 08:00.
        expect(times[3] - times[0]).toBeGreaterThanOrEqual(24 * HOUR);
      }
    }
    // Each call's evidence counted the calls of both campaigns.
    const miami = calls.filter((c) => c.phone === '+13055550101').sort((x, y) => x.claimedAt.getTime() - y.claimedAt.getTime());
    expect(miami.map((c) => c.compliance!.callsLast24h).slice(0, 3)).toEqual([0, 1, 2]);
  }, 300_000);
});

describe('a lead is claimed only when its own jurisdiction allows it', () => {
  it.each([
    // [what, phone, now (UTC), next lawful moment (UTC)]
    ['a Florida lead at 20:30 local (Florida: 08:00–20:00) waits for 08:00 next morning', '+13055550201', '2026-06-18T00:30:00Z', '2026-06-18T12:00:00.000Z'],
    ['a Rhode Island lead on a Sunday (no calls on Sundays) waits for Monday 09:00', '+14015550202', '2026-06-21T18:00:00Z', '2026-06-22T13:00:00.000Z'],
    ['a Toronto lead on Saturday 19:00 (CRTC: weekends 10:00–18:00) waits for Sunday 10:00', '+14165550203', '2026-06-20T23:00:00Z', '2026-06-21T14:00:00.000Z'],
  ])('%s', async (_what, phone, now, next) => {
    const ownerId = await insertUser(db.db);
    const { campaign, leads } = await campaignWithLeads(ownerId, [{ phone }]);
    const result = await claimLeads(db.db, { campaignId: campaign.id, now: new Date(now), want: 5 });
    expect(result.claimed).toEqual([]);
    expect(result.deferred).toBe(1);
    const lead = await leadById(leads[0].id);
    expect(lead.status).toBe('pending');
    expect(lead.nextRetryAt?.toISOString()).toBe(next);
    // The very moment the check names, and the claim takes it then.
    expect(checkCompliance({ phone, at: new Date(now), campaign: { timezone: campaign.config.timezone, callWindows: allDay } }).nextAllowedAt?.toISOString()).toBe(next);
    const later = await claimLeads(db.db, { campaignId: campaign.id, now: new Date(next), want: 5 });
    expect(later.claimed.map((c) => c.lead.id)).toEqual([lead.id]);
  });

  it('deferring many leads is one statement: each gets its own next lawful moment', async () => {
    const ownerId = await insertUser(db.db);
    const phones = ['+13055550301', '+14015550302', '+14165550303', '+12135550304'];
    const { campaign, leads } = await campaignWithLeads(ownerId, phones.map((phone) => ({ phone })));
    const now = new Date('2026-06-21T12:30:00Z'); // Sunday 08:30 in Miami, Providence, Toronto; 05:30 in Los Angeles
    const result = await claimLeads(db.db, { campaignId: campaign.id, now, want: 10 });
    expect(result.deferred).toBe(3);
    expect(result.claimed.map((c) => c.lead.phone)).toEqual(['+13055550301']);
    for (const lead of leads.slice(1)) {
      const expected = checkCompliance({ phone: lead.phone, at: now, campaign: { timezone: campaign.config.timezone, callWindows: allDay } }).nextAllowedAt;
      expect((await leadById(lead.id)).nextRetryAt?.toISOString(), lead.phone).toBe(expected?.toISOString());
    }
  });
});

describe('a claim whose queue head may not be called now', () => {
  it('still fills its slots from further down the queue, in the queue’s order, and moves each lead it passed', async () => {
    const ownerId = await insertUser(db.db);
    // Sunday 08:30 in New York, 05:30 in Los Angeles: the first four (Los Angeles) wait, the last three may be called.
    const phones = ['+12135550501', '+12135550502', '+12135550503', '+12135550504', '+12125550505', '+12125550506', '+12125550507'];
    const { campaign, leads } = await campaignWithLeads(ownerId, phones.map((phone) => ({ phone })));
    const now = new Date('2026-06-21T12:30:00Z');
    const result = await claimLeads(db.db, { campaignId: campaign.id, now, want: 2 });
    expect(result.claimed.map((c) => c.lead.phone)).toEqual(['+12125550505', '+12125550506']);
    expect(result.deferred).toBe(4);
    for (const lead of leads.slice(0, 4)) expect((await leadById(lead.id)).nextRetryAt!.getTime(), lead.phone).toBeGreaterThan(now.getTime());
    // The lead after the slots was not touched.
    expect(await leadById(leads[6].id)).toMatchObject({ status: 'pending', nextRetryAt: null, callAttempts: 0 });
    // A claim of more than the queue holds takes what is due and stops.
    const rest = await claimLeads(db.db, { campaignId: campaign.id, now, want: 10 });
    expect(rest.claimed.map((c) => c.lead.phone)).toEqual(['+12125550507']);
    expect(rest.deferred).toBe(0);
  });
});

describe('consent', () => {
  it('a lead without a consent record is held as needs_consent under written consent, shown in progress, and called once it has one', async () => {
    const ownerId = await insertUser(db.db);
    const { campaign, leads } = await campaignWithLeads(ownerId, [{ phone: '+12125550401' }, { phone: '+12125550402', consent: false }]);
    expect(campaign.config.consentBasis).toBe('prior_express_written_consent');
    const clock = new ManualClock('2026-06-17T15:00:00Z'); // Wednesday 11:00 in New York
    const telephony = new InProcessTelephony(() => ({ kind: 'answered', transcript: qualifiedTranscript }), () => clock.now());
    const deps = { db: db.db, telephony, clock: () => clock.now() };

    // Other tests' campaigns share this database: look at this campaign's dials only.
    const dialled = () => telephony.placed.filter((p) => p.call.campaign.id === campaign.id).map((p) => p.call.lead.phone);
    await processActiveCampaigns(deps);
    await dialsSettled();
    expect(dialled()).toEqual(['+12125550401']);
    expect((await leadById(leads[1].id)).status).toBe('needs_consent');
    expect(await countProgress(db.db, campaign.id)).toMatchObject({ totalLeads: 2, remaining: 1, needsConsent: 1 });

    // Once only held leads are left, the campaign does not tick on forever: it pauses and says why.
    await telephony.deliver(db.db);
    const tick = (await processActiveCampaigns(deps)).find((t) => t.campaignId === campaign.id);
    await dialsSettled();
    expect(tick).toMatchObject({ action: 'paused', reason: 'needs_consent' });
    const [notice] = await db.db.select().from(schema.notifications).where(eq(schema.notifications.campaignId, campaign.id));
    expect(notice).toMatchObject({ kind: 'paused_needs_consent' });
    expect(notice.message).toMatch(/1 lead needs a consent record/);
    expect((await countProgress(db.db, campaign.id)).percent).toBe(50);

    // The consent record arrives: the lead is pending again, and is called after a resume.
    const updated = await updateLead(db.db, { workspaceId: ownerId, userId: ownerId, campaignId: campaign.id, leadId: leads[1].id, input: { consentAt: new Date('2026-06-16T10:00:00Z'), consentSource: 'signed form #7781' }, now: clock.now() });
    expect(updated).toMatchObject({ status: 'pending', consentSource: 'signed form #7781' });
    await transitionCampaign(db.db, { workspaceId: ownerId, userId: ownerId, campaignId: campaign.id, action: 'resume', now: clock.now() });
    await processActiveCampaigns(deps);
    await dialsSettled();
    expect(dialled()).toEqual(['+12125550401', '+12125550402']);
  });

  it('a campaign whose basis needs no per-lead record gives its held leads back to the queue', async () => {
    const ownerId = await insertUser(db.db);
    const { campaign, leads } = await campaignWithLeads(ownerId, [{ phone: '+12125550411', consent: false }]);
    await claimLeads(db.db, { campaignId: campaign.id, now: new Date('2026-06-17T15:00:00Z'), want: 5 });
    expect((await leadById(leads[0].id)).status).toBe('needs_consent');
    await updateCampaign(db.db, { workspaceId: ownerId, userId: ownerId, campaignId: campaign.id, input: { consentBasis: 'informational' }, now: new Date('2026-06-17T15:01:00Z') });
    expect((await leadById(leads[0].id)).status).toBe('pending');
    const result = await claimLeads(db.db, { campaignId: campaign.id, now: new Date('2026-06-17T15:02:00Z'), want: 5 });
    expect(result.claimed).toHaveLength(1);
    expect(result.claimed[0].compliance.consent).toEqual({ basis: 'informational', lead: null });
  });
});

describe('evidence', () => {
  it('every claimed call stores why it was lawful, and the evidence cannot be changed afterwards', async () => {
    const ownerId = await insertUser(db.db);
    await db.db.insert(schema.dncNumbers).values({ workspaceId: ownerId, phone: '+12125550599' });
    const { campaign } = await campaignWithLeads(ownerId, [
      { phone: '+13055550501', state: 'US-FL' },
      { phone: '+12125550502', timezone: 'America/Chicago' }, // declared elsewhere: both zones apply
      { phone: '+14165550503' },
    ], { callWindows: [{ dayOfWeek: 3, startHour: 9, endHour: 17 }] });
    const now = new Date('2026-06-17T16:00:00Z'); // Wednesday 12:00 in New York
    const { claimed } = await claimLeads(db.db, { campaignId: campaign.id, now, want: 5 });
    expect(claimed).toHaveLength(3);
    const calls = await callsOf([campaign.id]);
    for (const call of calls) {
      const e = call.compliance!;
      expect(e.version).toBe(1);
      expect(e.checkedAt).toBe(now.toISOString());
      expect(e.phone).toBe(call.phone);
      expect(e.zones.length).toBeGreaterThan(0);
      for (const z of e.zones) expect(z.localTime).toMatch(/^2026-06-17T\d\d:00:00$/);
      expect(e.jurisdiction.length).toBeGreaterThan(0);
      expect(e.rulesApplied.length).toBeGreaterThan(0);
      expect(e.campaignWindow).toEqual({ timezone: 'America/New_York', dayOfWeek: 3, startHour: 9, endHour: 17 });
      expect(e.dncListsConsulted).toEqual(['owner do-not-call list']);
      expect(e.callsLast24h).toBe(0);
      expect(e.consent).toEqual({ basis: 'prior_express_written_consent', lead: { at: leadConsent.consentAt.toISOString(), source: leadConsent.consentSource, text: null } });
      expect(call.recordingConsent).toBe(e.recording.decision);
    }
    const byPhone = new Map(calls.map((c) => [c.phone, c.compliance!]));
    expect(byPhone.get('+13055550501')).toMatchObject({ jurisdiction: ['US', 'US-FL'], declared: { timezone: null, state: 'US-FL' } });
    expect(byPhone.get('+13055550501')!.rulesApplied).toContain('us-fl-hours-cap');
    expect(byPhone.get('+12125550502')!.zones.map((z) => z.zone)).toEqual(['America/Chicago', 'America/New_York']);
    expect(byPhone.get('+14165550503')!.jurisdiction).toEqual(['CA', 'CA-ON']);
    expect(byPhone.get('+14165550503')!.rulesApplied).toContain('ca-crtc-hours');

    // The call detail shows the evidence as stored.
    const detail = await getCallDetail(db.db, { workspaceId: ownerId, callId: calls[0].id });
    expect(detail.compliance).toEqual(calls[0].compliance);

    const id = calls[0].id;
    await expect(db.db.execute(sql`update campaign_calls set compliance = '{"version":1}'::jsonb where id = ${id}`)).rejects.toThrow();
    await expect(db.db.execute(sql`update campaign_calls set compliance = null where id = ${id}`)).rejects.toThrow();
    // The rest of the row still moves on.
    await db.db.update(schema.campaignCalls).set({ status: 'calling' }).where(eq(schema.campaignCalls.id, id));
    const [after] = await db.db.select().from(schema.campaignCalls).where(eq(schema.campaignCalls.id, id));
    expect(after.compliance).toEqual(calls[0].compliance);
  });
});

describe('recording', () => {
  async function dialOnce(overrides: Partial<CampaignConfig>, phones: string[]) {
    const ownerId = await insertUser(db.db);
    const { campaign } = await campaignWithLeads(ownerId, phones.map((phone) => ({ phone })), { recordCalls: true, ...overrides });
    const clock = new ManualClock('2026-06-17T18:00:00Z'); // Wednesday 11:00 in California, 13:00 in Texas
    const telephony = new InProcessTelephony(() => ({ kind: 'hang' }), () => clock.now());
    // This campaign alone: other tests' active campaigns share the process-wide dial bound.
    await processCampaign({ db: db.db, telephony, clock: () => clock.now() }, campaign);
    await dialsSettled();
    const byPhone = new Map(telephony.placed.filter((p) => p.call.campaign.id === campaign.id).map((p) => [p.call.lead.phone, p.call]));
    const calls = new Map((await callsOf([campaign.id])).map((c) => [c.phone, c]));
    return { byPhone, calls };
  }

  it('a California lead on a recording campaign hears the disclosure first', async () => {
    const { byPhone, calls } = await dialOnce({ recordingDisclosure: 'This call is recorded.' }, ['+14155550601']);
    const call = byPhone.get('+14155550601')!;
    expect(call.campaign).toMatchObject({ recordCalls: true, recordingDisclosureFirst: true });
    const metadata = agentDispatchMetadataFor(call, { url: 'http://app.test/api/livekit/agent-report', token: 't' });
    expect(metadata).toMatchObject({ recording_disclosure: 'This call is recorded.', recording_disclosure_first: true });
    expect(calls.get('+14155550601')!.recordingConsent).toBe('disclosed');
    expect(calls.get('+14155550601')!.compliance!.recording).toEqual({ campaignRecords: true, allPartyConsentJurisdictions: ['US-CA'], decision: 'disclosed' });
  });

  it('with no disclosure line, a California call is not recorded; a Texas (one-party) call is', async () => {
    const { byPhone, calls } = await dialOnce({ recordingDisclosure: '' }, ['+14155550611', '+12145550612']);
    const california = byPhone.get('+14155550611')!;
    expect(california.campaign).toMatchObject({ recordCalls: false, recordingDisclosureFirst: false });
    expect(agentDispatchMetadataFor(california, { url: 'http://app.test/r', token: 't' })).toMatchObject({ recording_disclosure: null, recording_disclosure_first: false });
    expect(calls.get('+14155550611')!.recordingConsent).toBe('not_recorded_no_disclosure');
    const texas = byPhone.get('+12145550612')!;
    expect(texas.campaign).toMatchObject({ recordCalls: true, recordingDisclosureFirst: false });
    expect(calls.get('+12145550612')!.recordingConsent).toBe('recorded_one_party');
  });
});

describe.runIf(testDriver() === 'postgres')('several claimers on their own connections', () => {
  const workers: DbHandle[] = [];
  beforeAll(async () => {
    for (let i = 0; i < 4; i++) workers.push(await openPostgres(db.url!, { max: 2 }));
  });
  afterAll(async () => {
    for (const w of workers) await w.close();
  });

  it('four parallel claims over two campaigns sharing their numbers never put two calls in flight to one number', async () => {
    const ownerId = await insertUser(db.db);
    const numbers = Array.from({ length: 120 }, (_, i) => ({ phone: `+1212555${String(7000 + i)}` }));
    const campaigns: { id: string }[] = [];
    for (let c = 0; c < 2; c++) campaigns.push((await campaignWithLeads(ownerId, numbers, { maxConcurrentCalls: 500, maxCallsPerDay: 100_000 })).campaign);
    const now = new Date('2026-06-17T16:00:00Z');
    // Each worker claims for both campaigns, in the opposite order to its neighbour, many times over.
    await Promise.all(
      workers.map(async (worker, w) => {
        for (let round = 0; round < 12; round++) {
          const order = (w + round) % 2 === 0 ? campaigns : [...campaigns].reverse();
          await Promise.all(order.map((campaign) => claimLeads(worker.db, { campaignId: campaign.id, now, want: 15 })));
        }
      }),
    );
    // How many leads the racing claimers took depends on the machine's speed (a claimer that finds the campaign
    // row locked takes nothing); what they leave must still be claimable: drain both campaigns one claim at a time.
    for (let drained = false; !drained; ) {
      drained = true;
      for (const campaign of campaigns) if ((await claimLeads(db.db, { campaignId: campaign.id, now, want: 15 })).claimed.length > 0) drained = false;
    }
    // No call ever ends here, so every claim is still in flight: one per number at most, across both campaigns.
    const calls = await callsOf(campaigns.map((c) => c.id));
    const perNumber = new Map<string, number>();
    for (const c of calls) perNumber.set(c.phone, (perNumber.get(c.phone) ?? 0) + 1);
    expect(Math.max(...perNumber.values())).toBe(1);
    // And no number was left unclaimed behind a lock or a busy head of the queue: every number was claimed once.
    expect(perNumber.size).toBe(numbers.length);
    expect(new Set(calls.map((c) => c.campaignId)).size).toBe(2);
  }, 120_000);
});
