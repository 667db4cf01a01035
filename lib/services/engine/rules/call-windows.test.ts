import { describe, expect, it } from 'vitest';
import type { CallWindow } from '@/lib/services/campaigns/config';
import { allowedUntil, callPermission } from './call-windows';

const days = (from: number, to: number, startHour: number, endHour: number): CallWindow[] =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ dayOfWeek: from + i, startHour, endHour }));
const weekdays9to17 = days(1, 5, 9, 17); // Mon–Fri 09–17
const allDay = days(0, 6, 0, 24);

const NY = 'America/New_York';
const LA = 'America/Los_Angeles';

type Case = [rule: string, campaignTimezone: string, callWindows: CallWindow[], leadZones: string[], now: string, expected: string | null];

function permission(campaignTimezone: string, callWindows: CallWindow[], leadZones: string[], now: string) {
  const p = callPermission({ now: new Date(now), campaignTimezone, callWindows, leadZones });
  return { ...p, nextAllowedAt: p.nextAllowedAt?.toISOString() ?? null };
}

describe('a lead is callable inside a campaign window and the lead’s legal hours', () => {
  it.each<Case>([
    ['Wednesday 10:00 in a Mon–Fri 09–17 campaign, lead in the same zone', NY, weekdays9to17, [NY], '2024-06-12T14:00:00Z', null],
    ['16:59:59, the last second of the window', NY, weekdays9to17, [NY], '2024-06-12T20:59:59Z', null],
    ['20:59 lead-local is still legal', NY, allDay, [LA], '2024-06-13T03:59:00Z', null],
    ['08:00 lead-local is legal', NY, allDay, [LA], '2024-06-12T15:00:00Z', null],
    ['11:00 Eastern for a Pacific lead (08:00 local)', NY, weekdays9to17, [LA], '2024-06-12T15:00:00Z', null],
  ])('%s', (_rule, tz, windows, zones, now) => {
    expect(permission(tz, windows, zones, now)).toEqual({ allowed: true, nextAllowedAt: new Date(now).toISOString() });
  });
});

describe('outside a campaign window, the next allowed moment is the next window that is also legal', () => {
  it.each<Case>([
    ['08:59 waits for the 09:00 start', NY, weekdays9to17, [NY], '2024-06-12T12:59:00Z', '2024-06-12T13:00:00.000Z'],
    ['17:00 is outside (endHour is exclusive): next is tomorrow 09:00', NY, weekdays9to17, [NY], '2024-06-12T21:00:00Z', '2024-06-13T13:00:00.000Z'],
    ['Friday 17:30 with no weekend windows: next is Monday 09:00', NY, weekdays9to17, [NY], '2024-06-14T21:30:00Z', '2024-06-17T13:00:00.000Z'],
    ['Saturday 17:30 with no Sunday window: next is Monday 09:00', NY, days(1, 6, 9, 17), [NY], '2024-06-15T21:30:00Z', '2024-06-17T13:00:00.000Z'],
    ['a Pacific lead before the window: next is 11:00 Eastern, 08:00 Pacific', NY, weekdays9to17, [LA], '2024-06-12T12:00:00Z', '2024-06-12T15:00:00.000Z'],
    ['a Hawaii lead can only be called 14:00–17:00 Eastern', NY, weekdays9to17, ['Pacific/Honolulu'], '2024-06-12T12:00:00Z', '2024-06-12T18:00:00.000Z'],
    ['windows that never meet legal hours: never', NY, days(0, 6, 2, 5), [NY], '2024-06-12T12:00:00Z', null],
    ['London, fall-back Sunday: 08:30 GMT waits for 09:00 GMT, not 09:00 BST', 'Europe/London', [{ dayOfWeek: 0, startHour: 9, endHour: 17 }], ['Europe/London'], '2024-10-27T08:30:00Z', '2024-10-27T09:00:00.000Z'],
    ['Sydney, Friday 17:00 AEST: Monday 09:00 is AEDT after the weekend’s spring-forward', 'Australia/Sydney', weekdays9to17, ['Australia/Sydney'], '2024-10-04T07:00:00Z', '2024-10-06T22:00:00.000Z'],
  ])('%s', (_rule, tz, windows, zones, now, expected) => {
    expect(permission(tz, windows, zones, now)).toEqual({ allowed: false, reason: 'outside_campaign_window', nextAllowedAt: expected });
  });
});

