// Which consent bases need evidence per lead before a call.
import type { ConsentBasis, LeadConsentRecord } from './types';

/**
 * Prior express written consent (47 CFR 64.1200(a)(2), (f)(9)) and prior express consent (47 CFR 64.1200(a)(1))
 * are given by the called party, so each lead must carry its own record of it. An existing business
 * relationship (47 CFR 64.1200(f)(5)) is the caller's own record of a purchase or inquiry, not something
 * the lead hands over, and informational calls (no solicitation) need no telemarketing consent at all;
 * those two bases are the campaign's declaration and are checked at the campaign, not per lead.
 */
export const CONSENT_BASES_NEEDING_LEAD_EVIDENCE: ReadonlySet<ConsentBasis> = new Set(['prior_express_written_consent', 'prior_express_consent']);

export function hasConsentEvidence(record: LeadConsentRecord | null | undefined): boolean {
  if (!record) return false;
  return [record.at, record.source, record.text].some((v) => typeof v === 'string' && v.trim().length > 0);
}

export function needsLeadConsent(consent: { basis: ConsentBasis; leadConsent?: LeadConsentRecord | null } | undefined): boolean {
  if (!consent) return false;
  return CONSENT_BASES_NEEDING_LEAD_EVIDENCE.has(consent.basis) && !hasConsentEvidence(consent.leadConsent);
}
