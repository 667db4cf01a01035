// A whole campaign on a simulated clock over several days, through the real executor, dialer,
// tracker and retry rules, with the in-process telephony deciding each call's fate.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { schema } from '@/db';
import { ManualClock } from '@/lib/clock';
import { countProgress, dialsSettled, processActiveCampaigns, recoverCalls } from '@/lib/services/engine';
import { campaignDayBounds } from '@/lib/services/engine/rules';
import { checkCompliance } from '@/lib/services/compliance';
import { InProcessTelephony } from '@/test/in-process-telephony';
import { insertCampaign, insertLeads, insertUser, mixedOutcomes, leadPhone, createTestDb, type TestDb } from '@/test/fixtures';

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => db.drop());

// 1,000 leads at 450 calls a day run the same course as 2,000 at 900 (Monday to Friday, the daily cap reached on
// each of the first four days) at half the work: on PGlite beside another copy of the suite, 2,000 took over 600 s.
const LEADS = 1000;

describe('a 1,000-lead campaign over several simulated days', () => {
  it('calls only lawfully, caps attempts, skips DNC, and lands every lead where the rules say', async () => {
    const ownerId = await insertUser(db.db);
    const campaign = await insertCampaign(db.db, ownerId, { maxCallsPerDay: 450, maxConcurrentCalls: 25 });
    const leads = await insertLeads(db.db, campaign.id, LEADS);
    const dncPhones = [leadPhone(7), leadPhone(77), leadPhone(777)];
    await db.db.insert(schema.dncNumbers).values(dncPhones.map((phone) => ({ workspaceId: ownerId, phone })));

    // Monday 2 March 2026, 06:00 New York.
    const clock = new ManualClock('2026-03-02T11:00:00Z');
    const telephony = new InProcessTelephony(mixedOutcomes, () => clock.now());
    const deps = { db: db.db, telephony, clock: () => clock.now() };

    let maxInFlight = 0;
    for (let tick = 0; tick < 14 * 24 * 6; tick++) {
      await telephony.deliver(db.db);
      const ticks = await processActiveCampaigns(deps);
      await dialsSettled();
      const [{ n }] = await db.db.select({ n: sql<number>`count(*)::int` }).from(schema.campaignCalls).where(sql`status in ('pending','calling','in_progress')`);
      maxInFlight = Math.max(maxInFlight, Number(n));
      if (tick % 30 === 0) await recoverCalls(deps);
      if (ticks[0]?.action === 'completed') break;
      clock.advance(10 * 60_000);
    }
    await telephony.deliver(db.db);
    clock.advance(30 * 60_000);
    await recoverCalls(deps);

    const [after] = await db.db.select().from(schema.campaigns).where(eq(schema.campaigns.id, campaign.id));
    const finalLeads = await db.db.select().from(schema.leads).where(eq(schema.leads.campaignId, campaign.id));
    const calls = await db.db.select().from(schema.campaignCalls).where(eq(schema.campaignCalls.campaignId, campaign.id));

    // Every placed call was lawful: inside the campaign's windows and every hours rule of the lead's
    // jurisdictions, in every zone it may be in, with its consent on file.
    const leadById = new Map(leads.map((l) => [l.id, l]));
    for (const placed of telephony.placed) {
      const lead = leadById.get(placed.call.lead.id)!;
      const decision = checkCompliance({
        phone: lead.phone,
        declaredTimezone: lead.timezone,
        declaredState: lead.state,
        at: placed.at,
        campaign: { timezone: 'America/New_York', callWindows: campaign.config.callWindows },
        consent: { basis: campaign.config.consentBasis, leadConsent: { at: lead.consentAt?.toISOString(), source: lead.consentSource } },
      });
      expect(decision.reasons, `${lead.phone} at ${placed.at.toISOString()}`).toEqual([]);
    }
    expect(telephony.placed.length).toBeGreaterThan(LEADS);

    // No DNC number was dialled; nobody was called more than three times, nor twice for one attempt.
    expect(telephony.placed.filter((p) => dncPhones.includes(p.call.lead.phone))).toEqual([]);
    const perLead = new Map<string, number[]>();
    for (const c of calls) perLead.set(c.leadId, [...(perLead.get(c.leadId) ?? []), c.attemptNumber]);
    for (const attempts of perLead.values()) {
      expect(attempts.length).toBeLessThanOrEqual(3);
      expect(new Set(attempts).size).toBe(attempts.length);
    }
    // Opted-out leads were never called again and are on the DNC list.
    const optedOut = finalLeads.filter((l) => l.status === 'do_not_call' && !dncPhones.includes(l.phone));
    expect(optedOut.length).toBeGreaterThan(0);
    for (const lead of optedOut) {
      const leadCalls = calls.filter((c) => c.leadId === lead.id).sort((a, b) => a.attemptNumber - b.attemptNumber);
      expect(leadCalls.at(-1)!.outcome).toBe('not_interested');
    }
    const dnc = await db.db.select().from(schema.dncNumbers).where(eq(schema.dncNumbers.workspaceId, ownerId));
    expect(dnc.length).toBe(dncPhones.length + optedOut.length);

    // Caps: concurrency and calls per campaign-local day.
    expect(maxInFlight).toBeLessThanOrEqual(25);
    const perDay = new Map<number, number>();
    for (const c of calls) {
      const day = campaignDayBounds(c.claimedAt, 'America/New_York').start.getTime();
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
    }
    expect(Math.max(...perDay.values())).toBe(450); // reached, never passed

    // Every lead is terminal or waiting for a lawful retry; nothing is stuck in flight.
    const unsettled = finalLeads.filter((l) => !['completed', 'exhausted', 'do_not_call'].includes(l.status));
    expect(unsettled.map((l) => `${l.phone} ${l.status} ${l.timezone} ${l.callAttempts} ${l.nextRetryAt?.toISOString()}`)).toEqual([]);
    expect(calls.filter((c) => !c.outcome)).toEqual([]);
    expect(after.status).toBe('completed');

    // The counters equal a recount from campaign_calls.
    const progress = await countProgress(db.db, campaign.id);
    const calledLeads = new Set(calls.map((c) => c.leadId)).size;
    expect(progress.called).toBe(calledLeads);
    expect(progress.remaining).toBe(0);
    expect(progress.successful).toBe(finalLeads.filter((l) => l.lastOutcome === 'qualified').length);
    expect(progress.successful).toBeGreaterThan(0);
    const outcomes = new Set(calls.map((c) => c.outcome));
    for (const o of ['qualified', 'no_answer', 'busy', 'failed', 'invalid_number', 'voicemail']) expect(outcomes).toContain(o);
  }, 1_800_000); // a bound for hangs, not for speed
});
