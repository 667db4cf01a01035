import { describe, expect, it } from 'vitest';
import { describeLocalTime, isTimeZone, localDayAt, zoneOrUtc, zonedTime } from './local-time';

describe('wall-clock time in the lead\'s zone', () => {
  it.each([
    ['America/New_York', { year: 2025, month: 6, day: 4, hour: 15, minute: 0 }, '2025-06-04T19:00:00.000Z'],
    ['America/New_York', { year: 2025, month: 12, day: 4, hour: 15, minute: 0 }, '2025-12-04T20:00:00.000Z'],
    ['Europe/London', { year: 2025, month: 6, day: 4, hour: 9, minute: 30 }, '2025-06-04T08:30:00.000Z'],
    ['Asia/Kolkata', { year: 2025, month: 6, day: 4, hour: 9, minute: 0 }, '2025-06-04T03:30:00.000Z'],
    ['UTC', { year: 2025, month: 1, day: 32, hour: 0, minute: 0 }, '2025-02-01T00:00:00.000Z'],
  ])('%s %j is %s', (zone, wall, iso) => {
    expect(zonedTime(wall, zone).toISOString()).toBe(iso);
  });

  it('takes the first 01:30 on the night the clocks go back', () => {
    expect(zonedTime({ year: 2025, month: 11, day: 2, hour: 1, minute: 30 }, 'America/New_York').toISOString()).toBe('2025-11-02T05:30:00.000Z');
  });

  it('counts days on the local calendar across a DST change', () => {
    // Saturday 8 March 2025, noon in New York; the clocks go forward that night.
    expect(localDayAt(new Date('2025-03-08T17:00:00Z'), 'America/New_York', 1, 10, 0).toISOString()).toBe('2025-03-09T14:00:00.000Z');
  });

  it('describes the local time in words', () => {
    expect(describeLocalTime(new Date('2025-06-03T18:05:00Z'), 'America/New_York')).toBe('Tuesday 3 June 2025, 14:05');
  });

  it('falls back to UTC for a zone that does not exist', () => {
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(zoneOrUtc('Mars/Olympus')).toBe('UTC');
    expect(zoneOrUtc(null)).toBe('UTC');
    expect(zoneOrUtc('Europe/Paris')).toBe('Europe/Paris');
  });
});
