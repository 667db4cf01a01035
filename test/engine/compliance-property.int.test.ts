// Property: for any instant and any leads (numbers from many area codes, overlays, toll-free and
// Canadian numbers, with declared zones and states that may be wrong or contradict the number), the
// claim never selects a lead that the compliance check says may not be called at that instant, and
// every lead it leaves waits exactly until the check's next lawful moment.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eq } from 'drizzle-orm';
import { schema } from '@/db';
import { checkCompliance } from '@/lib/services/compliance';
import { claimLeads } from '@/lib/services/engine';
import { createTestDb, testDriver, type TestDb, insertCampaign, insertUser, leadConsent } from '@/test/fixtures';
import { everyHourOfEveryDay } from '@/shared/contracts/campaign-config';

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => db.drop());

const areaCodes = [
  '212', '646', '332', '917', // New York and its overlays
  '305', '786', // Miami (Florida: 08:00–20:00, 3 per 24 h)
  '401', // Rhode Island (no Sundays)
  '405', '410', '443', // Oklahoma, Maryland
  '504', '512', '601', '860', '205', // Louisiana, Texas, Mississippi, Connecticut, Alabama
  '415', '206', '907', '808', '605', '850', // one- and two-zone states
  '416', '514', '604', '867', '709', // Canada
  '800', '888', '833', // toll-free
  '787', '671', // Puerto Rico, Guam
];
const declaredZones = [null, 'America/New_York', 'America/Los_Angeles', 'Pacific/Honolulu', 'UTC', 'GMT', 'EST', 'Mountain', 'Europe/London', 'not a zone'];
const declaredStates = [null, null, 'FL', 'Florida', 'US-RI', 'ca', 'Ontario', 'QC', 'TX', 'XX', 'Narnia'];

const lead = fc.record({
  areaCode: fc.constantFrom(...areaCodes),
  line: fc.integer({ min: 0, max: 9999 }),
  timezone: fc.constantFrom(...declaredZones),
  state: fc.constantFrom(...declaredStates),
});
// Any instant of 2026, to the minute: weekends, holidays and both DST changes included.
const instant = fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 0, 1) - 1 }).map((t) => new Date(Math.floor(t / 60_000) * 60_000));
const windows = fc.constantFrom(
  everyHourOfEveryDay,
  [1, 2, 3, 4, 5].map((dayOfWeek) => ({ dayOfWeek, startHour: 9, endHour: 17 })),
);

describe.runIf(testDriver() === 'pglite')('the claim against the compliance check, for random instants and leads', () => {
  it('never claims a lead the check refuses, and defers every other lead to the check’s next lawful moment', async () => {
    const seen = { claimed: 0, deferred: 0 };
    await fc.assert(
      fc.asyncProperty(instant, fc.uniqueArray(lead, { minLength: 1, maxLength: 8, selector: (l) => `${l.areaCode}${l.line}` }), windows, async (at, leads, callWindows) => {
        // A fresh owner each run: nothing in flight, no calls in the last 24 h.
        const ownerId = await insertUser(db.db);
        const campaign = await insertCampaign(db.db, ownerId, { callWindows, maxConcurrentCalls: 50 });
        const rows = await db.db
          .insert(schema.leads)
          .values(leads.map((l, i) => ({ campaignId: campaign.id, name: `Lead ${i}`, phone: `+1${l.areaCode}555${String(l.line).padStart(4, '0')}`, timezone: l.timezone, state: l.state, ...leadConsent, createdAt: new Date(Date.UTC(2025, 0, 1) + i) })))
          .returning();

        const { claimed } = await claimLeads(db.db, { campaignId: campaign.id, now: at, want: 50 });
        const claimedIds = new Set(claimed.map((c) => c.lead.id));
        seen.claimed += claimed.length;
        seen.deferred += rows.length - claimed.length;
        const after = new Map((await db.db.select().from(schema.leads).where(eq(schema.leads.campaignId, campaign.id))).map((l) => [l.id, l]));
        for (const row of rows) {
          const decision = checkCompliance({
            phone: row.phone,
            declaredTimezone: row.timezone,
            declaredState: row.state,
            at,
            campaign: { timezone: campaign.config.timezone, callWindows },
            consent: { basis: campaign.config.consentBasis, leadConsent: { at: leadConsent.consentAt.toISOString(), source: leadConsent.consentSource } },
          });
          const what = `${row.phone} tz=${row.timezone} state=${row.state} at ${at.toISOString()}`;
          if (claimedIds.has(row.id)) expect(decision.reasons, what).toEqual([]);
          else {
            expect(decision.allowed, what).toBe(false);
            const expected = decision.nextAllowedAt ?? new Date(at.getTime() + 24 * 3_600_000);
            expect(after.get(row.id)!.nextRetryAt?.toISOString(), what).toBe(expected.toISOString());
          }
        }
      }),
      { numRuns: 40 },
    );
    // Both sides of the property were exercised.
    expect(seen.claimed).toBeGreaterThan(0);
    expect(seen.deferred).toBeGreaterThan(0);
  }, 300_000);
});
