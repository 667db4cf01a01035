// A call's retry is held to the zones its claim resolved and stored with it (campaign_calls.lead_time_zones),
// not to zones resolved again at settlement; a call claimed before they were stored falls back to the lead's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { schema } from '@/db';
import { settleCall } from '@/lib/services/calls';
import { useTestDb, type TestDb, insertCampaign, insertUser, leadConsent, insertLead, insertCall } from '@/test/fixtures';
import { everyHourOfEveryDay } from '@/shared/contracts/campaign-config';

let db: TestDb;
let campaignId: string;
beforeAll(async () => {
  db = await useTestDb();
  const ownerId = await insertUser(db.db);
  // The campaign calls at any hour, so only the lead's lawful hours move the retry.
  const campaign = await insertCampaign(db.db, ownerId, { timezone: 'UTC', callWindows: everyHourOfEveryDay });
  campaignId = campaign.id;
});
afterAll(async () => db.drop());

// Tuesday 12 January 2027, 12:30 UTC: the no-answer retry is due an hour later, 08:30 in New York and 05:30 in Los Angeles.
const now = new Date('2027-01-12T12:30:00Z');

/** A New York number's unanswered first call, claimed with `zones` stored (null: claimed before migration 0020). */
async function retryOf(zones: string[] | null, i: number): Promise<Date> {
  const lead = await insertLead(db.db, campaignId, { name: `Lead ${i}`, phone: `+1212555300${i}`, timezone: 'America/New_York', status: 'calling', callAttempts: 1, ...leadConsent });
  const claimedAt = new Date(now.getTime() - 60_000);
  const call = await insertCall(db.db, lead, { status: 'no_answer', roomName: `zones-${lead.id}`, claimedAt, dialedAt: claimedAt, endedAt: now, endedReason: 'no_answer', leadTimeZones: zones });
  expect(await settleCall(db.db, { callId: call.id, now })).toEqual({ settled: true, outcome: 'no_answer' });
  const [after] = await db.db.select({ status: schema.leads.status, nextRetryAt: schema.leads.nextRetryAt }).from(schema.leads).where(eq(schema.leads.id, lead.id));
  expect(after.status).toBe('retry_scheduled');
  return after.nextRetryAt!;
}

describe('the zones a call was claimed under', () => {
  it('hold its retry: a call claimed as in Los Angeles is retried in Los Angeles hours, whatever its number says', async () => {
    const resolved = await retryOf(null, 1);
    const storedNewYork = await retryOf(['America/New_York'], 2);
    const storedLosAngeles = await retryOf(['America/Los_Angeles'], 3);
    // The fallback resolves the very zones the claim would have stored.
    expect(storedNewYork).toEqual(resolved);
    expect(storedLosAngeles.getTime()).toBeGreaterThan(resolved.getTime());
    expect(DateTime.fromJSDate(storedLosAngeles, { zone: 'America/Los_Angeles' }).hour).toBeGreaterThanOrEqual(8);
  });
});