describe('inside a campaign window but outside the lead’s legal hours (08:00–21:00 local)', () => {
  it.each<Case>([
    ['21:00 lead-local is not legal', NY, allDay, [LA], '2024-06-13T04:00:00Z', '2024-06-13T15:00:00.000Z'],
    ['07:59 lead-local is not legal', NY, allDay, [LA], '2024-06-12T14:59:00Z', '2024-06-12T15:00:00.000Z'],
    ['09:00 Eastern is 06:00 for a Pacific lead, three zones west', NY, weekdays9to17, [LA], '2024-06-12T13:00:00Z', '2024-06-12T15:00:00.000Z'],
    ['a lead in Tokyo is never in legal hours during 09–17 Eastern', NY, weekdays9to17, ['Asia/Tokyo'], '2024-06-12T14:00:00Z', null],
    // Area code 605 spans Mountain and Central time: 08:00 must have come in Denver too.
    ['multi-zone number: 08:30 Central is 07:30 Mountain, so wait', NY, allDay, ['America/Denver', 'America/North_Dakota/Center'], '2024-06-12T13:30:00Z', '2024-06-12T14:00:00.000Z'],
    ['multi-zone number: 20:30 Mountain is 21:30 Central, so wait', NY, allDay, ['America/Denver', 'America/North_Dakota/Center'], '2024-06-13T02:30:00Z', '2024-06-13T14:00:00.000Z'],
    // A toll-free number could ring anywhere from Guam to New York: only 22:00–01:00 UTC suits all.
    ['toll-free spread Guam–Hawaii–New York: next is 22:00 UTC', 'UTC', allDay, ['Pacific/Guam', 'Pacific/Honolulu', NY], '2024-06-12T12:00:00Z', '2024-06-12T22:00:00.000Z'],
    ['New York spring-forward: 08:00 EDT is 12:00 UTC, not 13:00', 'UTC', allDay, [NY], '2024-03-10T11:30:00Z', '2024-03-10T12:00:00.000Z'],
    ['Sydney fall-back: 08:00 AEST is 22:00 UTC, not 21:00', 'UTC', allDay, ['Australia/Sydney'], '2024-04-06T21:30:00Z', '2024-04-06T22:00:00.000Z'],
  ])('%s', (_rule, tz, windows, zones, now, expected) => {
    expect(permission(tz, windows, zones, now)).toEqual({ allowed: false, reason: 'outside_lead_legal_hours', nextAllowedAt: expected });
  });

  it('New York the day before spring-forward: 12:30 UTC is 07:30 EST, so not yet', () => {
    expect(permission('UTC', allDay, [NY], '2024-03-09T12:30:00Z').nextAllowedAt).toBe('2024-03-09T13:00:00.000Z');
    expect(permission('UTC', allDay, [NY], '2024-03-10T12:30:00Z').allowed).toBe(true);
  });

  it('the toll-free spread is callable at 00:59 UTC and not at 01:00', () => {
    const zones = ['Pacific/Guam', 'Pacific/Honolulu', NY];
    expect(permission('UTC', allDay, zones, '2024-06-13T00:59:00Z').allowed).toBe(true);
    expect(permission('UTC', allDay, zones, '2024-06-13T01:00:00Z').allowed).toBe(false);
  });
});

