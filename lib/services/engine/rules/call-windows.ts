// Whether a lead may be called now: inside the campaign's call windows and the lead's legal hours.
import type { CallWindow } from '@/lib/services/campaigns/config';
import { legalCallingSpans } from './legal-hours';
import { intersectSpans, type Span } from './spans';
import { wallClockSpans, type HourSpan } from './wall-clock-spans';

const DAY = 86_400_000;

/** How far ahead the next callable moment is looked for; windows repeat weekly, so two weeks is ample. */
export const CALLABLE_SEARCH_DAYS = 14;

export interface CallingHours {
  campaignTimezone: string;
  callWindows: readonly CallWindow[];
  /** Every zone the lead might be in (see resolveLeadTimeZones); all of them must allow the call. */
  leadZones: readonly string[];
}

export type CallPermission =
  | { allowed: true; nextAllowedAt: Date }
  | {
      allowed: false;
      reason: 'outside_campaign_window' | 'outside_lead_legal_hours';
      /** The earliest callable moment within CALLABLE_SEARCH_DAYS; null when the hours never meet. */
      nextAllowedAt: Date | null;
    };

/** The instants in [from, from + CALLABLE_SEARCH_DAYS) inside the campaign's windows, in its own zone. */
export function campaignWindowSpans(campaignTimezone: string, callWindows: readonly CallWindow[], from: Date): Span[] {
  const byWeekday: HourSpan[][] = [[], [], [], [], [], [], []];
  for (const w of callWindows) byWeekday[w.dayOfWeek].push(w);
  return wallClockSpans(campaignTimezone, searchRange(from), (weekday) => byWeekday[weekday]);
}

/** The instants in [from, from + CALLABLE_SEARCH_DAYS) when the lead may be called. */
export function callableSpans(hours: CallingHours & { from: Date }): Span[] {
  return intersectSpans([
    campaignWindowSpans(hours.campaignTimezone, hours.callWindows, hours.from),
    legalCallingSpans(hours.leadZones, searchRange(hours.from)),
  ]);
}

export function callPermission(input: CallingHours & { now: Date }): CallPermission {
  const now = input.now.getTime();
  const campaign = campaignWindowSpans(input.campaignTimezone, input.callWindows, input.now);
  const callable = intersectSpans([campaign, legalCallingSpans(input.leadZones, searchRange(input.now))]);
  // Spans are cut at `now`, so the one containing `now` starts exactly there.
  if (callable[0]?.start === now) return { allowed: true, nextAllowedAt: new Date(now) };
  return {
    allowed: false,
    reason: campaign[0]?.start === now ? 'outside_lead_legal_hours' : 'outside_campaign_window',
    nextAllowedAt: callable.length > 0 ? new Date(callable[0].start) : null,
  };
}

/** When the current callable stretch ends (a call still ringing then should wrap up); null if not callable now. */
export function allowedUntil(input: CallingHours & { now: Date }): Date | null {
  const [first] = callableSpans({ ...input, from: input.now });
  return first?.start === input.now.getTime() ? new Date(first.end) : null;
}

function searchRange(from: Date): Span {
  return { start: from.getTime(), end: from.getTime() + CALLABLE_SEARCH_DAYS * DAY };
}

/** The campaign's own windows alone (is the campaign open now, and when does it next open). */
export function campaignWindowStatus(input: { now: Date; campaignTimezone: string; callWindows: readonly CallWindow[] }): { open: boolean; nextOpenAt: Date | null } {
  const [first] = campaignWindowSpans(input.campaignTimezone, input.callWindows, input.now);
  if (!first) return { open: false, nextOpenAt: null };
  return { open: first.start === input.now.getTime(), nextOpenAt: new Date(first.start) };
}
