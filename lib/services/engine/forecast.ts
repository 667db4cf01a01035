// When will the campaign finish, and with how many qualified leads? From the recent pace, the
// calls still owed (first calls plus retries) and the hours its windows leave open.
import type { CallWindow } from '@/lib/services/campaigns/config';
import { CALLABLE_SEARCH_DAYS, campaignWindowSpans } from './rules';

const DAY_MS = 86_400_000;
/** A finish further out than this is no forecast at all (null): the pace will have changed long before. */
export const FORECAST_HORIZON_DAYS = 60;

export type Forecast = { finishAt: Date | null; expectedQualified: number; pacePerHour: number; remainingCalls: number };

/** Calls per hour over the last hour, or over the time since the first of them when that is shorter (at least 5 min). */
export function pacePerHour({ callsLastHour, firstCallInHourAt, now }: { callsLastHour: number; firstCallInHourAt: Date | null; now: Date }): number {
  if (callsLastHour === 0 || !firstCallInHourAt) return 0;
  const elapsedMs = Math.min(3_600_000, Math.max(5 * 60_000, now.getTime() - firstCallInHourAt.getTime()));
  return Math.round((callsLastHour / (elapsedMs / 3_600_000)) * 10) / 10;
}

export function forecastCampaign({
  now,
  timezone,
  callWindows,
  pace,
  remainingCalls,
  successful,
  calledLeads,
  remainingLeads,
}: {
  now: Date;
  timezone: string;
  callWindows: CallWindow[];
  pace: number;
  remainingCalls: number;
  successful: number;
  calledLeads: number;
  remainingLeads: number;
}): Forecast {
  // Waiting leads qualify at the rate seen so far per lead called — not per lead settled, which
  // early on is a handful of quick outcomes and wildly optimistic.
  const qualifiedShare = calledLeads > 0 ? successful / calledLeads : 0;
  const expectedQualified = Math.round(successful + remainingLeads * qualifiedShare);
  const result = (finishAt: Date | null): Forecast => ({ finishAt, expectedQualified, pacePerHour: pace, remainingCalls });
  if (remainingCalls === 0) return result(now);
  if (pace === 0) return result(null);

  // Spend the owed hours on the windows' open spans, a span at a time: the cost is the number of spans before the
  // finish, not the hours (a 15-minute walk took 5,760 steps, ~200 ms per poll, for a slow pace on a large campaign).
  let msNeeded = (remainingCalls / pace) * 3_600_000;
  const horizon = now.getTime() + FORECAST_HORIZON_DAYS * DAY_MS;
  // The first day on its own (most finishes fall in it), then two weeks at a time.
  for (let from = now.getTime(), days = 1; from < horizon; from += days * DAY_MS, days = CALLABLE_SEARCH_DAYS) {
    const chunkEnd = Math.min(from + days * DAY_MS, horizon);
    for (const span of campaignWindowSpans(timezone, callWindows, new Date(from), days)) {
      const start = Math.max(span.start, from);
      const end = Math.min(span.end, chunkEnd);
      if (end <= start) continue;
      if (msNeeded <= end - start) return result(new Date(start + msNeeded));
      msNeeded -= end - start;
    }
  }
  return result(null);
}
