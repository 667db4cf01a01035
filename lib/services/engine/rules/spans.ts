// Stretches of time as half-open [start, end) in epoch milliseconds, and the two operations the
// calling rules need on them. Plain numbers keep the arithmetic exact and cheap.

export interface Span {
  start: number;
  end: number;
}

/** Sorts and joins overlapping or touching spans, so Mon 09–12 and Mon 12–17 read as one span. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/** The time covered by every list at once; each list must already be merged. */
export function intersectSpans(lists: readonly (readonly Span[])[]): Span[] {
  if (lists.length === 0) return [];
  return lists.slice(1).reduce<Span[]>((acc, list) => intersectTwo(acc, list), [...lists[0]]);
}

function intersectTwo(a: readonly Span[], b: readonly Span[]): Span[] {
  const out: Span[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i].start, b[j].start);
    const end = Math.min(a[i].end, b[j].end);
    if (end > start) out.push({ start, end });
    if (a[i].end < b[j].end) i++;
    else j++;
  }
  return out;
}
