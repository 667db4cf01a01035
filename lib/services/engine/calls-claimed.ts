// How many calls a campaign claimed between two instants: what the daily cap (maxCallsPerDay) counts at every claim
// and what /progress shows as today's calls. Summed from the call slots (15 minutes of claim time each, migration 0021),
// which triggers keep in the same transaction as every call's insert and delete, so the sum is as exact as counting the
// calls, read from at most 96 slots a day and their unfolded deltas where counting the day's calls grew with the day.
import { sql, type SQL } from 'drizzle-orm';

/**
 * The calls of `campaignId` claimed in [start, end). Both bounds must fall on a slot's edge (a quarter hour in UTC),
 * as every time zone's midnight does: a bound inside a slot would count the whole slot or none of it.
 */
export function callsClaimedBetween(campaignId: SQL, start: SQL, end: SQL): SQL<number> {
  return sql<number>`(select coalesce(sum(s.calls), 0)::int from campaign_call_slots s where s.campaign_id = ${campaignId} and s.slot >= ${start} and s.slot < ${end})`;
}
