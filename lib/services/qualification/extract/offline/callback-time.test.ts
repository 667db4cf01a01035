import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { resolveCallbackTime } from './callback-time';

// Tuesday 11 March 2025, 10:00 in New York.
const now = new Date('2025-03-11T14:00:00Z');
const zone = 'America/New_York';
const local = (phrase: string) => {
  const at = resolveCallbackTime(phrase, now, zone);
  return at ? DateTime.fromJSDate(at, { zone }).toFormat("yyyy-MM-dd'T'HH:mm") : null;
};

describe('callback times resolve in the lead’s zone', () => {
  it.each([
    ['call me back Thursday at 3', '2025-03-13T15:00'],
    ['Thursday at 3pm', '2025-03-13T15:00'],
    ['Thursday at 3 am', '2025-03-13T03:00'],
    ['tomorrow morning', '2025-03-12T09:00'],
    ['in an hour', '2025-03-11T11:00'],
    ['in twenty minutes', '2025-03-11T10:20'],
    ['in half an hour', '2025-03-11T10:30'],
    ['Friday at 10', '2025-03-14T10:00'],
    ['after lunch, like half past two', '2025-03-11T14:30'],
    ['two thirty', null],
    ['at two thirty', '2025-03-11T14:30'],
    ['next week', '2025-03-17T10:00'],
    ['Monday afternoon', '2025-03-17T14:00'],
    ['at 4:30 today', '2025-03-11T16:30'],
    ['on the 20th at 11', '2025-03-20T11:00'],
    ['Wednesday around noon', '2025-03-12T12:00'],
    ['at 9, first thing', '2025-03-12T09:00'],
    ['tomorrow at 2', '2025-03-12T14:00'],
    ['this afternoon', '2025-03-11T14:00'],
    ['Tuesday', '2025-03-18T10:00'],
    ['next week Wednesday at 11am', '2025-03-19T11:00'],
    ['March 20th at 4', '2025-03-20T16:00'],
    ['later', null],
    ['we have 20 reps', null],
  ])('%s → %s', (phrase, expected) => {
    expect(local(phrase)).toBe(expected);
  });

  it('uses the lead’s zone, not the server’s', () => {
    const at = resolveCallbackTime('tomorrow at 9', now, 'Europe/London');
    expect(at?.toISOString()).toBe('2025-03-12T09:00:00.000Z');
  });
});
