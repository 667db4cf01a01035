import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { checkCompliance, NEXT_ALLOWED_HORIZON_DAYS } from './index';
import type { ComplianceInput } from './types';

const utc = (iso: string) => new Date(`${iso}Z`);
const inZone = (zone: string, iso: string) => DateTime.fromISO(iso, { zone }).toJSDate();
const check = (input: Omit<ComplianceInput, 'at'> & { at: Date }) => checkCompliance(input);

describe('checkCompliance', () => {
  it('US: no calls before 08:00 local (47 CFR 64.1200(c)(1))', () => {
    const d = check({ phone: '+12125550100', declaredTimezone: 'America/New_York', at: utc('2026-06-10T11:30:00') });
    expect(d.allowed).toBe(false);
    expect(d.reasons[0].rule).toBe('us-federal-hours');
    expect(d.nextAllowedAt).toEqual(utc('2026-06-10T12:00:00'));
  });

  it('reports every candidate zone with its local time, the jurisdictions and the rows applied', () => {
    const d = check({ phone: '+18125551234', at: utc('2026-06-10T16:00:00') });
    expect(d.zones).toEqual([
      { zone: 'America/Chicago', localTime: '2026-06-10T11:00:00' },
      { zone: 'America/New_York', localTime: '2026-06-10T12:00:00' },
    ]);
    expect(d.jurisdiction).toEqual(['US', 'US-IN']);
    expect(d.rulesApplied).toEqual(['us-federal-hours']);
    expect(d.allowed).toBe(true);
  });
});

