// When will the campaign finish, and with how many qualified leads? From the recent pace, the
// calls still owed (first calls plus retries) and the hours its windows leave open.
import type { CallWindow } from '@/lib/services/campaigns/config';
import { campaignWindowStatus } from './rules';

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

  // Walk forward through open window time until the owed calls are placed at the current pace.
  let hoursNeeded = remainingCalls / pace;
  let cursor = now;
  const stepMs = 15 * 60_000;
  for (let i = 0; i < 4 * 24 * 60 && hoursNeeded > 0; i++) {
    const w = campaignWindowStatus({ now: cursor, campaignTimezone: timezone, callWindows });
    if (!w.open) {
      if (!w.nextOpenAt) return result(null);
      cursor = w.nextOpenAt;
      continue;
    }
    const step = Math.min(stepMs, hoursNeeded * 3_600_000);
    hoursNeeded -= step / 3_600_000;
    cursor = new Date(cursor.getTime() + step);
  }
  return result(hoursNeeded > 0 ? null : cursor);
}
