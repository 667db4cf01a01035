import { describe, expect, it } from 'vitest';
import { isValidTimeZone } from '@/lib/time-zones';
import { readZoneLabel } from './zone-labels';

const read = (label: string) => readZoneLabel(label, isValidTimeZone);

describe('zone labels from CRMs', () => {
  it.each([
    ['MST', ['America/Denver', 'America/Phoenix']],
    ['mst', ['America/Denver', 'America/Phoenix']],
    ['Mountain', ['America/Denver', 'America/Phoenix']],
    ['Mountain Standard Time', ['America/Denver', 'America/Phoenix']],
    ['Mountain Time (US)', ['America/Denver', 'America/Phoenix']],
    ['MT', ['America/Denver', 'America/Phoenix']],
    ['Mountain Time (US & Canada)', ['America/Denver', 'America/Phoenix']],
  ])('%s may mean Denver or Phoenix (Arizona keeps MST all year): both', (label, zones) => {
    expect(read(label)).toEqual({ kind: 'zones', zones });
  });

  it.each([
    ['MDT', ['America/Denver']],
    ['Arizona', ['America/Phoenix']],
    ['EST', ['America/New_York']],
    ['Eastern', ['America/New_York']],
    ['Eastern Time (US & Canada)', ['America/New_York']],
    ['Pacific Time (US & Canada)', ['America/Los_Angeles']],
    ['US/Eastern', ['US/Eastern']],
    ['Central Standard Time', ['America/Chicago']],
    ['CDT', ['America/Chicago']],
    ['Pacific Time', ['America/Los_Angeles']],
    ['pst', ['America/Los_Angeles']],
    ['Alaska', ['America/Anchorage']],
    ['HST', ['Pacific/Honolulu']],
    ['Hawaii-Aleutian', ['Pacific/Honolulu', 'America/Adak']],
    ['AST', ['America/Halifax', 'America/Puerto_Rico']],
    ['Atlantic', ['America/Halifax', 'America/Puerto_Rico']],
    ['Newfoundland', ['America/St_Johns']],
    ['Saskatchewan', ['America/Regina']],
    ['America/Chicago', ['America/Chicago']],
    ['Europe/London', ['Europe/London']],
  ])('%s → %j', (label, zones) => {
    expect(read(label)).toEqual({ kind: 'zones', zones });
  });

  it.each(['UTC', 'utc', 'GMT', 'Etc/UTC', 'Etc/GMT', 'Z', 'Zulu', 'Universal', 'UTC+0', 'GMT+0'])('%s is flagged as UTC (for a NANP lead, ignored by the caller)', (label) => {
    expect(read(label)).toEqual({ kind: 'utc' });
  });

  it.each(['', '   ', 'Mars/Olympus', 'Lunar Standard Time', 'XYZ'])('"%s" is not understood', (label) => {
    expect(read(label)).toEqual({ kind: 'unknown' });
  });
});
