// Property tests of checkCompliance against an oracle written separately from the engine: local times from
// luxon (not the engine's offset stretches), holidays from date-holidays directly, the rule rows read as plain
// data. For random instants and leads (many area codes incl. overlays, toll-free, 5XX, Canadian, Caribbean,
// international; declared zones and states, some wrong or contradictory; random blackouts and call counts):
//   1. `allowed` implies every applicable rule passes;
//   2. `nextAllowedAt`, when not null, passes every time rule, and no sampled instant between `at` and it does.
import Holidays from 'date-holidays';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { isValidTimeZone } from '@/lib/time-zones';
import { isNonGeographicAreaCode, nanpAreaCodes } from './area-codes';
import { checkCompliance } from './check-compliance';
import { needsLeadConsent } from './consent';
import { holidaySupplements } from './holidays';
import { NON_GEOGRAPHIC_ZONES } from './lead-time-zones';
import { normalizeRegion } from './regions';
import { complianceRules } from './rules';
import type { ComplianceBlackout, ComplianceDecision, ComplianceInput, ComplianceRule } from './types';
import { readZoneLabel } from './zone-labels';

const DAY = 86_400_000;
const START = Date.UTC(2026, 0, 1);
const END = Date.UTC(2027, 11, 31);

const geographicCodes = [...nanpAreaCodes.keys()];
const nonGeographicCodes = ['800', '833', '844', '855', '866', '877', '888', '500', '533', '544', '566', '900'];
const unknownCodes = ['222', '237', '999'];
const internationalNumbers = ['+442071234567', '+33142685300', '+493012345678', '+81312345678', '+61212345678', '+525512345678', '+34912345678'];
const declaredZones = [
  'America/New_York', 'America/Chicago', 'America/Denver', 'America/Phoenix', 'America/Los_Angeles', 'America/Anchorage', 'Pacific/Honolulu',
  'America/Toronto', 'America/Halifax', 'America/St_Johns', 'America/Regina', 'Europe/London', 'Asia/Tokyo', 'MST', 'Mountain', 'EST', 'Central',
  'Eastern Time (US & Canada)', 'UTC', 'GMT', 'Etc/UTC', 'not a zone',
];
const declaredStates = ['FL', 'Texas', 'ri', 'LA', 'Mississippi', 'AL', 'OK', 'MD', 'WA', 'CT', 'NY', 'CA', 'Ontario', 'QC', 'US-KY', 'Atlantis'];
const blackoutRegions = ['US', 'US-FL', 'FL', 'Louisiana', 'TX', 'CA-ON', 'CA', 'US-NY', 'US-RI'];

const subscriber = fc.tuple(fc.integer({ min: 2, max: 9 }), fc.integer({ min: 0, max: 999_999 })).map(([a, b]) => `${a}${String(b).padStart(6, '0')}`);
const phone = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.constantFrom(...geographicCodes), subscriber).map(([ac, s]) => `+1${ac}${s}`) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...nonGeographicCodes), subscriber).map(([ac, s]) => `+1${ac}${s}`) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...unknownCodes), subscriber).map(([ac, s]) => `+1${ac}${s}`) },
  { weight: 1, arbitrary: fc.constantFrom(...internationalNumbers) },
);
// Biased towards the days that matter: holidays of the rows that ban them, DST switch days, Sundays.
const SPECIAL_DAYS = ['2026-04-03', '2026-11-03', '2026-07-24', '2026-02-17', '2026-08-10', '2026-12-25', '2026-04-27', '2026-02-16', '2026-03-08', '2026-11-01', '2027-03-14', '2027-11-07', '2026-06-14', '2027-01-01'];
const instant = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: START, max: END }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...SPECIAL_DAYS), fc.integer({ min: -6 * 3_600_000, max: 30 * 3_600_000 })).map(([d, ms]) => Date.parse(`${d}T00:00:00Z`) + ms) },
);
const blackout = (around: number) =>
  fc.record({
    region: fc.constantFrom(...blackoutRegions),
    start: fc.integer({ min: -3 * DAY, max: 3 * DAY }),
    length: fc.integer({ min: 0, max: 3 * DAY }),
  }).map(({ region, start, length }): ComplianceBlackout => ({ region, startsAt: new Date(around + start), endsAt: new Date(around + start + length) }));
