import { describe, expect, it } from 'vitest';
import { normalizePhone } from './normalize-phone';
import { normalizeTimeZone } from './normalize-time-zone';

describe('phone numbers are stored in E.164', () => {
  it.each([
    ['+14155550123', 'US', '+14155550123'],
    ['(415) 555-0123', 'US', '+14155550123'],
    ['415.555.0123', 'US', '+14155550123'],
    ['1-415-555-0123', 'US', '+14155550123'],
    ['tel:+14155550123', 'US', '+14155550123'],
    ['020 7946 0958', 'GB', '+442079460958'],
    ['+44 20 7946 0958', 'US', '+442079460958'],
    ['0044 20 7946 0958', 'DE', '+442079460958'],
  ])('%s read in %s is %s', (raw, region, phone) => {
    expect(normalizePhone(raw, region)).toEqual({ ok: true, phone });
  });

  it('keeps an extension apart', () => {
    expect(normalizePhone('415-555-0123 ext. 42', 'US')).toEqual({ ok: true, phone: '+14155550123', extension: '42' });
  });

  it.each([
    ['', 'phone is empty'],
    ['   ', 'phone is empty'],
    ['12345', 'phone "12345" is not a valid number in US'],
    ['+1 12', 'phone "+1 12" is not a valid number'],
    ['call me', 'phone "call me" is not a valid number in US'],
    ['4.15555E+09', /scientific notation/],
  ])('"%s" is refused: %s', (raw, reason) => {
    const result = normalizePhone(raw, 'US');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

describe('lead time zones are canonical IANA names', () => {
  it.each([
    ['America/New_York', 'America/New_York'],
    ['america/new_york', 'America/New_York'],
    [' Europe/London ', 'Europe/London'],
    ['EST', 'America/New_York'],
    ['PDT', 'America/Los_Angeles'],
    ['Central', 'America/Chicago'],
    ['US/Eastern', 'America/New_York'],
    ['UTC', 'UTC'],
    ['Mars/Olympus', null],
    ['GMT+5', null],
    ['', null],
  ])('"%s" → %s', (raw, zone) => {
    expect(normalizeTimeZone(raw)).toBe(zone);
  });
});
