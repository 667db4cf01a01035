// The evidence stored on every call (campaign_calls.compliance): why the call was lawful when it was claimed.
// Written once, in the claim transaction, by lib/services/engine/claim-leads.ts; read by the call detail,
// the compliance report (which re-checks it against the rules table) and the evidence CSV export.

export type ConsentBasis = 'prior_express_written_consent' | 'prior_express_consent' | 'existing_business_relationship' | 'informational';

export const consentBases = ['prior_express_written_consent', 'prior_express_consent', 'existing_business_relationship', 'informational'] as const satisfies readonly ConsentBasis[];

export interface ComplianceEvidence {
  /** Version of this shape, so a later reader can tell old evidence from new. */
  version: 1;
  /** The instant the claim decided the call (ISO 8601, UTC). */
  checkedAt: string;
  phone: string;
  /** Candidate zones and each one's local wall-clock time at checkedAt (ISO, no offset). */
  zones: { zone: string; localTime: string }[];
  /** Every jurisdiction applied, declared and number-derived: ['US', 'US-FL']. */
  jurisdiction: string[];
  /** Ids of the rule rows applied (lib/services/compliance/rules.ts). */
  rulesApplied: string[];
  /** The declared zone and state the lead carried, as imported. */
  declared: { timezone: string | null; state: string | null };
  /** The campaign's own window that allowed the call. */
  campaignWindow: { timezone: string; dayOfWeek: number; startHour: number; endHour: number } | null;
  /** The do-not-call lists consulted, and that none matched. */
  dncListsConsulted: string[];
  /** Calls to this number in the 24 h before the claim, across every campaign of the owner. */
  callsLast24h: number;
  consent: {
    basis: ConsentBasis;
    lead: { at: string | null; source: string | null; text: string | null } | null;
  };
  /** Recording: whether an all-party-consent jurisdiction applied, and what the call does about it. */
  recording: {
    campaignRecords: boolean;
    allPartyConsentJurisdictions: string[];
    /**
     * not_recorded: the campaign does not record. disclosed: recorded, the disclosure is the agent's first words.
     * recorded_one_party: recorded with no disclosure line, only one-party-consent jurisdictions apply.
     * not_recorded_no_disclosure: an all-party-consent jurisdiction applies and no disclosure line is set.
     */
    decision: 'not_recorded' | 'disclosed' | 'recorded_one_party' | 'not_recorded_no_disclosure';
  };
  /** Notes on how zones and jurisdictions were read (ignored labels, non-geographic numbers). */
  notes: string[];
}
