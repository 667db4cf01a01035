// A campaign's compliance report: what its calls' evidence says (rules, jurisdictions, recording), and every
// call whose stored evidence the rules table would refuse today, re-checked with checkCompliance.
import 'server-only';
import type { Queryable } from '@/db';
import type { ComplianceEvidence } from '@/shared/compliance-evidence';
import { callEvidencePages } from './call-evidence-pages';
import { checkCompliance } from './check-compliance';
import type { ComplianceCampaign } from './decide-for-lead';
import type { ComplianceInput, ComplianceReason } from './types';

/** The report lists at most this many violations (the count is always complete). */
export const MAX_LISTED_VIOLATIONS = 1_000;

export interface ComplianceViolation {
  callId: string;
  leadId: string;
  phone: string;
  checkedAt: string | null;
  reasons: ComplianceReason[];
}

export interface ComplianceReport {
  callsPlaced: number;
  callsWithEvidence: number;
  byRule: Record<string, number>;
  byJurisdiction: Record<string, number>;
  recording: Record<string, number>;
  violationCount: number;
  violations: ComplianceViolation[];
  violationsTruncated: boolean;
}

/**
 * What the rules say about the call the evidence describes, from the evidence alone: the number, the declared
 * zone and state, the instant, the calls before it, the consent, and the campaign window it was placed in. The
 * DNC hit and the call in flight are not re-decided (the evidence records only that the lists were consulted).
 */
export function complianceInputFromEvidence(ev: ComplianceEvidence, campaign: Pick<ComplianceCampaign, 'timezone' | 'defaultRegion'>): ComplianceInput {
  const window = ev.campaignWindow;
  return {
    phone: ev.phone,
    declaredTimezone: ev.declared?.timezone ?? null,
    declaredState: ev.declared?.state ?? null,
    at: new Date(ev.checkedAt),
    defaultRegion: campaign.defaultRegion ?? 'US',
    // No window recorded means no window allowed the call: an empty set refuses it with campaign_window.
    campaign: window ? { timezone: window.timezone, callWindows: [{ dayOfWeek: window.dayOfWeek, startHour: window.startHour, endHour: window.endHour }] } : { timezone: campaign.timezone, callWindows: [] },
    callsLast24h: ev.callsLast24h,
    consent: ev.consent ? { basis: ev.consent.basis, leadConsent: ev.consent.lead } : undefined,
  };
}

/** The reasons the rules table refuses the call its evidence describes; [] when the evidence shows a lawful call. */
export function evidenceViolations(call: { phone: string }, ev: ComplianceEvidence | null, campaign: Pick<ComplianceCampaign, 'timezone' | 'defaultRegion'>): ComplianceReason[] {
  if (!ev) return [{ rule: 'evidence_missing', source: 'campaign_calls.compliance', detail: 'the call carries no compliance evidence: nothing shows it was checked before dialling' }];
  const reasons: ComplianceReason[] = [];
  if (!ev.checkedAt || !Number.isFinite(new Date(ev.checkedAt).getTime())) return [{ rule: 'evidence_invalid', source: 'campaign_calls.compliance', detail: `checkedAt "${String(ev.checkedAt)}" is not an instant` }];
  if (ev.phone !== call.phone) reasons.push({ rule: 'evidence_mismatch', source: 'campaign_calls.compliance', detail: `the evidence is for ${ev.phone}, the call dialled ${call.phone}` });
  if (!ev.dncListsConsulted?.length) reasons.push({ rule: 'dnc_not_consulted', source: 'campaign_calls.compliance', detail: 'no do-not-call list was consulted before the call' });
  if (!ev.consent) reasons.push({ rule: 'consent', source: '47 CFR 64.1200(a)(1)–(2)', detail: 'the evidence records no consent basis' });
  const decision = checkCompliance(complianceInputFromEvidence(ev, campaign));
  return [...reasons, ...decision.reasons];
}

function bump(counts: Record<string, number>, key: string) {
  counts[key] = (counts[key] ?? 0) + 1;
}

export async function complianceReport(db: Queryable, { campaignId, campaign }: { campaignId: string; campaign: Pick<ComplianceCampaign, 'timezone' | 'defaultRegion'> }): Promise<ComplianceReport> {
  const report: ComplianceReport = { callsPlaced: 0, callsWithEvidence: 0, byRule: {}, byJurisdiction: {}, recording: {}, violationCount: 0, violations: [], violationsTruncated: false };
  for await (const page of callEvidencePages(db, { campaignId })) {
    for (const call of page) {
      report.callsPlaced += 1;
      const ev = call.compliance;
      if (ev) {
        report.callsWithEvidence += 1;
        for (const rule of ev.rulesApplied ?? []) bump(report.byRule, rule);
        for (const j of ev.jurisdiction ?? []) bump(report.byJurisdiction, j);
        bump(report.recording, ev.recording?.decision ?? 'unknown');
      } else bump(report.recording, 'no_evidence');
      const reasons = evidenceViolations(call, ev, campaign);
      if (reasons.length === 0) continue;
      report.violationCount += 1;
      if (report.violations.length < MAX_LISTED_VIOLATIONS) report.violations.push({ callId: call.id, leadId: call.leadId, phone: call.phone, checkedAt: ev?.checkedAt ?? null, reasons });
      else report.violationsTruncated = true;
    }
  }
  return report;
}
