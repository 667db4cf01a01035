// Which jurisdictions' rules apply: the declared state and the number's region, both when they differ, so the
// stricter rule decides.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { checkCompliance } from './check-compliance';
import { leadJurisdictions, resolveLeadJurisdiction } from './jurisdictions';
import { normalizeRegion } from './regions';

const ny = (iso: string) => DateTime.fromISO(iso, { zone: 'America/New_York' }).toJSDate();

describe('lead jurisdictions', () => {
  it('a number\'s region: a New York number is US and US-NY', () => {
    expect(leadJurisdictions('+12125551234')).toEqual(['US', 'US-NY']);
  });

  it('declared and number region differ → both apply, with a note', () => {
    const lead = resolveLeadJurisdiction('+12125551234', 'Florida');
    expect(lead.jurisdictions).toEqual(['US', 'US-FL', 'US-NY']);
    expect(lead.notes.join(' ')).toMatch(/both apply/);
  });

  it('declared FL on a New York number: at 20:30 Eastern the call is refused by Florida\'s 20:00 (New York alone would allow it)', () => {
    const alone = checkCompliance({ phone: '+12125551234', at: ny('2026-06-10T20:30') });
    expect(alone.allowed).toBe(true);
    const both = checkCompliance({ phone: '+12125551234', declaredState: 'FL', at: ny('2026-06-10T20:30') });
    expect(both.allowed).toBe(false);
    expect(both.reasons.map((r) => r.rule)).toEqual(['us-fl-hours-cap']);
    expect(both.jurisdiction).toEqual(['US', 'US-FL', 'US-NY']);
  });

  it('declared NY on a Florida number: Florida\'s rules still apply (the declaration cannot remove the number\'s state)', () => {
    const d = checkCompliance({ phone: '+13055551234', declaredState: 'NY', at: ny('2026-06-10T20:30') });
    expect(d.reasons.map((r) => r.rule)).toEqual(['us-fl-hours-cap']);
  });

  it('declared TX on a Florida number: on a Sunday at 11:00 Eastern Texas\'s noon start refuses it; the FL 3-call cap still applies', () => {
    const d = checkCompliance({ phone: '+13055551234', declaredState: 'TX', at: ny('2026-06-14T11:00'), callsLast24h: 3 });
    expect(d.reasons.map((r) => r.rule).sort()).toEqual(['us-fl-hours-cap', 'us-tx-hours']);
  });

  it('the stricter of two caps decides: FL (3) with a state without a cap', () => {
    const d = checkCompliance({ phone: '+12125551234', declaredState: 'FL', at: ny('2026-06-10T12:00'), callsLast24h: 3 });
    expect(d.reasons.map((r) => r.rule)).toEqual(['us-fl-hours-cap']);
    expect(checkCompliance({ phone: '+12125551234', at: ny('2026-06-10T12:00'), callsLast24h: 3 }).allowed).toBe(true);
  });

  it('a toll-free number with no declared state may ring in any state: every state row applies (Sunday is refused by LA, RI, AL, MS)', () => {
    const lead = resolveLeadJurisdiction('+18005551234');
    expect(lead.anyUsState).toBe(true);
    const d = checkCompliance({ phone: '+18005551234', at: ny('2026-06-14T15:00') });
    expect(d.allowed).toBe(false);
    expect(d.reasons.map((r) => r.rule)).toEqual(expect.arrayContaining(['us-la-hours-sunday-holiday', 'us-ri-hours-sunday-holiday', 'us-al-hours-sunday-holiday', 'us-ms-hours-sunday']));
  });

  it('a toll-free number with a declared state takes that state only', () => {
    expect(leadJurisdictions('+18005551234', 'Texas')).toEqual(['US', 'US-TX']);
    expect(resolveLeadJurisdiction('+18005551234', 'Texas').anyUsState).toBe(false);
  });

  it('Canadian numbers are CA and their province; a bare "ON" on a Canadian number is Ontario', () => {
    expect(leadJurisdictions('+14165551234')).toEqual(['CA', 'CA-ON']);
    expect(leadJurisdictions('+14165551234', 'ON')).toEqual(['CA', 'CA-ON']);
  });

  it('a Canadian province declared on a US number: both countries\' rules apply', () => {
    const d = checkCompliance({ phone: '+12125551234', declaredState: 'Ontario', at: ny('2026-06-13T09:30') });
    expect(d.jurisdiction).toEqual(['CA', 'CA-ON', 'US', 'US-NY']);
    expect(d.reasons.map((r) => r.rule)).toEqual(['ca-crtc-hours']); // CRTC: weekends from 10:00
  });

  it('an unknown declared state is ignored with a note', () => {
    const lead = resolveLeadJurisdiction('+12125551234', 'Atlantis');
    expect(lead.jurisdictions).toEqual(['US', 'US-NY']);
    expect(lead.notes.join(' ')).toMatch(/not understood/);
  });

  it('an international number is its country; no hours row of its own, so the US federal hours are the engine\'s floor', () => {
    const d = checkCompliance({ phone: '+442071234567', at: new Date('2026-06-10T06:30:00Z') }); // 07:30 in London
    expect(d.jurisdiction).toEqual(['GB']);
    expect(d.reasons.map((r) => r.rule)).toContain('us-federal-hours');
    expect(d.notes.join(' ')).toMatch(/floor/);
  });

  it.each([
    ['fl', 'US-FL'],
    ['Florida', 'US-FL'],
    ['US-FL', 'US-FL'],
    [' florida ', 'US-FL'],
    ['Québec', 'CA-QC'],
    ['QC', 'CA-QC'],
    ['Washington DC', 'US-DC'],
    ['Newfoundland', 'CA-NL'],
    ['Canada', 'CA'],
    ['USA', 'US'],
    ['Atlantis', null],
  ])('region "%s" reads as %s', (input, region) => {
    expect(normalizeRegion(input)).toBe(region);
  });
});
