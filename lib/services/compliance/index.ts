// Compliance: whether a lead may be called at an instant, which rules decided it, and when it next may be.
// Pure and synchronous: no database, time passed in, tables built once at load.
export type {
  ComplianceInput,
  ComplianceReason,
  ComplianceDecision,
  ComplianceRule,
  ComplianceRuleSource,
  ComplianceBlackout,
  ComplianceCallWindow,
  ConsentBasis,
  ComplianceEvidence,
  LeadConsentRecord,
  MinuteSpan,
} from './types';
export { checkCompliance, NEXT_ALLOWED_HORIZON_DAYS } from './check-compliance';
export { leadTimeZones } from './lead-time-zones';
export { leadJurisdictions } from './jurisdictions';
export { normalizeRegion } from './regions';
export { complianceRules } from './rules';
