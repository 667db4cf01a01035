import { describe, expect, it } from 'vitest';
import { chooseLeadTimeZones, resolveLeadTimeZones } from './lead-time-zones';

const NY = 'America/New_York';
const SOUTH_DAKOTA = ['America/Denver', 'America/North_Dakota/Center'];

describe('a lead’s zones: its own, else its number’s, else the campaign’s', () => {
  it.each<[string, string | null | undefined, string[], string, string[]]>([
    ['the lead’s own valid zone wins over its number', 'Europe/Paris', [NY], 'UTC', ['Europe/Paris']],
    ['an own zone that is not IANA is ignored', 'Eastern', [NY], 'UTC', [NY]],
    ['without an own zone, every zone of the number counts', null, [...SOUTH_DAKOTA].reverse(), 'UTC', SOUTH_DAKOTA],
    ['a number with no zones falls back to the campaign’s', undefined, [], 'Europe/London', ['Europe/London']],
    ['placeholder zones from the number are no answer', null, ['Etc/Unknown'], 'Europe/London', ['Europe/London']],
  ])('%s', (_rule, own, numberZones, campaignTimezone, expected) => {
    expect(chooseLeadTimeZones(own, numberZones, campaignTimezone)).toEqual(expected);
  });
});

describe('resolving a lead’s zones looks its number up when needed', () => {
  it.each<[string, { timezone?: string | null; phone: string }, string | undefined, string[]]>([
    ['own zone: the number is not consulted', { timezone: 'America/Chicago', phone: '+12125551234' }, undefined, ['America/Chicago']],
    ['no own zone: a Manhattan number is Eastern', { timezone: null, phone: '+12125551234' }, undefined, [NY]],
    ['an invalid own zone: the 605 number gives both its zones', { timezone: 'nonsense', phone: '+16055551234' }, undefined, SOUTH_DAKOTA],
    ['a national number is read in the campaign’s default region', { phone: '020 7123 4567' }, 'GB', ['Europe/London']],
    ['an unreadable number falls back to the campaign’s zone', { phone: 'unknown' }, undefined, ['Australia/Sydney']],
  ])('%s', async (_rule, lead, region, expected) => {
    expect(await resolveLeadTimeZones(lead, 'Australia/Sydney', region)).toEqual(expected);
  });
});
