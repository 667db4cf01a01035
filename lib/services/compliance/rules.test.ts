// Table tests, one group per rule row of complianceRules, each titled with the row's citation. The expected
// hours below are written out by hand from the sources, not read from the rows, so a broken row fails here:
// edge minutes on both ends of every distinct span, every banned weekday, a holiday for rows that ban them,
// and the 24 h cap at one under and at the cap. The meta-tests at the end make a new row without such tests fail.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { checkCompliance } from './check-compliance';
import { complianceRules } from './rules';
import type { ComplianceRule } from './types';

type Expect = 'allowed' | 'refused';
interface Probe {
  /** Local wall-clock time in the group's zone, 'YYYY-MM-DDTHH:mm'. */
  local: string;
  expect: Expect;
  callsLast24h?: number;
  /** The probe's day is a public holiday the row bans (its hours would otherwise allow the minute). */
  holiday?: boolean;
  /** Not counted towards the meta-test's edge coverage (e.g. read in another zone the row also applies). */
  extra?: boolean;
  /** An 'allowed' probe where another row of the lead refuses: only this row must pass. */
  othersRefuse?: boolean;
}
interface RuleCases {
  rule: string;
  phone: string;
  declaredState?: string;
  zone: string;
  probes: Probe[];
}

// A week without holidays: Mon 2026-06-08 … Sun 2026-06-14; in winter, Mon 2026-01-12 … Sun 2026-01-18.
const MON = '2026-06-08';
const WED = '2026-06-10';
const SAT = '2026-06-13';
const SUN = '2026-06-14';
const at = (day: string, hhmm: string) => `${day}T${hhmm}`;
const edges = (day: string, start: string, lastMinute: string, end: string, before: string): Probe[] => [
  { local: at(day, before), expect: 'refused' },
  { local: at(day, start), expect: 'allowed' },
  { local: at(day, lastMinute), expect: 'allowed' },
  { local: at(day, end), expect: 'refused' },
];
const cap = (n: number): Probe[] => [
  { local: at(WED, '12:00'), expect: 'allowed', callsLast24h: n - 1 },
  { local: at(WED, '12:00'), expect: 'refused', callsLast24h: n },
];