const campaign = fc.record({
  timezone: fc.constantFrom('America/New_York', 'America/Chicago', 'America/Los_Angeles', 'Europe/London'),
  callWindows: fc.uniqueArray(
    fc.record({ dayOfWeek: fc.integer({ min: 0, max: 6 }), startHour: fc.integer({ min: 0, max: 23 }), span: fc.integer({ min: 1, max: 12 }) }).map((w) => ({
      dayOfWeek: w.dayOfWeek,
      startHour: w.startHour,
      endHour: Math.min(24, w.startHour + w.span),
    })),
    { minLength: 1, maxLength: 6, selector: (w) => w.dayOfWeek },
  ),
});

const leadInput = instant.chain((at) =>
  fc.record({
    phone,
    at: fc.constant(new Date(at)),
    declaredTimezone: fc.option(fc.constantFrom(...declaredZones), { nil: undefined }),
    declaredState: fc.option(fc.constantFrom(...declaredStates), { nil: undefined }),
    blackouts: fc.option(fc.array(blackout(at), { maxLength: 2 }), { nil: undefined }),
    callsLast24h: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
    callInFlight: fc.option(fc.boolean(), { nil: undefined }),
    onDnc: fc.option(fc.record({ listsConsulted: fc.constant(['owner']), hit: fc.boolean() }), { nil: undefined }),
    consent: fc.option(
      fc.record({
        basis: fc.constantFrom('prior_express_written_consent', 'prior_express_consent', 'existing_business_relationship', 'informational' as const),
        leadConsent: fc.option(fc.record({ at: fc.option(fc.constant('2026-01-01T00:00:00Z'), { nil: null }) }), { nil: null }),
      }),
      { nil: undefined },
    ),
    campaign: fc.option(campaign, { nil: undefined }),
  }),
) satisfies fc.Arbitrary<ComplianceInput>;

// ——— The oracle ———

const E164_NANP = /^\+1([2-9]\d{2})\d{7}$/;

/** The zones the lead must at least be held to: its area code's (or the contiguous set) plus the declared one. */
function expectedZones(input: ComplianceInput): string[] {
  const nanp = E164_NANP.exec(input.phone);
  const declared: string[] = [];
  if (input.declaredTimezone) {
    const read = readZoneLabel(input.declaredTimezone, isValidTimeZone);
    if (read.kind === 'zones') declared.push(...read.zones);
    if (read.kind === 'utc' && !nanp) declared.push('UTC');
  }
  if (!nanp) return declared;
  const entry = isNonGeographicAreaCode(nanp[1]) ? undefined : nanpAreaCodes.get(nanp[1]);
  if (entry) return [...entry.zones, ...declared];
  return declared.length > 0 ? declared : [...NON_GEOGRAPHIC_ZONES];
}

/** The jurisdictions whose rows must apply: the number's regions and the declared state. */
function expectedJurisdictions(input: ComplianceInput): { jurisdictions: Set<string>; anyUsState: boolean } {
  const nanp = E164_NANP.exec(input.phone);
  const out = new Set<string>();
  const regions = nanp ? ((isNonGeographicAreaCode(nanp[1]) ? undefined : nanpAreaCodes.get(nanp[1]))?.regions ?? []) : [];
  for (const r of regions) out.add(r);
  const declared = input.declaredState ? normalizeRegion(input.declaredState, regions[0]?.startsWith('CA') ? 'CA' : 'US') : null;
  if (declared) out.add(declared);
  const anyUsState = Boolean(nanp) && regions.length === 0 && !declared;
  for (const r of [...out]) out.add(r.split('-')[0]);
  if (nanp && regions.length === 0 && !declared) out.add('US');
  return { jurisdictions: out, anyUsState };
}