describe('call windows on DST change days (campaign in New York or London, lead in daylight in Sydney)', () => {
  const sundayNight = (startHour: number, endHour: number): CallWindow[] => [{ dayOfWeek: 0, startHour, endHour }];
  const sydney = ['Australia/Sydney'];

  it.each<[rule: string, tz: string, windows: CallWindow[], now: string, allowed: boolean, next: string | null]>([
    ['spring-forward, 01–03: 00:30 EST waits for 01:00 EST', NY, sundayNight(1, 3), '2024-03-10T05:30:00Z', false, '2024-03-10T06:00:00.000Z'],
    ['spring-forward, 01–03: 01:30 EST is inside', NY, sundayNight(1, 3), '2024-03-10T06:30:00Z', true, '2024-03-10T06:30:00.000Z'],
    ['spring-forward, 01–03: 03:00 EDT is already past it, next is next Sunday 01:00 EDT', NY, sundayNight(1, 3), '2024-03-10T07:00:00Z', false, '2024-03-17T05:00:00.000Z'],
    ['spring-forward, 02–03 does not exist: next is next Sunday 02:00 EDT', NY, sundayNight(2, 3), '2024-03-10T05:30:00Z', false, '2024-03-17T06:00:00.000Z'],
    ['fall-back, 01–02: the first 01:30 (EDT) is inside', NY, sundayNight(1, 2), '2024-11-03T05:30:00Z', true, '2024-11-03T05:30:00.000Z'],
    ['fall-back, 01–02: the second 01:30 (EST) is inside too', NY, sundayNight(1, 2), '2024-11-03T06:30:00Z', true, '2024-11-03T06:30:00.000Z'],
    ['fall-back, 00–01: the second 01:00 (EST) is outside', NY, sundayNight(0, 1), '2024-11-03T06:00:00Z', false, '2024-11-10T05:00:00.000Z'],
    ['London spring-forward, 01–02 does not exist: next is next Sunday 01:00 BST', 'Europe/London', sundayNight(1, 2), '2024-03-30T23:00:00Z', false, '2024-04-07T00:00:00.000Z'],
    ['London fall-back, 01–02: 01:30 GMT (the second pass) is inside', 'Europe/London', sundayNight(1, 2), '2024-10-27T01:30:00Z', true, '2024-10-27T01:30:00.000Z'],
  ])('%s', (_rule, tz, windows, now, allowed, next) => {
    const p = permission(tz, windows, sydney, now);
    expect([p.allowed, p.nextAllowedAt]).toEqual([allowed, next]);
  });

  it.each([
    ['spring-forward 01–03 ends at 03:00 EDT, one real hour after it began', sundayNight(1, 3), '2024-03-10T06:30:00Z', '2024-03-10T07:00:00.000Z'],
    ['fall-back 01–02 ends at 02:00 EST, two real hours after it began', sundayNight(1, 2), '2024-11-03T05:30:00Z', '2024-11-03T07:00:00.000Z'],
  ])('%s', (_rule, windows, now, until) => {
    expect(allowedUntil({ now: new Date(now), campaignTimezone: NY, callWindows: windows, leadZones: sydney })?.toISOString()).toBe(until);
  });
});

describe('allowedUntil: when the current callable stretch ends', () => {
  it.each<[rule: string, callWindows: CallWindow[], leadZones: string[], now: string, until: string | null]>([
    ['at the window’s end', weekdays9to17, [NY], '2024-06-12T14:00:00Z', '2024-06-12T21:00:00.000Z'],
    ['at 21:00 lead-local when that comes first', allDay, [LA], '2024-06-12T22:00:00Z', '2024-06-13T04:00:00.000Z'],
    ['touching windows count as one stretch', [{ dayOfWeek: 3, startHour: 9, endHour: 12 }, { dayOfWeek: 3, startHour: 12, endHour: 17 }], [NY], '2024-06-12T14:00:00Z', '2024-06-12T21:00:00.000Z'],
    ['null when the lead may not be called now', weekdays9to17, [NY], '2024-06-12T22:00:00Z', null],
  ])('%s', (_rule, callWindows, leadZones, now, until) => {
    expect(allowedUntil({ now: new Date(now), campaignTimezone: NY, callWindows, leadZones })?.toISOString() ?? null).toBe(until);
  });
});

it('a lead with no zone at all is refused rather than treated as always callable', () => {
  expect(() => callPermission({ now: new Date('2024-06-12T14:00:00Z'), campaignTimezone: NY, callWindows: allDay, leadZones: [] })).toThrow(RangeError);
});
