// The compliance check's contract: what the claim, the check API and the report pass in and get back.

import type { ConsentBasis } from '@/shared/compliance-evidence';

export type { ConsentBasis, ComplianceEvidence } from '@/shared/compliance-evidence';

export interface LeadConsentRecord {
  at?: string | null;
  source?: string | null;
  text?: string | null;
}

export interface ComplianceCallWindow {
  dayOfWeek: number;
  startHour: number;
  endHour: number;
}

export interface ComplianceBlackout {
  /** 'US-FL', 'FL', 'Florida', 'US', 'CA-ON' … */
  region: string;
  startsAt: Date;
  endsAt: Date;
  reason?: string;
}

export type ComplianceInput = {
  /** E.164, or national digits read with defaultRegion. */
  phone: string;
  /** The lead's own zone or label from the CRM (IANA or a label like 'MST', 'Eastern'). */
  declaredTimezone?: string | null;
  /**
   * The lead's zones as already resolved from its number and declared zone (stored with a call at its claim): used as
   * they are, not read again. A settlement passes its call's, so its retry is held to the zones the call was.
   */
  zones?: readonly string[] | null;
  /** The lead's state or province: two-letter code or full name, any case. */
  declaredState?: string | null;
  at: Date;
  /** The campaign's default country, e.g. 'US'. */
  defaultRegion?: string;
  /** The campaign's own windows; when given, nextAllowedAt also waits for them. */
  campaign?: { timezone: string; callWindows: readonly ComplianceCallWindow[] };
  /** User-declared blackouts (a state of emergency). */
  blackouts?: readonly ComplianceBlackout[];
  /** Calls to this number in the last 24 h across the workspace's campaigns. */
  callsLast24h?: number;
  /** A call to this number is in flight in one of the workspace's campaigns (one call at a time to a number). */
  callInFlight?: boolean;
  onDnc?: { listsConsulted: string[]; hit: boolean };
  consent?: { basis: ConsentBasis; leadConsent?: LeadConsentRecord | null };
};

export type ComplianceReason = {
  /** A rule row id (see complianceRules) or a check name: 'blackout', 'dnc', 'consent', 'campaign_window', 'calls_per_24h'. */
  rule: string;
  /** The statute, regulator page or input the reason comes from. */
  source: string;
  detail: string;
  zone?: string;
  jurisdiction?: string;
};

export type ComplianceDecision = {
  allowed: boolean;
  /** Candidate zones and each one's local wall-clock time at `at` (ISO, no offset). */
  zones: { zone: string; localTime: string }[];
  /** Every jurisdiction that applies, declared and number-derived: ['US', 'US-FL']. */
  jurisdiction: string[];
  /** Ids of the rule rows applied. */
  rulesApplied: string[];
  /** Why the call is not allowed; empty when allowed. */
  reasons: ComplianceReason[];
  /** Earliest instant >= at when every time-based rule passes; null when none within NEXT_ALLOWED_HORIZON_DAYS. */
  nextAllowedAt: Date | null;
  /** The basis needs per-lead consent and the lead has none. */
  needsConsent: boolean;
  /** Whether an all-party-consent recording jurisdiction applies. */
  recording: { allPartyConsent: boolean; jurisdictions: string[] };
  /** Notes on how zones and jurisdictions were read (ignored labels, non-geographic numbers). */
  notes: string[];
};

/** Local hours as minutes after local midnight, [start, end); end 1440 is the midnight ending the day. */
export interface MinuteSpan {
  start: number;
  end: number;
}

export interface ComplianceRuleSource {
  citation: string;
  url: string;
  /**
   * How the row was checked: 'statute_text' against the statute's or regulator's own text, 'secondary' against
   * a secondary summary (a law firm's or a compliance vendor's table), 'unverified' not checked.
   */
  verification: 'statute_text' | 'regulator_page' | 'secondary' | 'unverified';
  /** The page the check was made against, and what it showed. */
  checkedAgainst?: string;
  note?: string;
}

export interface ComplianceRule {
  id: string;
  /** 'US', 'US-FL', 'CA', 'CA-QC' … */
  jurisdiction: string;
  summary: string;
  /** Allowed local hours per weekday, 0 = Sunday … 6 = Saturday; [] means no calls that day. null = no hours rule. */
  hours: readonly (readonly MinuteSpan[])[] | null;
  /** No calls on the jurisdiction's public holidays (date-holidays, see holidays.ts). */
  holidayBan: boolean;
  /** At most this many calls to one number per rolling 24 h. */
  callsPer24h: number | null;
  source: ComplianceRuleSource;
  /** Zones the hours are also read in, whatever the lead's zones (Mississippi's statute names Central Standard Time). */
  alsoInZones?: readonly string[];
  /** ISO date the rule (in this form) took effect; null where no source confirmed it. */
  effective: string | null;
}
