import { describe, expect, it } from 'vitest';
import { forecastCampaign, pacePerHour } from './forecast';

const weekdays9to17 = [1, 2, 3, 4, 5].map((dayOfWeek) => ({ dayOfWeek, startHour: 9, endHour: 17 }));
const now = new Date('2026-06-17T15:00:00Z'); // Wednesday 11:00 in New York

describe('pace', () => {
  it.each([
    [10, '2026-06-17T14:59:50Z', 120], // ten calls in ten seconds: measured over at least five minutes
    [30, '2026-06-17T14:30:00Z', 60],
    [60, '2026-06-17T14:00:00Z', 60],
    [0, null, 0],
  ])('%i calls since %s → %f per hour', (calls, first, expected) => {
    expect(pacePerHour({ callsLastHour: calls, firstCallInHourAt: first ? new Date(first) : null, now })).toBe(expected);
  });
});

describe('forecast', () => {
  const base = { now, timezone: 'America/New_York', callWindows: weekdays9to17, successful: 1, calledLeads: 10, remainingLeads: 40 };

  it('expects waiting leads to qualify at the rate seen per lead called', () => {
    expect(forecastCampaign({ ...base, pace: 60, remainingCalls: 40 }).expectedQualified).toBe(5);
  });

  it('finishes within the day when the pace covers the calls owed', () => {
    expect(forecastCampaign({ ...base, pace: 60, remainingCalls: 120 }).finishAt?.toISOString()).toBe('2026-06-17T17:00:00.000Z');
  });

  it('carries the calls that do not fit today into the next window', () => {
    // 6 open hours today (11:00–17:00), 2 more on Thursday from 09:00.
    expect(forecastCampaign({ ...base, pace: 10, remainingCalls: 80 }).finishAt?.toISOString()).toBe('2026-06-18T15:00:00.000Z');
  });

  it('has no finish time without a pace, and finishes now with nothing owed', () => {
    expect(forecastCampaign({ ...base, pace: 0, remainingCalls: 5 }).finishAt).toBeNull();
    expect(forecastCampaign({ ...base, pace: 0, remainingCalls: 0 }).finishAt).toEqual(now);
  });
});