const cases: RuleCases[] = [
  { rule: 'us-federal-hours', phone: '+12125551234', declaredState: 'NY', zone: 'America/New_York', probes: [...edges(WED, '08:00', '20:59', '21:00', '07:59'), { local: at(SUN, '12:00'), expect: 'allowed', extra: true }] },
  { rule: 'us-fl-hours-cap', phone: '+13055551234', zone: 'America/New_York', probes: [...edges(WED, '08:00', '19:59', '20:00', '07:59'), { local: at(WED, '20:30'), expect: 'refused', extra: true }, ...cap(3)] },
  {
    rule: 'us-ok-hours-cap',
    phone: '+14055551234',
    zone: 'America/Chicago',
    probes: [
      { local: at(WED, '07:59'), expect: 'refused' },
      // From 08:00 this row allows, but the automatic-dialing row (us-ok-adad-hours) refuses until 09:00.
      { local: at(WED, '08:00'), expect: 'allowed', othersRefuse: true },
      { local: at(WED, '19:59'), expect: 'allowed' },
      { local: at(WED, '20:00'), expect: 'refused' },
      ...cap(3),
    ],
  },
  {
    rule: 'us-ok-adad-hours',
    phone: '+14055551234',
    zone: 'America/Chicago',
    probes: [
      { local: at(WED, '08:59'), expect: 'refused' },
      { local: at(WED, '09:00'), expect: 'allowed' },
      // From 20:00 the Telephone Solicitation Act's row refuses; this row allows until 20:59.
      { local: at(WED, '20:59'), expect: 'allowed', othersRefuse: true },
      { local: at(WED, '21:00'), expect: 'refused' },
    ],
  },
  { rule: 'us-md-hours-cap', phone: '+14105551234', zone: 'America/New_York', probes: [...edges(WED, '08:00', '19:59', '20:00', '07:59'), ...cap(3)] },
  { rule: 'us-wa-hours', phone: '+12065551234', zone: 'America/Los_Angeles', probes: edges(WED, '08:00', '19:59', '20:00', '07:59') },
  {
    rule: 'us-la-hours-sunday-holiday',
    phone: '+15045551234',
    zone: 'America/Chicago',
    probes: [
      ...edges(MON, '08:00', '19:59', '20:00', '07:59'),
      ...edges(SAT, '08:00', '19:59', '20:00', '07:59'),
      { local: at(SUN, '12:00'), expect: 'refused' },
      { local: '2026-02-17T12:00', expect: 'refused', holiday: true }, // Mardi Gras, a Tuesday
      { local: '2026-12-25T12:00', expect: 'refused', holiday: true }, // Christmas, a Friday
      { local: '2026-02-18T12:00', expect: 'allowed', extra: true }, // Ash Wednesday is no holiday
    ],
  },
  {
    rule: 'us-ri-hours-sunday-holiday',
    phone: '+14015551234',
    zone: 'America/New_York',
    probes: [
      ...edges(WED, '09:00', '17:59', '18:00', '08:59'),
      ...edges(SAT, '10:00', '16:59', '17:00', '09:59'),
      { local: at(SUN, '12:00'), expect: 'refused' },
      { local: '2026-08-10T12:00', expect: 'refused', holiday: true }, // Victory Day, Rhode Island only
      { local: '2026-02-16T12:00', expect: 'refused', holiday: true }, // Washington's Birthday: § 5-61-2 excepts federal holidays too
    ],
  },
  {
    rule: 'us-tx-hours',
    phone: '+12145551234',
    zone: 'America/Chicago',
    probes: [...edges(WED, '09:00', '20:59', '21:00', '08:59'), ...edges(SAT, '09:00', '20:59', '21:00', '08:59'), ...edges(SUN, '12:00', '20:59', '21:00', '11:59')],
  },
  {
    rule: 'us-ms-hours-sunday',
    phone: '+16015551234',
    zone: 'America/Chicago',
    probes: [
      // In winter the lead's zone is Central Standard Time, the statute's own clock.
      ...edges('2026-01-14', '08:00', '20:59', '21:00', '07:59'),
      ...edges('2026-01-17', '08:00', '20:59', '21:00', '07:59'),
      { local: '2026-01-18T12:00', expect: 'refused' },
      // In summer 08:00 CST is 09:00 CDT: 08:30 CDT is refused although the federal hours allow it.
      { local: at(WED, '08:30'), expect: 'refused', extra: true },
      { local: at(WED, '08:59'), expect: 'refused', extra: true },
      { local: at(WED, '09:00'), expect: 'allowed', extra: true },
      { local: at(SUN, '12:00'), expect: 'refused', extra: true },
      // No holiday ban since the PSC rules were repealed (2024): Christmas Friday is an ordinary weekday.
      { local: '2026-12-25T12:00', expect: 'allowed', extra: true },
    ],
  },
  { rule: 'us-ct-hours', phone: '+12035551234', zone: 'America/New_York', probes: edges(WED, '09:00', '19:59', '20:00', '08:59') },
  {
    rule: 'us-al-hours-sunday-holiday',
    phone: '+12055551234',
    zone: 'America/Chicago',
    probes: [
      ...edges(WED, '08:00', '19:59', '20:00', '07:59'),
      ...edges(SAT, '08:00', '19:59', '20:00', '07:59'),
      { local: at(SUN, '12:00'), expect: 'refused' },
      { local: '2026-04-27T12:00', expect: 'refused', holiday: true }, // Confederate Memorial Day, a Monday
    ],
  },
  { rule: 'us-ky-hours', phone: '+15025551234', zone: 'America/New_York', probes: edges(WED, '10:00', '20:59', '21:00', '09:59') },
  { rule: 'us-ma-hours', phone: '+16175551234', zone: 'America/New_York', probes: edges(WED, '08:00', '19:59', '20:00', '07:59') },
  { rule: 'us-mi-hours', phone: '+13135551234', zone: 'America/New_York', probes: edges(WED, '09:00', '20:59', '21:00', '08:59') },
  { rule: 'us-mn-hours', phone: '+16125551234', zone: 'America/Chicago', probes: edges(WED, '09:00', '20:59', '21:00', '08:59') },
  { rule: 'us-nv-hours', phone: '+17025551234', zone: 'America/Los_Angeles', probes: edges(WED, '09:00', '19:59', '20:00', '08:59') },
  { rule: 'us-nm-hours', phone: '+15055551234', zone: 'America/Denver', probes: edges(WED, '09:00', '20:59', '21:00', '08:59') },
  {
    rule: 'us-pa-hours-holiday',
    phone: '+12155551234',
    zone: 'America/New_York',
    probes: [
      ...edges(WED, '08:00', '20:59', '21:00', '07:59'),
      { local: at(SUN, '12:00'), expect: 'refused', holiday: true }, // Flag Day (June 14), a Pennsylvania legal holiday, falls on this Sunday
      { local: '2026-02-16T12:00', expect: 'refused', holiday: true }, // Presidents' Day, a Monday
      { local: '2026-06-21T12:00', expect: 'allowed', extra: true }, // an ordinary Sunday
      { local: '2026-04-03T12:00', expect: 'refused', holiday: true }, // Good Friday, a Pennsylvania legal holiday
      { local: '2026-11-03T12:00', expect: 'refused', holiday: true }, // Election Day
    ],
  },
  {
    rule: 'us-ut-hours-sunday-holiday',
    phone: '+18015551234',
    zone: 'America/Denver',
    probes: [
      ...edges(WED, '08:00', '20:59', '21:00', '07:59'),
      ...edges(SAT, '08:00', '20:59', '21:00', '07:59'),
      { local: '2026-06-21T12:00', expect: 'refused' },
      { local: '2026-07-24T12:00', expect: 'refused', holiday: true }, // Pioneer Day, a Friday
    ],
  },
  {
    rule: 'ca-crtc-hours',
    phone: '+14165551234',
    zone: 'America/Toronto',
    probes: [...edges(WED, '09:00', '21:29', '21:30', '08:59'), ...edges(SAT, '10:00', '17:59', '18:00', '09:59'), ...edges(SUN, '10:00', '17:59', '18:00', '09:59')],
  },
  {
    rule: 'ca-bc-hours-holiday',
    phone: '+16045551234',
    zone: 'America/Vancouver',
    probes: [
      ...edges(WED, '09:00', '21:29', '21:30', '08:59'),
      ...edges(SAT, '10:00', '17:59', '18:00', '09:59'),
      { local: '2026-08-03T12:00', expect: 'refused', holiday: true }, // British Columbia Day, a Monday
      { local: '2026-09-30T12:00', expect: 'refused', holiday: true }, // National Day for Truth and Reconciliation, a Wednesday
      { local: '2026-02-16T12:00', expect: 'refused', holiday: true, extra: true }, // Family Day
    ],
  },
];

