// When every time-based rule allows a call: each rule's local hours in each zone it is read in, turned into
// instants exactly across DST (per stretch of constant UTC offset), intersected, and remembered per UTC day,
// since the claim asks about the same few zone and rule sets for every lead.
import { offsetStretches } from '@/lib/services/engine/rules/offset-stretches';
import { intersectSpans, mergeSpans, type Span } from '@/lib/services/engine/rules/spans';
import type { MinuteSpan } from './types';

export const DAY = 86_400_000;
const MINUTE = 60_000;
/** Spans are computed for this many UTC days from the day of `at`, so the horizon after `at` is at least a day shorter. */
export const SPAN_DAYS = 16;
const MAX_PAIR_CACHE = 20_000;
const MAX_SET_CACHE = 20_000;

/** A time-based rule as the span machinery sees it. */
export interface TimeRule {
  /** Unique per distinct hours function (a rule row id, or 'campaign_window:<zone>:<windows>'). */
  key: string;
  /** Allowed local hours on a local calendar day (days since 1970-01-01 on the wall clock), weekday 0 = Sunday. */
  hoursOn(localDay: number, weekday: number): readonly MinuteSpan[];
}

export interface TimeRulePair {
  rule: TimeRule;
  zone: string;
}

const pairCache = new Map<string, Span[]>();
const setCache = new Map<string, Span[]>();

function remember<T>(cache: Map<string, T>, max: number, key: string, value: T): T {
  if (cache.size >= max) cache.delete(cache.keys().next().value!);
  cache.set(key, value);
  return value;
}

/** The instants in [day, day + SPAN_DAYS) (UTC days) the rule allows in the zone. */
export function pairSpans(pair: TimeRulePair, utcDay: number): Span[] {
  const key = `${pair.rule.key}|${pair.zone}|${utcDay}`;
  const cached = pairCache.get(key);
  if (cached) return cached;
  const range = { start: utcDay * DAY, end: (utcDay + SPAN_DAYS) * DAY };
  const spans: Span[] = [];
  for (const stretch of offsetStretches(pair.zone, range)) {
    const firstDay = Math.floor((stretch.start + stretch.offset) / DAY);
    const lastDay = Math.floor((stretch.end - 1 + stretch.offset) / DAY);
    for (let day = firstDay; day <= lastDay; day++) {
      const localMidnight = day * DAY;
      for (const hours of pair.rule.hoursOn(day, new Date(localMidnight).getUTCDay())) {
        const start = Math.max(stretch.start, localMidnight + hours.start * MINUTE - stretch.offset);
        const end = Math.min(stretch.end, localMidnight + hours.end * MINUTE - stretch.offset);
        if (end > start) spans.push({ start, end });
      }
    }
  }
  return remember(pairCache, MAX_PAIR_CACHE, key, mergeSpans(spans));
}

/** The instants every pair allows, over the same range. */
export function allowedSpans(pairs: readonly TimeRulePair[], utcDay: number): Span[] {
  const key = `${pairs.map((p) => `${p.rule.key}|${p.zone}`).join(' ')}#${utcDay}`;
  const cached = setCache.get(key);
  if (cached) return cached;
  return remember(setCache, MAX_SET_CACHE, key, intersectSpans(pairs.map((p) => pairSpans(p, utcDay))));
}

/** Whether `at` lies in one of the sorted, merged spans. */
export function spansContain(spans: readonly Span[], at: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end <= at) lo = mid + 1;
    else if (spans[mid].start > at) hi = mid - 1;
    else return true;
  }
  return false;
}

/** The spans with the given stretches taken out. */
export function subtractSpans(spans: readonly Span[], cuts: readonly Span[]): Span[] {
  if (cuts.length === 0) return spans as Span[];
  const sortedCuts = mergeSpans(cuts);
  const out: Span[] = [];
  for (const s of spans) {
    let start = s.start;
    for (const c of sortedCuts) {
      if (c.end <= start || c.start >= s.end) continue;
      if (c.start > start) out.push({ start, end: c.start });
      start = Math.max(start, c.end);
      if (start >= s.end) break;
    }
    if (start < s.end) out.push({ start, end: s.end });
  }
  return out;
}

/** The zone's UTC offset (ms to add) at the instant. */
export function offsetAt(zone: string, at: number): number {
  return offsetStretches(zone, { start: at, end: at + 1 })[0].offset;
}
