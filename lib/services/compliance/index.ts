// Compliance: whether a lead may be called at an instant, which rules decided it, and when it next may be.
// checkCompliance and the tables are pure (no database, time passed in); decide-for-lead.ts loads what the
// workspace's data says about the numbers and is the one path the claim and the check API share.
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
export {
  loadWorkspaceComplianceContext,
  decideForLead,
  complianceInputFor,
  complianceEvidence,
  recordingDecision,
  numberLockKey,
  OWNER_DNC_LIST,
  type WorkspaceComplianceContext,
  type LoadedComplianceContext,
  type ComplianceLead,
  type ComplianceCampaign,
} from './decide-for-lead';
export { complianceCheck, complianceCheckBatch, createBlackoutBody, parseCheckBody, MAX_CHECKS_PER_REQUEST, type ComplianceCheckRequest, type CreateBlackoutBody } from './api-schemas';
export { checkNumbers, type NumberCheckResult } from './check-numbers';
export { complianceCampaignOf } from './campaign-rules';
export { listBlackouts, createBlackout, deleteBlackout, type Blackout } from './blackouts';
export { complianceReport, evidenceViolations, complianceInputFromEvidence, MAX_LISTED_VIOLATIONS, type ComplianceReport, type ComplianceViolation } from './compliance-report';
export { exportEvidenceCsv, EVIDENCE_CSV_HEADERS } from './export-evidence-csv';