const rowById = new Map(complianceRules.map((r) => [r.id, r]));
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function local(zone: string, iso: string): DateTime {
  const dt = DateTime.fromISO(iso, { zone });
  if (!dt.isValid) throw new Error(`bad probe ${iso} in ${zone}`);
  return dt;
}

function probeText(zone: string, p: Probe): string {
  const dt = local(zone, p.local);
  const calls = p.callsLast24h !== undefined ? ` with ${p.callsLast24h} calls in 24 h` : '';
  return `${WEEKDAYS[dt.weekday % 7]} ${p.local.replace('T', ' ')}${p.holiday ? ' (holiday)' : ''}${calls} ${p.expect}${p.othersRefuse ? ' by this row' : ''}`;
}

describe('rule rows (complianceRules), each against its source', () => {
  for (const c of cases) {
    const row = rowById.get(c.rule);
    const title = row ? `${row.jurisdiction} (${row.source.citation}): in ${c.zone}, ${c.probes.map((p) => probeText(c.zone, p)).join('; ')}` : `${c.rule}: no such row`;
    it(title, () => {
      expect(row, `rule row ${c.rule}`).toBeDefined();
      for (const p of c.probes) {
        const decision = checkCompliance({
          phone: c.phone,
          declaredState: c.declaredState,
          at: local(c.zone, p.local).toJSDate(),
          callsLast24h: p.callsLast24h ?? 0,
        });
        expect(decision.rulesApplied, probeText(c.zone, p)).toContain(c.rule);
        if (p.expect === 'allowed' && p.othersRefuse) expect(decision.reasons.map((r) => r.rule), probeText(c.zone, p)).not.toContain(c.rule);
        else if (p.expect === 'allowed') expect(decision.reasons, probeText(c.zone, p)).toEqual([]);
        else expect(decision.reasons.map((r) => r.rule), probeText(c.zone, p)).toContain(c.rule);
      }
    });
  }
});

