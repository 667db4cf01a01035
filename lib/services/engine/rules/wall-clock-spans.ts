// Turns "these hours on the wall clock of this zone" into real instants, exactly across DST.
// Luxon alone resolves a repeated local hour (fall-back) to one of its two instants, and which
// one depends on the zone's sign; here each stretch of constant UTC offset is handled on its own,
// so a repeated hour counts twice and a skipped hour not at all, as the wall clock says.
import { offsetStretches } from './offset-stretches';
import { mergeSpans, type Span } from './spans';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Whole local hours on one day; endHour is exclusive and 24 means the midnight that ends the day. */
export interface HourSpan {
  startHour: number;
  endHour: number;
}

/** The hours open on a local weekday, 0 = Sunday … 6 = Saturday. */
export type HoursOnWeekday = (weekday: number) => readonly HourSpan[];

/** The instants in `range` whose wall-clock time in `zone` falls inside the hours open on that local day. */
export function wallClockSpans(zone: string, range: Span, hoursOn: HoursOnWeekday): Span[] {
  const spans: Span[] = [];
  for (const stretch of offsetStretches(zone, range)) {
    // Within a stretch, wall-clock time is simply the instant plus the offset.
    const firstDay = Math.floor((stretch.start + stretch.offset) / DAY);
    const lastDay = Math.floor((stretch.end - 1 + stretch.offset) / DAY);
    for (let day = firstDay; day <= lastDay; day++) {
      const localMidnight = day * DAY;
      for (const hours of hoursOn(new Date(localMidnight).getUTCDay())) {
        const start = Math.max(stretch.start, localMidnight + hours.startHour * HOUR - stretch.offset);
        const end = Math.min(stretch.end, localMidnight + hours.endHour * HOUR - stretch.offset);
        if (end > start) spans.push({ start, end });
      }
    }
  }
  return mergeSpans(spans);
}