describe('DST switch days', () => {
  it('US spring forward, Sunday 2026-03-08, New York: 07:59 EDT refused, 08:00 EDT (12:00Z) allowed; next allowed is 12:00Z', () => {
    expect(check({ phone: '+12125551234', at: utc('2026-03-08T11:59:00') }).allowed).toBe(false);
    expect(check({ phone: '+12125551234', at: utc('2026-03-08T12:00:00') }).allowed).toBe(true);
    // From 01:30 EST, before the switch at 02:00 local.
    expect(check({ phone: '+12125551234', at: utc('2026-03-08T06:30:00') }).nextAllowedAt).toEqual(utc('2026-03-08T12:00:00'));
    // The day before, 08:00 EST is 13:00Z.
    expect(check({ phone: '+12125551234', at: utc('2026-03-07T12:30:00') }).nextAllowedAt).toEqual(utc('2026-03-07T13:00:00'));
  });

  it('US fall back, Sunday 2026-11-01, New York: 08:00 EST is 13:00Z; 20:59 EST (01:59Z) allowed, 21:00 EST (02:00Z) refused', () => {
    expect(check({ phone: '+12125551234', at: utc('2026-11-01T06:30:00') }).nextAllowedAt).toEqual(utc('2026-11-01T13:00:00'));
    expect(check({ phone: '+12125551234', at: utc('2026-11-01T12:59:00') }).allowed).toBe(false);
    expect(check({ phone: '+12125551234', at: utc('2026-11-02T01:59:00') }).allowed).toBe(true);
    expect(check({ phone: '+12125551234', at: utc('2026-11-02T02:00:00') }).allowed).toBe(false);
  });

  it('Canada spring forward, Sunday 2026-03-08, Toronto (CRTC weekends 10:00–18:00): 10:00 EDT is 14:00Z, 18:00 EDT is 22:00Z', () => {
    expect(check({ phone: '+14165551234', at: utc('2026-03-08T13:59:00') }).allowed).toBe(false);
    expect(check({ phone: '+14165551234', at: utc('2026-03-08T14:00:00') }).allowed).toBe(true);
    expect(check({ phone: '+14165551234', at: utc('2026-03-08T21:59:00') }).allowed).toBe(true);
    expect(check({ phone: '+14165551234', at: utc('2026-03-08T22:00:00') }).allowed).toBe(false);
    expect(check({ phone: '+14165551234', at: utc('2026-03-08T05:00:00') }).nextAllowedAt).toEqual(utc('2026-03-08T14:00:00'));
  });

  it('Canada fall back, Sunday 2026-11-01, Toronto: 10:00 EST is 15:00Z, 18:00 EST is 23:00Z', () => {
    expect(check({ phone: '+14165551234', at: utc('2026-11-01T14:59:00') }).allowed).toBe(false);
    expect(check({ phone: '+14165551234', at: utc('2026-11-01T15:00:00') }).allowed).toBe(true);
    expect(check({ phone: '+14165551234', at: utc('2026-11-01T22:59:00') }).allowed).toBe(true);
    expect(check({ phone: '+14165551234', at: utc('2026-11-01T23:00:00') }).allowed).toBe(false);
    expect(check({ phone: '+14165551234', at: utc('2026-11-01T05:00:00') }).nextAllowedAt).toEqual(utc('2026-11-01T15:00:00'));
  });

  it('an "MST" lead in summer is held to Phoenix (MST) and Denver (MDT): 08:00–21:00 in both is 15:00Z–03:00Z', () => {
    const lead = { phone: '+16025551234', declaredTimezone: 'MST' };
    // 08:00 MDT in Denver is 07:00 in Phoenix.
    const denverEight = check({ ...lead, at: utc('2026-06-10T14:00:00') });
    expect(denverEight.allowed).toBe(false);
    expect(denverEight.reasons.map((r) => r.zone)).toEqual(['America/Phoenix']);
    expect(denverEight.nextAllowedAt).toEqual(utc('2026-06-10T15:00:00'));
    expect(check({ ...lead, at: utc('2026-06-10T15:00:00') }).allowed).toBe(true);
    // 20:00 in Phoenix is 21:00 MDT in Denver: refused by Denver.
    const phoenixEight = check({ ...lead, at: utc('2026-06-11T03:00:00') });
    expect(phoenixEight.reasons.map((r) => r.zone)).toEqual(['America/Denver']);
    expect(check({ ...lead, at: utc('2026-06-11T02:59:00') }).allowed).toBe(true);
    // In winter Denver and Phoenix agree: 08:00 MST is 15:00Z in both.
    expect(check({ ...lead, at: utc('2026-01-14T14:59:00') }).allowed).toBe(false);
    expect(check({ ...lead, at: utc('2026-01-14T15:00:00') }).allowed).toBe(true);
    expect(check({ ...lead, at: utc('2026-01-15T03:59:00') }).allowed).toBe(true);
  });

  it('an area code spanning Central and Eastern (812) around the spring switch: the window is 08:00 Central to 21:00 Eastern', () => {
    const phone = '+18125551234';
    // Saturday 2026-03-07 (standard time): 08:00 CST = 14:00Z, 21:00 EST = 02:00Z.
    expect(check({ phone, at: utc('2026-03-07T10:00:00') }).nextAllowedAt).toEqual(utc('2026-03-07T14:00:00'));
    expect(check({ phone, at: utc('2026-03-08T01:59:00') }).allowed).toBe(true);
    expect(check({ phone, at: utc('2026-03-08T02:00:00') }).allowed).toBe(false);
    // Sunday 2026-03-08 (daylight time from 02:00 local): 08:00 CDT = 13:00Z, 21:00 EDT = 01:00Z.
    expect(check({ phone, at: utc('2026-03-08T02:00:00') }).nextAllowedAt).toEqual(utc('2026-03-08T13:00:00'));
    expect(check({ phone, at: utc('2026-03-08T12:59:00') }).allowed).toBe(false);
    expect(check({ phone, at: utc('2026-03-09T00:59:00') }).allowed).toBe(true);
    const late = check({ phone, at: utc('2026-03-09T01:00:00') });
    expect(late.allowed).toBe(false);
    expect(late.reasons.map((r) => r.zone)).toEqual(['America/New_York']);
  });

  it('the same area code around the fall switch: Saturday 2026-10-31 opens 13:00Z (08:00 CDT), Sunday 2026-11-01 opens 14:00Z (08:00 CST)', () => {
    const phone = '+18125551234';
    expect(check({ phone, at: utc('2026-10-31T10:00:00') }).nextAllowedAt).toEqual(utc('2026-10-31T13:00:00'));
    expect(check({ phone, at: utc('2026-11-01T10:00:00') }).nextAllowedAt).toEqual(utc('2026-11-01T14:00:00'));
    expect(check({ phone, at: utc('2026-11-02T01:59:00') }).allowed).toBe(true); // 20:59 EST
    expect(check({ phone, at: utc('2026-11-02T02:00:00') }).allowed).toBe(false); // 21:00 EST
  });

  it('Mississippi in summer reads its hours in Central Standard Time as well: first call 09:00 CDT (14:00Z)', () => {
    expect(check({ phone: '+16015551234', at: utc('2026-06-10T12:00:00') }).nextAllowedAt).toEqual(utc('2026-06-10T14:00:00'));
  });
});

