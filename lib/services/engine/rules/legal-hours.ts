// Legal calling hours at the lead's end of the line.
import { intersectSpans, type Span } from './spans';
import { wallClockSpans, type HourSpan } from './wall-clock-spans';

/** TCPA (47 CFR 64.1200(c)(1)): no solicitation before 8 a.m. or from 9 p.m. on, the lead's local time. */
export const LEGAL_CALLING_HOURS: HourSpan = { startHour: 8, endHour: 21 };

/** When the lead may lawfully be called: within legal hours in every zone the lead might be in. */
export function legalCallingSpans(leadZones: readonly string[], range: Span): Span[] {
  // An empty list would silently allow every hour; a lead always has at least its campaign's zone.
  if (leadZones.length === 0) throw new RangeError('leadZones must name at least one time zone');
  return intersectSpans(leadZones.map((zone) => wallClockSpans(zone, range, () => [LEGAL_CALLING_HOURS])));
}