/** What a row's tests must probe: both edges of every distinct span, each banned weekday, a holiday, the cap. */
function requiredProbes(row: ComplianceRule): string[] {
  const required: string[] = [];
  if (row.hours) {
    const seen = new Set<string>();
    row.hours.forEach((spans, weekday) => {
      if (spans.length === 0) required.push(`${weekday} banned`);
      for (const s of spans) {
        const key = `${s.start}-${s.end}`;
        if (seen.has(key)) continue;
        seen.add(key);
        if (s.start > 0) required.push(`${key} ${s.start - 1} refused`);
        required.push(`${key} ${s.start} allowed`, `${key} ${s.end - 1} allowed`);
        if (s.end < 1440) required.push(`${key} ${s.end} refused`);
      }
    });
  }
  if (row.holidayBan) required.push('holiday');
  if (row.callsPer24h !== null) required.push(`cap ${row.callsPer24h - 1} allowed`, `cap ${row.callsPer24h} refused`);
  return required;
}

function coveredProbes(row: ComplianceRule, c: RuleCases): Set<string> {
  const covered = new Set<string>();
  for (const p of c.probes) {
    if (p.extra) continue;
    if (p.holiday) {
      if (p.expect === 'refused') covered.add('holiday');
      continue;
    }
    if (p.callsLast24h !== undefined && p.callsLast24h > 0) {
      covered.add(`cap ${p.callsLast24h} ${p.expect}`);
      continue;
    }
    const dt = local(c.zone, p.local);
    const weekday = dt.weekday % 7;
    const minute = dt.hour * 60 + dt.minute;
    const spans = row.hours?.[weekday] ?? [];
    if (spans.length === 0 && p.expect === 'refused') covered.add(`${weekday} banned`);
    for (const s of spans) covered.add(`${s.start}-${s.end} ${minute} ${p.expect}`);
  }
  return covered;
}

describe('every rule row has table tests (a new row cannot go untested)', () => {
  it('each row of complianceRules has a group of cases above', () => {
    const untested = complianceRules.filter((r) => !cases.some((c) => c.rule === r.id)).map((r) => r.id);
    expect(untested).toEqual([]);
  });

  it('each row\'s cases probe both edge minutes of every distinct span, every banned weekday, a banned holiday and the cap at n−1 and n', () => {
    const gaps: string[] = [];
    for (const row of complianceRules) {
      const covered = new Set(cases.filter((c) => c.rule === row.id).flatMap((c) => [...coveredProbes(row, c)]));
      for (const need of requiredProbes(row)) if (!covered.has(need)) gaps.push(`${row.id}: ${need}`);
    }
    expect(gaps).toEqual([]);
  });

  it('every case names an existing row', () => {
    expect(cases.filter((c) => !rowById.has(c.rule)).map((c) => c.rule)).toEqual([]);
  });
});
