// The campaign's calendar day, in its own zone, over which maxCallsPerDay is counted.
import { DateTime } from 'luxon';

/** [start, end) of the campaign-local day containing `now`; 23 or 25 hours long on DST days. */
export function campaignDayBounds(now: Date, campaignTimezone: string): { start: Date; end: Date } {
  const local = DateTime.fromJSDate(now, { zone: campaignTimezone });
  if (!local.isValid) throw new RangeError(`Unknown time zone: ${campaignTimezone}`);
  const start = local.startOf('day');
  // Adding a calendar day (not 24 hours) keeps the end on local midnight across a DST change.
  return { start: start.toJSDate(), end: start.plus({ days: 1 }).startOf('day').toJSDate() };
}
