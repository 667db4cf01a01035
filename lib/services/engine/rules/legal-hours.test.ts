import { describe, expect, it } from 'vitest';
import { legalCallingSpans } from './legal-hours';

const day = (from: string, to: string) => ({ start: Date.parse(from), end: Date.parse(to) });
const iso = (t: number) => new Date(t).toISOString();

describe('legal calling hours are 08:00 to 21:00 where the lead is', () => {
  const june12 = day('2024-06-12T06:00:00Z', '2024-06-13T06:00:00Z');
  const january10 = day('2024-01-10T00:00:00Z', '2024-01-11T00:00:00Z');
  it.each([
    ['Los Angeles in summer: 15:00–04:00 UTC', ['America/Los_Angeles'], june12, [['2024-06-12T15:00:00.000Z', '2024-06-13T04:00:00.000Z']]],
    ['London in winter: 08:00–21:00 UTC', ['Europe/London'], january10, [['2024-01-10T08:00:00.000Z', '2024-01-10T21:00:00.000Z']]],
    ['Mountain and Central together: from Mountain’s 08:00 to Central’s 21:00', ['America/Denver', 'America/Chicago'], june12, [['2024-06-12T14:00:00.000Z', '2024-06-13T02:00:00.000Z']]],
    ['London, Shanghai and Los Angeles, 8 hours apart each, share no legal hour', ['Europe/London', 'Asia/Shanghai', 'America/Los_Angeles'], january10, []],
  ])('%s', (_rule, zones, range, expected) => {
    expect(legalCallingSpans(zones, range).map((s) => [iso(s.start), iso(s.end)])).toEqual(expected);
  });

  it('a lead with no zone is refused rather than treated as always callable', () => {
    expect(() => legalCallingSpans([], day('2024-06-12T00:00:00Z', '2024-06-13T00:00:00Z'))).toThrow(RangeError);
  });
});
