// The campaign's own call windows: when the campaign is open, in its own zone. Whether a lead may be called
// is the compliance check's (lib/services/compliance), which also waits for these windows.
import type { CallWindow } from '@/lib/services/campaigns/config';
import type { Span } from './spans';
import { wallClockSpans, type HourSpan } from './wall-clock-spans';

const DAY = 86_400_000;

/** How far ahead the next open moment is looked for; windows repeat weekly, so two weeks is ample. */
export const CALLABLE_SEARCH_DAYS = 14;

/** The instants in [from, from + days) inside the campaign's windows, in its own zone (two weeks unless told). */
export function campaignWindowSpans(campaignTimezone: string, callWindows: readonly CallWindow[], from: Date, days = CALLABLE_SEARCH_DAYS): Span[] {
  const byWeekday: HourSpan[][] = [[], [], [], [], [], [], []];
  for (const w of callWindows) byWeekday[w.dayOfWeek].push(w);
  return wallClockSpans(campaignTimezone, { start: from.getTime(), end: from.getTime() + days * DAY }, (weekday) => byWeekday[weekday]);
}

/** The campaign's own windows alone (is the campaign open now, and when does it next open). */
export function campaignWindowStatus(input: { now: Date; campaignTimezone: string; callWindows: readonly CallWindow[] }): { open: boolean; nextOpenAt: Date | null } {
  const [first] = campaignWindowSpans(input.campaignTimezone, input.callWindows, input.now);
  if (!first) return { open: false, nextOpenAt: null };
  return { open: first.start === input.now.getTime(), nextOpenAt: new Date(first.start) };
}
