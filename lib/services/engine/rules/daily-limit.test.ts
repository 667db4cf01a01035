import { describe, expect, it } from 'vitest';
import { campaignDayBounds } from './daily-limit';

describe('calls per day are counted over the campaign’s local calendar day', () => {
  it.each([
    ['an ordinary New York day', 'America/New_York', '2024-06-12T15:00:00Z', '2024-06-12T04:00:00.000Z', '2024-06-13T04:00:00.000Z', 24],
    ['late evening in New York is still that day, not the UTC one', 'America/New_York', '2024-06-13T03:30:00Z', '2024-06-12T04:00:00.000Z', '2024-06-13T04:00:00.000Z', 24],
    ['New York spring-forward day lasts 23 hours', 'America/New_York', '2024-03-10T15:00:00Z', '2024-03-10T05:00:00.000Z', '2024-03-11T04:00:00.000Z', 23],
    ['New York fall-back day lasts 25 hours', 'America/New_York', '2024-11-03T15:00:00Z', '2024-11-03T04:00:00.000Z', '2024-11-04T05:00:00.000Z', 25],
    ['London spring-forward day lasts 23 hours', 'Europe/London', '2024-03-31T12:00:00Z', '2024-03-31T00:00:00.000Z', '2024-03-31T23:00:00.000Z', 23],
    ['London fall-back day lasts 25 hours', 'Europe/London', '2024-10-27T12:00:00Z', '2024-10-26T23:00:00.000Z', '2024-10-28T00:00:00.000Z', 25],
    ['Sydney spring-forward day lasts 23 hours', 'Australia/Sydney', '2024-10-06T03:00:00Z', '2024-10-05T14:00:00.000Z', '2024-10-06T13:00:00.000Z', 23],
    ['Sydney fall-back day lasts 25 hours', 'Australia/Sydney', '2024-04-07T03:00:00Z', '2024-04-06T13:00:00.000Z', '2024-04-07T14:00:00.000Z', 25],
    ['Sydney morning is already the next day while UTC is still on the previous', 'Australia/Sydney', '2024-06-11T22:00:00Z', '2024-06-11T14:00:00.000Z', '2024-06-12T14:00:00.000Z', 24],
    // Chile springs forward at midnight: the day begins at 01:00.
    ['Santiago’s day starts at 01:00 when midnight is skipped', 'America/Santiago', '2024-09-08T15:00:00Z', '2024-09-08T04:00:00.000Z', '2024-09-09T03:00:00.000Z', 23],
    ['local midnight itself opens the new day', 'America/New_York', '2024-06-12T04:00:00Z', '2024-06-12T04:00:00.000Z', '2024-06-13T04:00:00.000Z', 24],
  ])('%s', (_rule, zone, now, start, end, hoursLong) => {
    const bounds = campaignDayBounds(new Date(now), zone);
    expect([bounds.start.toISOString(), bounds.end.toISOString()]).toEqual([start, end]);
    expect((bounds.end.getTime() - bounds.start.getTime()) / 3_600_000).toBe(hoursLong);
  });

  it('an unknown zone is refused rather than read as UTC', () => {
    expect(() => campaignDayBounds(new Date('2024-06-12T15:00:00Z'), 'Nowhere/Special')).toThrow(RangeError);
  });
});
