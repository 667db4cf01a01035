// Where a time zone's UTC offset stays constant: the stretches between its DST (or other) changes.
// Asking Intl for an offset costs microseconds and the dialer asks about the same zones and days
// for every lead on every tick, so each zone's UTC days are worked out once and remembered.
import { IANAZone } from 'luxon';
import type { Span } from './spans';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
// Real zones never change offset twice within half a day, so probing at noon and midnight finds every change.
const PROBE_STEP = DAY / 2;
const MAX_REMEMBERED_DAYS = 20_000;

export interface OffsetStretch extends Span {
  /** Milliseconds to add to an instant to read the zone's wall clock. */
  offset: number;
}

const rememberedDays = new Map<string, OffsetStretch[]>();

/** The stretches of constant offset covering `range`, in order; unknown zones are refused, not read as UTC. */
export function offsetStretches(zone: string, range: Span): OffsetStretch[] {
  const out: OffsetStretch[] = [];
  for (let day = Math.floor(range.start / DAY); day * DAY < range.end; day++) {
    for (const s of utcDayStretches(zone, day)) {
      const start = Math.max(s.start, range.start);
      const end = Math.min(s.end, range.end);
      if (end <= start) continue;
      const last = out.at(-1);
      if (last && last.offset === s.offset && last.end === start) last.end = end;
      else out.push({ start, end, offset: s.offset });
    }
  }
  return out;
}

function utcDayStretches(zone: string, day: number): OffsetStretch[] {
  const key = `${zone} ${day}`;
  let stretches = rememberedDays.get(key);
  if (!stretches) {
    stretches = findStretches(zone, { start: day * DAY, end: (day + 1) * DAY });
    if (rememberedDays.size >= MAX_REMEMBERED_DAYS) rememberedDays.delete(rememberedDays.keys().next().value!);
    rememberedDays.set(key, stretches);
  }
  return stretches;
}

function findStretches(zone: string, range: Span): OffsetStretch[] {
  const tz = IANAZone.create(zone);
  if (!tz.isValid) throw new RangeError(`Unknown time zone: ${zone}`);
  const offsetAt = (instant: number) => tz.offset(instant) * MINUTE;

  const stretches: OffsetStretch[] = [];
  let stretchStart = range.start;
  let offset = offsetAt(range.start);
  let probe = range.start;
  while (probe < range.end) {
    const next = Math.min(probe + PROBE_STEP, range.end);
    if (offsetAt(next) === offset) {
      probe = next;
      continue;
    }
    // Binary search for the first millisecond on the new offset.
    let before = probe;
    let after = next;
    while (after - before > 1) {
      const mid = Math.floor((before + after) / 2);
      if (offsetAt(mid) === offset) before = mid;
      else after = mid;
    }
    stretches.push({ start: stretchStart, end: after, offset });
    stretchStart = after;
    offset = offsetAt(after);
    probe = after;
  }
  if (range.end > stretchStart) stretches.push({ start: stretchStart, end: range.end, offset });
  return stretches;
}
