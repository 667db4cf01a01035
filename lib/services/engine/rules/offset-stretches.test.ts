import { describe, expect, it } from 'vitest';
import { offsetStretches } from './offset-stretches';

const HOUR = 3_600_000;
const stretches = (zone: string, from: string, to: string) =>
  offsetStretches(zone, { start: Date.parse(from), end: Date.parse(to) }).map((s) => ({
    from: new Date(s.start).toISOString(),
    to: new Date(s.end).toISOString(),
    offsetHours: s.offset / HOUR,
  }));

describe('a zone’s offset changes exactly at its DST change', () => {
  it.each([
    ['New York springs forward at 07:00 UTC', 'America/New_York', '2024-03-10T00:00:00Z', '2024-03-11T00:00:00Z', '2024-03-10T07:00:00.000Z', -5, -4],
    ['New York falls back at 06:00 UTC', 'America/New_York', '2024-11-03T00:00:00Z', '2024-11-04T00:00:00Z', '2024-11-03T06:00:00.000Z', -4, -5],
    ['London springs forward at 01:00 UTC', 'Europe/London', '2024-03-31T00:00:00Z', '2024-04-01T00:00:00Z', '2024-03-31T01:00:00.000Z', 0, 1],
    ['London falls back at 01:00 UTC', 'Europe/London', '2024-10-27T00:00:00Z', '2024-10-28T00:00:00Z', '2024-10-27T01:00:00.000Z', 1, 0],
    ['Sydney springs forward at 16:00 UTC the day before', 'Australia/Sydney', '2024-10-05T00:00:00Z', '2024-10-06T12:00:00Z', '2024-10-05T16:00:00.000Z', 10, 11],
    ['Sydney falls back at 16:00 UTC the day before', 'Australia/Sydney', '2024-04-06T00:00:00Z', '2024-04-07T12:00:00Z', '2024-04-06T16:00:00.000Z', 11, 10],
    ['Lord Howe moves only half an hour', 'Australia/Lord_Howe', '2024-10-05T00:00:00Z', '2024-10-06T12:00:00Z', '2024-10-05T15:30:00.000Z', 10.5, 11],
  ])('%s', (_rule, zone, from, to, change, before, after) => {
    expect(stretches(zone, from, to)).toEqual([
      { from: new Date(from).toISOString(), to: change, offsetHours: before },
      { from: change, to: new Date(to).toISOString(), offsetHours: after },
    ]);
  });

  it('a fortnight without a change is one stretch, however many days it spans', () => {
    expect(stretches('America/New_York', '2024-06-01T10:30:00Z', '2024-06-15T10:30:00Z')).toEqual([
      { from: '2024-06-01T10:30:00.000Z', to: '2024-06-15T10:30:00.000Z', offsetHours: -4 },
    ]);
  });

  it('a zone without DST never changes', () => {
    expect(stretches('Asia/Tokyo', '2024-01-01T00:00:00Z', '2025-01-01T00:00:00Z')).toHaveLength(1);
  });

  it('an unknown zone is refused rather than read as UTC', () => {
    expect(() => stretches('Etc/Unknown', '2024-01-01T00:00:00Z', '2024-01-02T00:00:00Z')).toThrow(RangeError);
  });
});