describe('nextAllowedAt', () => {
  it('skips a banned Sunday: Rhode Island, Saturday 17:00 → Monday 09:00', () => {
    const d = check({ phone: '+14015551234', at: inZone('America/New_York', '2026-06-13T17:00') });
    expect(d.allowed).toBe(false);
    expect(d.nextAllowedAt).toEqual(inZone('America/New_York', '2026-06-15T09:00'));
  });

  it('skips a banned holiday: Louisiana, Thursday 2026-12-24 20:00 → Saturday 12-26 08:00 (Christmas Friday is banned)', () => {
    const d = check({ phone: '+15045551234', at: inZone('America/Chicago', '2026-12-24T20:00') });
    expect(d.nextAllowedAt).toEqual(inZone('America/Chicago', '2026-12-26T08:00'));
  });

  it('Oklahoma: the Telephone Solicitation Act (08:00–20:00) and the automatic-dialing rule (09:00–21:00) together give 09:00–20:00', () => {
    const d = check({ phone: '+14055551234', at: inZone('America/Chicago', '2026-06-10T08:30') });
    expect(d.reasons.map((r) => r.rule)).toEqual(['us-ok-adad-hours']);
    expect(d.nextAllowedAt).toEqual(inZone('America/Chicago', '2026-06-10T09:00'));
    expect(check({ phone: '+14055551234', at: inZone('America/Chicago', '2026-06-10T20:00') }).nextAllowedAt).toEqual(inZone('America/Chicago', '2026-06-11T09:00'));
  });

  it('is `at` itself when the call is allowed now', () => {
    const at = inZone('America/New_York', '2026-06-10T12:00');
    expect(check({ phone: '+12125551234', at }).nextAllowedAt).toEqual(at);
  });

  it('waits for the campaign\'s own windows too', () => {
    const campaign = { timezone: 'America/New_York', callWindows: [{ dayOfWeek: 3, startHour: 14, endHour: 16 }] };
    const d = check({ phone: '+12125551234', at: inZone('America/New_York', '2026-06-10T12:00'), campaign });
    expect(d.reasons.map((r) => r.rule)).toEqual(['campaign_window']);
    expect(d.nextAllowedAt).toEqual(inZone('America/New_York', '2026-06-10T14:00'));
  });

  it(`is null when nothing is allowed within ${NEXT_ALLOWED_HORIZON_DAYS} days`, () => {
    const campaign = { timezone: 'America/New_York', callWindows: [{ dayOfWeek: 0, startHour: 22, endHour: 23 }] };
    expect(check({ phone: '+12125551234', at: utc('2026-06-10T12:00:00'), campaign }).nextAllowedAt).toBeNull();
  });

  it('waits out a blackout that covers the lead\'s state', () => {
    const blackouts = [{ region: 'Louisiana', startsAt: utc('2026-06-10T00:00:00'), endsAt: utc('2026-06-11T18:00:00'), reason: 'state of emergency (La. R.S. 45:844.31)' }];
    const d = check({ phone: '+15045551234', at: inZone('America/Chicago', '2026-06-10T12:00'), blackouts });
    expect(d.reasons.map((r) => r.rule)).toEqual(['blackout']);
    expect(d.reasons[0].source).toBe('state of emergency (La. R.S. 45:844.31)');
    expect(d.nextAllowedAt).toEqual(utc('2026-06-11T18:00:00'));
  });
});