function applicableRows(input: ComplianceInput): ComplianceRule[] {
  const { jurisdictions, anyUsState } = expectedJurisdictions(input);
  const rows = complianceRules.filter((r) => jurisdictions.has(r.jurisdiction) || (anyUsState && r.jurisdiction.startsWith('US-')));
  if (!rows.some((r) => r.hours)) rows.push(complianceRules.find((r) => r.id === 'us-federal-hours')!);
  return rows;
}

const holidayCalendars = new Map<string, Holidays>();
function isHoliday(region: string, isoDate: string): boolean {
  let cal = holidayCalendars.get(region);
  if (!cal) {
    const [country, state] = region.split('-');
    holidayCalendars.set(region, (cal = new Holidays(country, state)));
    // The statutes' own holidays the library lacks (sourced data in holidays.ts).
    for (const extra of holidaySupplements[region] ?? []) cal.setHoliday(extra.rule, { name: extra.name, type: 'public' });
  }
  return cal.getHolidays(Number(isoDate.slice(0, 4))).some((h) => h.type === 'public' && h.date.startsWith(isoDate));
}

/** Whether the row's hours allow the instant read in the zone (luxon's wall clock). */
function rowAllows(row: ComplianceRule, zone: string, at: number): boolean {
  const dt = DateTime.fromMillis(at, { zone });
  const minute = dt.hour * 60 + dt.minute + dt.second / 60 + dt.millisecond / 60_000;
  if (row.holidayBan && isHoliday(row.jurisdiction, dt.toISODate()!)) return false;
  return row.hours![dt.weekday % 7].some((s) => minute >= s.start && minute < s.end);
}

function campaignAllows(c: NonNullable<ComplianceInput['campaign']>, at: number): boolean {
  const dt = DateTime.fromMillis(at, { zone: c.timezone });
  const minute = dt.hour * 60 + dt.minute + dt.second / 60;
  return c.callWindows.some((w) => w.dayOfWeek === dt.weekday % 7 && minute >= w.startHour * 60 && minute < w.endHour * 60);
}

function blackoutApplies(b: ComplianceBlackout, input: ComplianceInput): boolean {
  const { jurisdictions, anyUsState } = expectedJurisdictions(input);
  const region = normalizeRegion(b.region) ?? b.region;
  return jurisdictions.has(region) || (anyUsState && region.startsWith('US'));
}

/** Every time-based rule (rows' hours in every zone, the campaign's windows, blackouts) allows the instant. */
function timeRulesAllow(input: ComplianceInput, zones: readonly string[], at: number): { ok: boolean; why?: string } {
  for (const row of applicableRows(input)) {
    if (!row.hours) continue;
    for (const zone of new Set([...zones, ...(row.alsoInZones ?? [])])) {
      if (!rowAllows(row, zone, at)) return { ok: false, why: `${row.id} in ${zone}` };
    }
  }
  if (input.campaign && !campaignAllows(input.campaign, at)) return { ok: false, why: 'campaign window' };
  for (const b of input.blackouts ?? []) {
    if (blackoutApplies(b, input) && at >= b.startsAt.getTime() && at < b.endsAt.getTime()) return { ok: false, why: `blackout ${b.region}` };
  }
  return { ok: true };
}

function candidateZones(input: ComplianceInput, decision: ComplianceDecision): string[] {
  return [...new Set([...expectedZones(input), ...decision.zones.map((z) => z.zone)])];
}

const describeInput = (input: ComplianceInput) =>
  JSON.stringify({ ...input, at: input.at.toISOString(), blackouts: input.blackouts?.map((b) => ({ ...b, startsAt: b.startsAt.toISOString(), endsAt: b.endsAt.toISOString() })) });

