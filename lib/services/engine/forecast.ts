// When will the campaign finish, and with how many qualified leads? From the pace of the last
// hour, the calls still owed (first calls plus retries) and the hours its windows leave open.
import type { CallWindow } from '@/lib/services/campaigns/config';
import { campaignWindowStatus } from './rules';

export type Forecast = { finishAt: Date | null; expectedQualified: number; pacePerHour: number; remainingCalls: number };

export function forecastCampaign({
  now,
  timezone,
  callWindows,
  callsLastHour,
  remainingCalls,
  successful,
  settledLeads,
  remainingLeads,
}: {
  now: Date;
  timezone: string;
  callWindows: CallWindow[];
  callsLastHour: number;
  remainingCalls: number;
  successful: number;
  settledLeads: number;
  remainingLeads: number;
}): Forecast {
  const qualifiedShare = settledLeads > 0 ? successful / settledLeads : 0;
  const expectedQualified = Math.round(successful + remainingLeads * qualifiedShare);
  if (remainingCalls === 0) return { finishAt: now, expectedQualified, pacePerHour: callsLastHour, remainingCalls };
  if (callsLastHour === 0) return { finishAt: null, expectedQualified, pacePerHour: 0, remainingCalls };

  // Walk forward through open window time until the owed calls are placed at the current pace.
  let hoursNeeded = remainingCalls / callsLastHour;
  let cursor = now;
  const stepMs = 15 * 60_000;
  for (let i = 0; i < 4 * 24 * 60 && hoursNeeded > 0; i++) {
    const w = campaignWindowStatus({ now: cursor, campaignTimezone: timezone, callWindows });
    if (!w.open) {
      if (!w.nextOpenAt) return { finishAt: null, expectedQualified, pacePerHour: callsLastHour, remainingCalls };
      cursor = w.nextOpenAt;
      continue;
    }
    const step = Math.min(stepMs, hoursNeeded * 3_600_000);
    hoursNeeded -= step / 3_600_000;
    cursor = new Date(cursor.getTime() + step);
  }
  return { finishAt: hoursNeeded > 0 ? null : cursor, expectedQualified, pacePerHour: callsLastHour, remainingCalls };
}
