import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { FORECAST_HORIZON_DAYS, forecastCampaign, pacePerHour } from './forecast';

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

describe('forecast over many weeks', () => {
  // The finish found by walking minute by minute through New York's weekdays 09:00–17:00: what the span-at-a-time
  // forecast must give, to the minute.
  function walkedFinish(from: Date, openMinutesNeeded: number): Date | null {
    let counted = 0;
    let open = false;
    for (let t = from.getTime(); t < from.getTime() + FORECAST_HORIZON_DAYS * 86_400_000; t += 60_000) {
      // New York's offset is whole hours and changes on a UTC hour: read the local time once an hour.
      if (t === from.getTime() || t % 3_600_000 === 0) {
        const local = DateTime.fromMillis(t, { zone: 'America/New_York' });
        open = local.weekday <= 5 && local.hour >= 9 && local.hour < 17;
      }
      if (open) counted++;
      if (counted === openMinutesNeeded) return new Date(t + 60_000);
    }
    return null;
  }
  const base = { timezone: 'America/New_York', callWindows: weekdays9to17, successful: 0, calledLeads: 0, remainingLeads: 0 };

  it.each([
    ['2026-06-17T15:00:00Z', 60, 30 * 60], // 30 h from Wednesday 11:00 New York: Monday next week at 17:00
    ['2026-06-20T03:07:00Z', 7, 1_500], // from a Saturday night, an uneven pace: about 5 weeks of open hours
    ['2026-03-06T20:00:00Z', 10, 1_000], // across the start of daylight saving time (8 March)
    ['2026-10-30T13:31:00Z', 1, 200], // across its end (1 November)
  ])('from %s at %f calls an hour, %i calls owed: the same finish as a walk minute by minute', (from, pace, remainingCalls) => {
    const now = new Date(from);
    const forecast = forecastCampaign({ ...base, now, pace, remainingCalls });
    const walked = walkedFinish(now, Math.ceil((remainingCalls / pace) * 60));
    expect(walked).not.toBeNull();
    // The walk counts whole minutes; the forecast may finish inside the last one.
    expect(forecast.finishAt!.getTime()).toBeGreaterThan(walked!.getTime() - 60_000);
    expect(forecast.finishAt!.getTime()).toBeLessThanOrEqual(walked!.getTime());
  });

  it(`has no finish time when the calls owed need more than ${FORECAST_HORIZON_DAYS} days of windows`, () => {
    // 900,000 calls at 100 an hour: 9,000 open hours, years of weekdays.
    expect(forecastCampaign({ ...base, now, pace: 100, remainingCalls: 900_000 }).finishAt).toBeNull();
  });
});