describe('checkCompliance properties', () => {
  it('the engine holds the lead to at least the zones and jurisdictions the policy names', () => {
    fc.assert(
      fc.property(leadInput, (input) => {
        const d = checkCompliance(input);
        expect(d.zones.map((z) => z.zone), describeInput(input)).toEqual(expect.arrayContaining(expectedZones(input)));
        expect(d.jurisdiction, describeInput(input)).toEqual(expect.arrayContaining([...expectedJurisdictions(input).jurisdictions]));
      }),
      { numRuns: 200 },
    );
  });

  it('allowed implies every applicable rule passes: hours in every candidate zone, no banned holiday, no blackout, under the caps, not DNC, consent on file', () => {
    let allowedSeen = 0;
    fc.assert(
      fc.property(leadInput, (generated) => {
        // Each input as generated and without its per-call refusals, so that enough of them are allowed.
        for (const input of [generated, { ...generated, onDnc: undefined, callInFlight: undefined, consent: undefined, campaign: undefined }]) {
          const d = checkCompliance(input);
          if (!d.allowed) continue;
          allowedSeen++;
          const label = describeInput(input);
          const time = timeRulesAllow(input, candidateZones(input, d), input.at.getTime());
          expect(time, label).toEqual({ ok: true });
          const caps = applicableRows(input).map((r) => r.callsPer24h).filter((c): c is number => c !== null);
          if (caps.length > 0 && input.callsLast24h !== undefined) expect(input.callsLast24h, label).toBeLessThan(Math.min(...caps));
          expect(input.onDnc?.hit ?? false, label).toBe(false);
          expect(input.callInFlight ?? false, label).toBe(false);
          expect(needsLeadConsent(input.consent), label).toBe(false);
          if (input.consent && ['prior_express_written_consent', 'prior_express_consent'].includes(input.consent.basis)) expect(input.consent.leadConsent?.at, label).toBeTruthy();
        }
      }),
      { numRuns: 300 },
    );
    // The property says nothing if nothing was allowed.
    expect(allowedSeen).toBeGreaterThan(40);
  });

  it('refused by time implies some time rule really fails (no needless refusal by the hours)', () => {
    fc.assert(
      fc.property(leadInput, (input) => {
        const timeOnly = { ...input, callsLast24h: undefined, callInFlight: undefined, onDnc: undefined, consent: undefined };
        const d = checkCompliance(timeOnly);
        if (d.allowed || d.reasons.some((r) => r.rule === 'phone_unreadable')) return;
        expect(timeRulesAllow(timeOnly, d.zones.map((z) => z.zone), input.at.getTime()).ok, describeInput(timeOnly)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('nextAllowedAt passes every time rule, and no sampled instant between `at` and it does', () => {
    fc.assert(
      fc.property(leadInput, fc.array(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), { minLength: 8, maxLength: 8 }), (input, samples) => {
        const timeOnly = { ...input, callsLast24h: undefined, callInFlight: undefined, onDnc: undefined, consent: undefined };
        const d = checkCompliance(timeOnly);
        if (d.nextAllowedAt === null) return;
        const label = describeInput(timeOnly);
        const zones = candidateZones(timeOnly, d);
        const next = d.nextAllowedAt.getTime();
        const at = input.at.getTime();
        expect(next, label).toBeGreaterThanOrEqual(at);
        expect(timeRulesAllow(timeOnly, zones, next), `${label} at nextAllowedAt ${d.nextAllowedAt.toISOString()}`).toEqual({ ok: true });
        // The engine agrees with itself at nextAllowedAt.
        expect(checkCompliance({ ...timeOnly, at: d.nextAllowedAt }).reasons.filter((r) => r.rule !== 'phone_unreadable'), label).toEqual([]);
        // Minutes in between (plus the last minute before it) are refused by some time rule.
        const between = [...samples.map((s) => at + Math.floor(s * (next - at))), next - 60_000, next - 1].filter((t) => t >= at && t < next);
        for (const t of between) expect(timeRulesAllow(timeOnly, zones, t).ok, `${label} at ${new Date(t).toISOString()}`).toBe(false);
      }),
      { numRuns: 120 },
    );
  });
});
