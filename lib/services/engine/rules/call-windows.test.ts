import { describe, expect, it } from 'vitest';
import type { CallWindow } from '@/lib/services/campaigns/config';
import { campaignWindowSpans, campaignWindowStatus } from './call-windows';

const days = (from: number, to: number, startHour: number, endHour: number): CallWindow[] =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ dayOfWeek: from + i, startHour, endHour }));
const weekdays9to17 = days(1, 5, 9, 17); // Mon–Fri 09–17

const NY = 'America/New_York';

function status(campaignTimezone: string, callWindows: CallWindow[], now: string) {
  const s = campaignWindowStatus({ now: new Date(now), campaignTimezone, callWindows });
  return [s.open, s.nextOpenAt?.toISOString() ?? null];
}

describe('a campaign is open inside its windows, in its own zone', () => {
  it.each<[rule: string, tz: string, windows: CallWindow[], now: string, open: boolean, next: string | null]>([
    ['Wednesday 10:00 in a Mon–Fri 09–17 campaign', NY, weekdays9to17, '2024-06-12T14:00:00Z', true, '2024-06-12T14:00:00.000Z'],
    ['16:59:59, the last second of the window', NY, weekdays9to17, '2024-06-12T20:59:59Z', true, '2024-06-12T20:59:59.000Z'],
    ['08:59 waits for the 09:00 start', NY, weekdays9to17, '2024-06-12T12:59:00Z', false, '2024-06-12T13:00:00.000Z'],
    ['17:00 is outside (endHour is exclusive): next is tomorrow 09:00', NY, weekdays9to17, '2024-06-12T21:00:00Z', false, '2024-06-13T13:00:00.000Z'],
    ['Friday 17:30 with no weekend windows: next is Monday 09:00', NY, weekdays9to17, '2024-06-14T21:30:00Z', false, '2024-06-17T13:00:00.000Z'],
    ['Saturday 17:30 with no Sunday window: next is Monday 09:00', NY, days(1, 6, 9, 17), '2024-06-15T21:30:00Z', false, '2024-06-17T13:00:00.000Z'],
    ['London, fall-back Sunday: 08:30 GMT waits for 09:00 GMT, not 09:00 BST', 'Europe/London', [{ dayOfWeek: 0, startHour: 9, endHour: 17 }], '2024-10-27T08:30:00Z', false, '2024-10-27T09:00:00.000Z'],
    ['Sydney, Friday 17:00 AEST: Monday 09:00 is AEDT after the weekend’s spring-forward', 'Australia/Sydney', weekdays9to17, '2024-10-04T07:00:00Z', false, '2024-10-06T22:00:00.000Z'],
    ['no windows at all: never', NY, [], '2024-06-12T14:00:00Z', false, null],
  ])('%s', (_rule, tz, windows, now, open, next) => {
    expect(status(tz, windows, now)).toEqual([open, next]);
  });
});

describe('call windows on DST change days', () => {
  const sundayNight = (startHour: number, endHour: number): CallWindow[] => [{ dayOfWeek: 0, startHour, endHour }];

  it.each<[rule: string, tz: string, windows: CallWindow[], now: string, open: boolean, next: string | null]>([
    ['spring-forward, 01–03: 00:30 EST waits for 01:00 EST', NY, sundayNight(1, 3), '2024-03-10T05:30:00Z', false, '2024-03-10T06:00:00.000Z'],
    ['spring-forward, 01–03: 01:30 EST is inside', NY, sundayNight(1, 3), '2024-03-10T06:30:00Z', true, '2024-03-10T06:30:00.000Z'],
    ['spring-forward, 01–03: 03:00 EDT is already past it, next is next Sunday 01:00 EDT', NY, sundayNight(1, 3), '2024-03-10T07:00:00Z', false, '2024-03-17T05:00:00.000Z'],
    ['spring-forward, 02–03 does not exist: next is next Sunday 02:00 EDT', NY, sundayNight(2, 3), '2024-03-10T05:30:00Z', false, '2024-03-17T06:00:00.000Z'],
    ['fall-back, 01–02: the first 01:30 (EDT) is inside', NY, sundayNight(1, 2), '2024-11-03T05:30:00Z', true, '2024-11-03T05:30:00.000Z'],
    ['fall-back, 01–02: the second 01:30 (EST) is inside too', NY, sundayNight(1, 2), '2024-11-03T06:30:00Z', true, '2024-11-03T06:30:00.000Z'],
    ['fall-back, 00–01: the second 01:00 (EST) is outside', NY, sundayNight(0, 1), '2024-11-03T06:00:00Z', false, '2024-11-10T05:00:00.000Z'],
    ['London spring-forward, 01–02 does not exist: next is next Sunday 01:00 BST', 'Europe/London', sundayNight(1, 2), '2024-03-30T23:00:00Z', false, '2024-04-07T00:00:00.000Z'],
    ['London fall-back, 01–02: 01:30 GMT (the second pass) is inside', 'Europe/London', sundayNight(1, 2), '2024-10-27T01:30:00Z', true, '2024-10-27T01:30:00.000Z'],
  ])('%s', (_rule, tz, windows, now, open, next) => {
    expect(status(tz, windows, now)).toEqual([open, next]);
  });

  it.each([
    ['spring-forward 01–03 ends at 03:00 EDT, one real hour after it began', sundayNight(1, 3), '2024-03-10T06:30:00Z', '2024-03-10T07:00:00.000Z'],
    ['fall-back 01–02 ends at 02:00 EST, two real hours after it began', sundayNight(1, 2), '2024-11-03T05:30:00Z', '2024-11-03T07:00:00.000Z'],
  ])('%s', (_rule, windows, now, until) => {
    expect(new Date(campaignWindowSpans(NY, windows, new Date(now))[0].end).toISOString()).toBe(until);
  });

  it('touching windows count as one stretch', () => {
    const windows = [{ dayOfWeek: 3, startHour: 9, endHour: 12 }, { dayOfWeek: 3, startHour: 12, endHour: 17 }];
    expect(new Date(campaignWindowSpans(NY, windows, new Date('2024-06-12T14:00:00Z'))[0].end).toISOString()).toBe('2024-06-12T21:00:00.000Z');
  });
});
