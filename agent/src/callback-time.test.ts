import { describe, expect, it } from 'vitest';
import { parseCallbackTime } from './callback-time';

// Tuesday 3 June 2025, 14:05 in New York (EDT, UTC-4).
const now = new Date('2025-06-03T18:05:00Z');
const at = (when: string, timeZone = 'America/New_York') => {
  const parsed = parseCallbackTime(when, { now, timeZone });
  return parsed.ok ? parsed.at.toISOString() : parsed.reason;
};

// The conventions are the app's scorer's (shared/callback-time.ts): morning 09:00, afternoon 14:00,
// evening 17:00, a day alone 10:00, an hour 1–7 without am/pm in the afternoon.
describe('a callback time is read in the lead\'s own zone', () => {
  it.each([
    ['2025-06-04T15:00:00Z', '2025-06-04T15:00:00.000Z'],
    ['2025-06-04T15:00:00+02:00', '2025-06-04T13:00:00.000Z'],
    ['2025-06-04T15:00', '2025-06-04T19:00:00.000Z'],
    ['2025-06-04', '2025-06-04T14:00:00.000Z'],
    ['in 30 minutes', '2025-06-03T18:35:00.000Z'],
    ['in an hour', '2025-06-03T19:05:00.000Z'],
    ['in a couple of days', '2025-06-05T18:05:00.000Z'],
    ['in 2 weeks', '2025-06-17T18:05:00.000Z'],
    ['tomorrow', '2025-06-04T14:00:00.000Z'],
    ['tomorrow at 9', '2025-06-04T13:00:00.000Z'],
    ['tomorrow at 3', '2025-06-04T19:00:00.000Z'],
    ['Tomorrow at 3:30 PM', '2025-06-04T19:30:00.000Z'],
    ['tomorrow afternoon', '2025-06-04T18:00:00.000Z'],
    ['day after tomorrow at noon', '2025-06-05T16:00:00.000Z'],
    ['this evening', '2025-06-03T21:00:00.000Z'],
    ['tomorrow morning', '2025-06-04T13:00:00.000Z'],
    ['call me on the 3rd', '2025-07-03T14:00:00.000Z'],
    ['make it 11 on Friday', '2025-06-06T15:00:00.000Z'],
    ['thursday at three', '2025-06-05T19:00:00.000Z'],
    ['at 4pm', '2025-06-03T20:00:00.000Z'],
    ['10am', '2025-06-04T14:00:00.000Z'],
    ['16:30', '2025-06-03T20:30:00.000Z'],
    ['Friday', '2025-06-06T14:00:00.000Z'],
    ['next Monday at 11am', '2025-06-09T15:00:00.000Z'],
    ['Tuesday', '2025-06-10T14:00:00.000Z'],
    ['next week', '2025-06-09T14:00:00.000Z'],
  ])('"%s" → %s', (when, expected) => {
    expect(at(when)).toBe(expected);
  });

  it('uses the zone it is given: in Tokyo it is already Wednesday, so tomorrow is Thursday', () => {
    expect(at('tomorrow at 10am', 'Asia/Tokyo')).toBe('2025-06-05T01:00:00.000Z');
  });

  it.each(['whenever', 'after the holidays', 'right now', ''])('"%s" names no time', (when) => {
    expect(at(when)).toBe('unrecognised');
  });

  it.each(['2025-06-03T09:00', 'today at 9am', '2024-01-01'])('"%s" is in the past', (when) => {
    expect(at(when)).toBe('past');
  });

  it('lands an hour later when the wall time falls in a spring-forward gap', () => {
    const parsed = parseCallbackTime('2026-03-08T02:30', { now, timeZone: 'America/New_York' });
    expect(parsed.ok && parsed.at.toISOString()).toBe('2026-03-08T07:30:00.000Z');
  });
});
