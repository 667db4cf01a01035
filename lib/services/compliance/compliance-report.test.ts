// The report's re-check: a call's stored evidence, read back into the rules, is lawful or names what it breaks.
import { describe, expect, it } from 'vitest';
import type { ComplianceEvidence } from '@/shared/compliance-evidence';
import { evidenceViolations } from './compliance-report';
import { complianceEvidence, decideForLead, OWNER_DNC_LIST, type ComplianceCampaign, type WorkspaceComplianceContext } from './decide-for-lead';

const ctx: WorkspaceComplianceContext = { blackouts: [], callsLast24h: new Map(), inFlight: new Set(), dnc: new Set(), dncListsConsulted: [OWNER_DNC_LIST] };
const campaign: ComplianceCampaign = {
  timezone: 'America/New_York',
  callWindows: [0, 1, 2, 3, 4, 5, 6].map((dayOfWeek) => ({ dayOfWeek, startHour: 9, endHour: 17 })),
  defaultRegion: 'US',
  consentBasis: 'prior_express_written_consent',
  recordCalls: false,
};
const consent = { consentAt: '2026-06-01T10:00:00Z', consentSource: 'web form' };

/** The evidence the claim writes for a lawful call at `at`, then altered. */
function evidence(phone: string, at: string, alter: (ev: ComplianceEvidence) => ComplianceEvidence = (ev) => ev): ComplianceEvidence {
  const lead = { phone, ...consent };
  const decision = decideForLead(ctx, lead, campaign, new Date(at));
  expect(decision.reasons).toEqual([]);
  return alter(complianceEvidence(ctx, lead, campaign, decision, new Date(at)));
}

const rules = (phone: string, ev: ComplianceEvidence | null) => evidenceViolations({ phone }, ev, campaign).map((r) => r.rule).sort();

// Wednesday 2026-06-17 15:00Z is 11:00 in New York and Miami.
const NY = '+12125550101';
const MIAMI = '+13055550101';
const WED_11 = '2026-06-17T15:00:00.000Z';

describe('re-checking stored evidence', () => {
  it.each<[string, string, (ev: ComplianceEvidence) => ComplianceEvidence, string[]]>([
    ['a lawful call', NY, (ev) => ev, []],
    ['a call moved to 03:00 local', NY, (ev) => ({ ...ev, checkedAt: '2026-06-17T07:00:00.000Z' }), ['campaign_window', 'us-federal-hours']],
    ['a fourth call in 24 h to a Florida number', MIAMI, (ev) => ({ ...ev, callsLast24h: 3 }), ['us-fl-hours-cap']],
    ['a third call in 24 h to a Florida number', MIAMI, (ev) => ({ ...ev, callsLast24h: 2 }), []],
    ['a written-consent call with no consent record', NY, (ev) => ({ ...ev, consent: { ...ev.consent, lead: null } }), ['consent']],
    ['an informational call with no consent record', NY, (ev) => ({ ...ev, consent: { basis: 'informational', lead: null } }), []],
    ['evidence for another number', NY, (ev) => ({ ...ev, phone: '+12125550999' }), ['evidence_mismatch']],
    ['no do-not-call list consulted', NY, (ev) => ({ ...ev, dncListsConsulted: [] }), ['dnc_not_consulted']],
    ['no campaign window recorded', NY, (ev) => ({ ...ev, campaignWindow: null }), ['campaign_window']],
    ['a declared Florida state past 20:00 there', NY, (ev) => ({ ...ev, checkedAt: '2026-06-17T00:30:00.000Z', declared: { timezone: null, state: 'US-FL' }, campaignWindow: { timezone: 'America/New_York', dayOfWeek: 2, startHour: 0, endHour: 24 } }), ['us-fl-hours-cap']],
  ])('%s', (_name, phone, alter, expected) => {
    expect(rules(phone, evidence(phone, WED_11, alter))).toEqual(expected);
  });

  it('a call with no evidence, or evidence without an instant, is a violation', () => {
    expect(rules(NY, null)).toEqual(['evidence_missing']);
    expect(rules(NY, evidence(NY, WED_11, (ev) => ({ ...ev, checkedAt: 'yesterday' })))).toEqual(['evidence_invalid']);
  });

  it('holds a Louisiana call on a Sunday to the state’s Sunday ban even inside the campaign’s Sunday window', () => {
    const sunday = (ev: ComplianceEvidence): ComplianceEvidence => ({ ...ev, checkedAt: '2026-06-21T16:00:00.000Z', campaignWindow: { timezone: 'America/New_York', dayOfWeek: 0, startHour: 9, endHour: 17 } });
    expect(rules('+15045550101', evidence('+15045550101', WED_11, sunday))).toEqual(['us-la-hours-sunday-holiday']);
  });
});