describe('blackouts, caps and per-call checks', () => {
  const noon = inZone('America/New_York', '2026-06-10T12:00');

  it('a blackout for another state does not apply; one for the country does', () => {
    const fl = [{ region: 'US-FL', startsAt: utc('2026-06-01T00:00:00'), endsAt: utc('2026-07-01T00:00:00') }];
    expect(check({ phone: '+12125551234', at: noon, blackouts: fl }).allowed).toBe(true);
    const us = [{ region: 'US', startsAt: utc('2026-06-01T00:00:00'), endsAt: utc('2026-07-01T00:00:00') }];
    expect(check({ phone: '+12125551234', at: noon, blackouts: us }).reasons.map((r) => r.rule)).toEqual(['blackout']);
  });

  it('a Louisiana governor-declared holiday is entered as a blackout and refuses Louisiana numbers and toll-free numbers of unknown state', () => {
    const july3 = [{ region: 'LA', startsAt: inZone('America/Chicago', '2023-07-03T00:00'), endsAt: inZone('America/Chicago', '2023-07-04T00:00'), reason: 'governor-declared holiday' }];
    const at = inZone('America/Chicago', '2023-07-03T12:00');
    expect(check({ phone: '+15045551234', at, blackouts: july3 }).reasons.map((r) => r.rule)).toContain('blackout');
    expect(check({ phone: '+18005551234', at, blackouts: july3 }).reasons.map((r) => r.rule)).toContain('blackout');
    expect(check({ phone: '+12125551234', at, blackouts: july3 }).reasons.map((r) => r.rule)).not.toContain('blackout');
  });

  it('a blackout whose region reads as nothing (a typo) stops every lead, with a note; a country code (GB) is read as the country', () => {
    const typo = [{ region: 'Lousiana', startsAt: utc('2026-06-01T00:00:00'), endsAt: utc('2026-07-01T00:00:00') }];
    const d = check({ phone: '+12125551234', at: noon, blackouts: typo });
    expect(d.reasons.map((r) => r.rule)).toEqual(['blackout']);
    expect(d.notes.join(' ')).toMatch(/Lousiana/);
    const gb = [{ region: 'GB', startsAt: utc('2026-06-01T00:00:00'), endsAt: utc('2026-07-01T00:00:00') }];
    expect(check({ phone: '+12125551234', at: noon, blackouts: gb }).allowed).toBe(true);
    expect(check({ phone: '+442071234567', at: utc('2026-06-10T16:00:00'), blackouts: gb }).reasons.map((r) => r.rule)).toContain('blackout');
  });

  it('a blackout ends exactly at endsAt (half-open)', () => {
    const b = [{ region: 'NY', startsAt: utc('2026-06-10T15:00:00'), endsAt: utc('2026-06-10T16:00:00') }];
    expect(check({ phone: '+12125551234', at: utc('2026-06-10T15:59:59'), blackouts: b }).allowed).toBe(false);
    expect(check({ phone: '+12125551234', at: utc('2026-06-10T16:00:00'), blackouts: b }).allowed).toBe(true);
  });

  it('DNC, a call in flight and missing consent each refuse, with their own reason', () => {
    expect(check({ phone: '+12125551234', at: noon, onDnc: { listsConsulted: ['owner'], hit: true } }).reasons.map((r) => r.rule)).toEqual(['dnc']);
    expect(check({ phone: '+12125551234', at: noon, onDnc: { listsConsulted: ['owner'], hit: false } }).allowed).toBe(true);
    expect(check({ phone: '+12125551234', at: noon, callInFlight: true }).reasons.map((r) => r.rule)).toEqual(['one_call_at_a_time']);
    const noConsent = check({ phone: '+12125551234', at: noon, consent: { basis: 'prior_express_written_consent', leadConsent: null } });
    expect(noConsent.reasons.map((r) => r.rule)).toEqual(['consent']);
    expect(noConsent.needsConsent).toBe(true);
    expect(check({ phone: '+12125551234', at: noon, consent: { basis: 'prior_express_written_consent', leadConsent: { at: '2026-01-01' } } }).allowed).toBe(true);
    expect(check({ phone: '+12125551234', at: noon, consent: { basis: 'existing_business_relationship' } }).allowed).toBe(true);
  });

  it('an unreadable number is refused', () => {
    expect(check({ phone: 'call me maybe', at: noon }).reasons.map((r) => r.rule)).toContain('phone_unreadable');
  });

  it('recording: an all-party-consent state (FL) is flagged; a toll-free number of unknown state is flagged for every such state', () => {
    expect(check({ phone: '+13055551234', at: noon }).recording).toEqual({ allPartyConsent: true, jurisdictions: ['US-FL'] });
    expect(check({ phone: '+12125551234', at: noon }).recording.allPartyConsent).toBe(false);
    expect(check({ phone: '+18005551234', at: noon }).recording.jurisdictions.length).toBeGreaterThan(10);
  });

  it('an invalid instant is a RangeError, not a silent allow', () => {
    expect(() => check({ phone: '+12125551234', at: new Date('nope') })).toThrow(RangeError);
  });
});
