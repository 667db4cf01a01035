import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { hasHolidayCalendar, isPublicHoliday, publicHolidayName } from './holidays';

const DAY = 86_400_000;
const day = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY);

describe('public holidays (date-holidays)', () => {
  it('R.I. Gen. Laws § 5-61-2: "a state or federal holiday" — every US federal public holiday is in the US-RI calendar, 2026–2030', () => {
    for (let year = 2026; year <= 2030; year++) {
      for (const h of new Holidays('US').getHolidays(year).filter((x) => x.type === 'public')) {
        expect(isPublicHoliday('US-RI', day(h.date.slice(0, 10))), `${h.date} ${h.name}`).toBe(true);
      }
    }
  });

  it('Rhode Island\'s own Victory Day (second Monday of August) is a US-RI holiday but not a US-LA one', () => {
    expect(isPublicHoliday('US-RI', day('2026-08-10'))).toBe(true);
    expect(publicHolidayName('US-RI', day('2026-08-10'))).toBe('Victory Day');
    expect(isPublicHoliday('US-LA', day('2026-08-10'))).toBe(false);
  });

  it('Louisiana\'s Mardi Gras is a US-LA holiday; the day after is not', () => {
    expect(isPublicHoliday('US-LA', day('2026-02-17'))).toBe(true);
    expect(isPublicHoliday('US-LA', day('2026-02-18'))).toBe(false);
  });

  it('observances are not legal holidays: Christmas Eve and Valentine\'s Day are ordinary days in US-LA', () => {
    expect(isPublicHoliday('US-LA', day('2026-12-24'))).toBe(false);
    expect(isPublicHoliday('US-LA', day('2026-02-14'))).toBe(false);
  });

  it('a substitute day counts: Independence Day 2026 falls on a Saturday and is observed Friday 2026-07-03', () => {
    expect(isPublicHoliday('US-AL', day('2026-07-03'))).toBe(true);
    expect(isPublicHoliday('US-AL', day('2026-07-04'))).toBe(true);
  });

  it('calendars exist for every jurisdiction whose row bans holidays, and an unknown region has none', () => {
    for (const r of ['US-LA', 'US-RI', 'US-AL']) expect(hasHolidayCalendar(r), r).toBe(true);
    expect(hasHolidayCalendar('US-XX')).toBe(false);
    expect(() => isPublicHoliday('US-XX', day('2026-01-01'))).toThrow(RangeError);
  });

  it('Pennsylvania\'s legal holidays include Good Friday and Election Day, which date-holidays alone does not type as public', () => {
    expect(isPublicHoliday('US-PA', day('2026-04-03'))).toBe(true);
    expect(publicHolidayName('US-PA', day('2026-04-03'))).toBe('Good Friday');
    expect(isPublicHoliday('US-PA', day('2026-11-03'))).toBe(true);
    expect(isPublicHoliday('US-PA', day('2027-11-02'))).toBe(true);
    expect(isPublicHoliday('US-PA', day('2026-06-14'))).toBe(true); // Flag Day
    expect(isPublicHoliday('US-NY', day('2026-04-03'))).toBe(false);
  });
});
