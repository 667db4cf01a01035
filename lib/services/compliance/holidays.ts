// Public holidays per region from the date-holidays library (state- and province-level calendars), as local
// calendar dates. Only holidays of type 'public' count (substitute days included): the statutes ban calls on
// "legal"/"state" holidays, which date-holidays types as public; 'bank', 'optional', 'school' and
// 'observance' days (Valentine's Day, Christmas Eve) are not legal holidays.
import Holidays from 'date-holidays';

const DAY = 86_400_000;
const byRegionYear = new Map<string, ReadonlySet<number>>();
const calendars = new Map<string, Holidays | null>();

function calendar(region: string): Holidays | null {
  let cal = calendars.get(region);
  if (cal === undefined) {
    const [country, state] = region.split('-');
    const known = state ? Object.keys(new Holidays().getStates(country) ?? {}).includes(state) : Object.keys(new Holidays().getCountries()).includes(country);
    cal = known ? new Holidays(country, state) : null;
    calendars.set(region, cal);
  }
  return cal;
}

/** The region's public holidays in `year`, as days since the epoch of their local calendar date. */
function holidayDays(region: string, year: number): ReadonlySet<number> {
  const key = `${region} ${year}`;
  let days = byRegionYear.get(key);
  if (!days) {
    const cal = calendar(region);
    if (!cal) throw new RangeError(`date-holidays has no calendar for ${region}`);
    days = new Set(cal.getHolidays(year).filter((h) => h.type === 'public').map((h) => Math.floor(Date.parse(`${h.date.slice(0, 10)}T00:00:00Z`) / DAY)));
    byRegionYear.set(key, days);
  }
  return days;
}

/** Whether the local calendar day (days since 1970-01-01 on the local wall clock) is a public holiday in the region. */
export function isPublicHoliday(region: string, localDay: number): boolean {
  return holidayDays(region, new Date(localDay * DAY).getUTCFullYear()).has(localDay);
}

/** The holiday's name, for reasons. */
export function publicHolidayName(region: string, localDay: number): string | null {
  const date = new Date(localDay * DAY).toISOString().slice(0, 10);
  const match = calendar(region)
    ?.getHolidays(new Date(localDay * DAY).getUTCFullYear())
    .find((h) => h.type === 'public' && h.date.startsWith(date));
  return match?.name ?? null;
}

export function hasHolidayCalendar(region: string): boolean {
  return calendar(region) !== null;
}
