// Public holidays per region from the date-holidays library (state- and province-level calendars), as local
// calendar dates. Only holidays of type 'public' count (substitute days included): the statutes ban calls on
// "legal"/"state" holidays, which date-holidays types as public; 'bank', 'optional', 'school' and
// 'observance' days (Valentine's Day, Christmas Eve) are not legal holidays.
import Holidays from 'date-holidays';

const DAY = 86_400_000;
// date-holidays works a year out on every call (milliseconds): each region's year is read once, as day → name.
const byRegionYear = new Map<string, ReadonlyMap<number, string>>();
const calendars = new Map<string, Holidays | null>();

/** Legal holidays a row's statute bans that date-holidays does not type as public for the region, with the source. */
export const holidaySupplements: Readonly<Record<string, readonly { rule: string; name: string; source: string }[]>> = {
  'US-PA': [
    // The PA holiday ban (73 P.S. § 2245(a)(10)) covers the state's legal holidays, which include both.
    { rule: 'easter -2', name: 'Good Friday', source: 'https://dnc.dreamhosters.com/update-pennsylvania-governor-signs-new-robocall-restrictions-law (list of holidays covered)' },
    { rule: 'tuesday after 1st monday in November', name: 'Election Day', source: 'https://dnc.dreamhosters.com/update-pennsylvania-governor-signs-new-robocall-restrictions-law (list of holidays covered)' },
  ],
  'CA-BC': [
    // A statutory holiday under B.C.'s Employment Standards Act since Bill 2 (Royal Assent 2023-03-09).
    { rule: '09-30 since 2023', name: 'National Day for Truth and Reconciliation', source: 'https://workplacelawblog.harpergrey.com/2023/05/29/new-statutory-holiday-on-sept-30th-for-bc/; https://lawsonlundell.com/labour-and-employment-law-blog/update-national-day-for-truth-and-reconciliation-now-a-statutory-holiday-in-bc' },
  ],
};

function calendar(region: string): Holidays | null {
  let cal = calendars.get(region);
  if (cal === undefined) {
    const [country, state] = region.split('-');
    const known = state ? Object.keys(new Holidays().getStates(country) ?? {}).includes(state) : Object.keys(new Holidays().getCountries()).includes(country);
    cal = known ? new Holidays(country, state) : null;
    for (const extra of (cal && holidaySupplements[region]) || []) {
      if (!cal!.setHoliday(extra.rule, { name: extra.name, type: 'public' })) throw new Error(`bad holiday rule "${extra.rule}" for ${region}`);
    }
    calendars.set(region, cal);
  }
  return cal;
}

/** The region's public holidays in `year`, by day since the epoch of their local calendar date, with their names. */
function holidayDays(region: string, year: number): ReadonlyMap<number, string> {
  const key = `${region} ${year}`;
  let days = byRegionYear.get(key);
  if (!days) {
    const cal = calendar(region);
    if (!cal) throw new RangeError(`date-holidays has no calendar for ${region}`);
    const named = new Map<number, string>();
    for (const h of cal.getHolidays(year)) {
      if (h.type !== 'public') continue;
      const day = Math.floor(Date.parse(`${h.date.slice(0, 10)}T00:00:00Z`) / DAY);
      if (!named.has(day)) named.set(day, h.name);
    }
    byRegionYear.set(key, (days = named));
  }
  return days;
}

/** Whether the local calendar day (days since 1970-01-01 on the local wall clock) is a public holiday in the region. */
export function isPublicHoliday(region: string, localDay: number): boolean {
  return holidayDays(region, new Date(localDay * DAY).getUTCFullYear()).has(localDay);
}

/** The holiday's name, for reasons. */
export function publicHolidayName(region: string, localDay: number): string | null {
  if (!calendar(region)) return null;
  return holidayDays(region, new Date(localDay * DAY).getUTCFullYear()).get(localDay) ?? null;
}

export function hasHolidayCalendar(region: string): boolean {
  return calendar(region) !== null;
}
