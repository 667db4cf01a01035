import { describe, expect, it } from 'vitest';
import { wallClockSpans, type HourSpan } from './wall-clock-spans';

const ms = (iso: string) => new Date(iso).getTime();
const iso = (t: number) => new Date(t).toISOString().replace(':00.000Z', 'Z');

/** The spans as UTC ISO pairs for the hours open on every weekday, between two instants. */
function spans(zone: string, from: string, to: string, hours: HourSpan[], weekdays = [0, 1, 2, 3, 4, 5, 6]) {
  return wallClockSpans(zone, { start: ms(from), end: ms(to) }, (weekday) => (weekdays.includes(weekday) ? hours : [])).map(
    (s) => [iso(s.start), iso(s.end)],
  );
}

describe('wall-clock hours become real instants', () => {
  it.each([
    // zone, local day (as a UTC range that covers it), hours, expected UTC spans
    ['an ordinary New York day, 09–17 EDT', 'America/New_York', '2024-06-12T04:00Z', '2024-06-13T04:00Z', [9, 17], [['2024-06-12T13:00Z', '2024-06-12T21:00Z']]],
    ['a half-hour zone keeps its half hour', 'Asia/Kolkata', '2024-06-11T18:30Z', '2024-06-12T18:30Z', [8, 21], [['2024-06-12T02:30Z', '2024-06-12T15:30Z']]],
    ['New York spring-forward: 01–03 lasts one real hour', 'America/New_York', '2024-03-10T05:00Z', '2024-03-11T04:00Z', [1, 3], [['2024-03-10T06:00Z', '2024-03-10T07:00Z']]],
    ['New York spring-forward: 02–03 never happens', 'America/New_York', '2024-03-10T05:00Z', '2024-03-11T04:00Z', [2, 3], []],
    ['New York spring-forward: 03–05 starts at 03:00 EDT', 'America/New_York', '2024-03-10T05:00Z', '2024-03-11T04:00Z', [3, 5], [['2024-03-10T07:00Z', '2024-03-10T09:00Z']]],
    ['New York spring-forward: the whole day is 23 hours', 'America/New_York', '2024-03-10T05:00Z', '2024-03-11T04:00Z', [0, 24], [['2024-03-10T05:00Z', '2024-03-11T04:00Z']]],
    ['New York fall-back: 01–02 counts both passes of 01:xx', 'America/New_York', '2024-11-03T04:00Z', '2024-11-04T05:00Z', [1, 2], [['2024-11-03T05:00Z', '2024-11-03T07:00Z']]],
    ['New York fall-back: 00–01 ends at the first 01:00', 'America/New_York', '2024-11-03T04:00Z', '2024-11-04T05:00Z', [0, 1], [['2024-11-03T04:00Z', '2024-11-03T05:00Z']]],
    ['New York fall-back: 01–03 lasts three real hours', 'America/New_York', '2024-11-03T04:00Z', '2024-11-04T05:00Z', [1, 3], [['2024-11-03T05:00Z', '2024-11-03T08:00Z']]],
    ['New York fall-back: the whole day is 25 hours', 'America/New_York', '2024-11-03T04:00Z', '2024-11-04T05:00Z', [0, 24], [['2024-11-03T04:00Z', '2024-11-04T05:00Z']]],
    ['London spring-forward: 01–02 never happens', 'Europe/London', '2024-03-31T00:00Z', '2024-03-31T23:00Z', [1, 2], []],
    ['London spring-forward: 00–02 lasts one real hour', 'Europe/London', '2024-03-31T00:00Z', '2024-03-31T23:00Z', [0, 2], [['2024-03-31T00:00Z', '2024-03-31T01:00Z']]],
    ['London fall-back: 01–02 lasts two real hours', 'Europe/London', '2024-10-26T23:00Z', '2024-10-28T00:00Z', [1, 2], [['2024-10-27T00:00Z', '2024-10-27T02:00Z']]],
    ['Sydney spring-forward: 02–03 never happens', 'Australia/Sydney', '2024-10-05T14:00Z', '2024-10-06T13:00Z', [2, 3], []],
    ['Sydney spring-forward: 01–04 lasts two real hours', 'Australia/Sydney', '2024-10-05T14:00Z', '2024-10-06T13:00Z', [1, 4], [['2024-10-05T15:00Z', '2024-10-05T17:00Z']]],
    ['Sydney fall-back: 02–03 lasts two real hours', 'Australia/Sydney', '2024-04-06T13:00Z', '2024-04-07T14:00Z', [2, 3], [['2024-04-06T15:00Z', '2024-04-06T17:00Z']]],
    ['Sydney fall-back: 09–17 AEST', 'Australia/Sydney', '2024-04-06T13:00Z', '2024-04-07T14:00Z', [9, 17], [['2024-04-06T23:00Z', '2024-04-07T07:00Z']]],
  ] as const)('%s', (_rule, zone, from, to, [startHour, endHour], expected) => {
    expect(spans(zone, from, to, [{ startHour, endHour }])).toEqual(expected);
  });

  it('only the open weekdays get spans (Monday only, over a whole week)', () => {
    expect(spans('America/New_York', '2024-06-09T04:00Z', '2024-06-16T04:00Z', [{ startHour: 9, endHour: 17 }], [1])).toEqual([
      ['2024-06-10T13:00Z', '2024-06-10T21:00Z'],
    ]);
  });

  it('a span ending at 24 joins the next day’s span starting at 0', () => {
    const hours = (weekday: number) => (weekday === 6 ? [{ startHour: 22, endHour: 24 }] : weekday === 0 ? [{ startHour: 0, endHour: 2 }] : []);
    const got = wallClockSpans('Europe/London', { start: ms('2024-06-15T00:00Z'), end: ms('2024-06-17T00:00Z') }, hours);
    expect(got.map((s) => [iso(s.start), iso(s.end)])).toEqual([['2024-06-15T21:00Z', '2024-06-16T01:00Z']]);
  });

  it('spans are cut to the range asked for', () => {
    expect(spans('America/New_York', '2024-06-12T15:30Z', '2024-06-12T18:00Z', [{ startHour: 9, endHour: 17 }])).toEqual([
      ['2024-06-12T15:30Z', '2024-06-12T18:00Z'],
    ]);
  });

  it('an unknown zone is refused rather than read as UTC', () => {
    expect(() => spans('Mars/Olympus_Mons', '2024-06-12T00:00Z', '2024-06-13T00:00Z', [{ startHour: 9, endHour: 17 }])).toThrow(RangeError);
  });
});
