// The next retry moved to a lawful moment: the retry schedule, then the compliance check's nextAllowedAt
// (every hours rule of the lead's jurisdictions, in every zone it may be in, and the campaign's windows).
// The claim decides with the very same check, so a retry is never scheduled where the claim would refuse it.
import type { CallWindow } from '@/lib/services/campaigns/config';
import { checkCompliance } from '@/lib/services/compliance/check-compliance';
import { nextRetry, type RetryDecision, type RetryInput } from './retry-schedule';

export type LawfulRetryDecision =
  | RetryDecision
  /** The campaign's windows never meet the lead's lawful hours (within two weeks of the due time). */
  | { retry: false; leadStatus: 'exhausted'; reason: 'no_lawful_moment' };

export interface RetryLead {
  phone: string;
  timezone?: string | null;
  state?: string | null;
  /** The zones its call was claimed under (campaign_calls.lead_time_zones); null: resolved from phone and timezone. */
  zones?: readonly string[] | null;
}

export interface RetryCampaign {
  timezone: string;
  callWindows: readonly CallWindow[];
  defaultRegion?: string;
}

/** nextRetry, with the due time moved to the first moment on or after it when the lead may lawfully be called. */
export function nextLawfulRetryAt(input: RetryInput & { lead: RetryLead; campaign: RetryCampaign }): LawfulRetryDecision {
  const decision = nextRetry(input);
  if (!decision.retry) return decision;
  const { nextAllowedAt } = checkCompliance({
    phone: input.lead.phone,
    declaredTimezone: input.lead.timezone ?? null,
    zones: input.lead.zones ?? null,
    declaredState: input.lead.state ?? null,
    at: decision.at,
    defaultRegion: input.campaign.defaultRegion ?? 'US',
    campaign: { timezone: input.campaign.timezone, callWindows: input.campaign.callWindows },
  });
  if (!nextAllowedAt) return { retry: false, leadStatus: 'exhausted', reason: 'no_lawful_moment' };
  return { retry: true, at: nextAllowedAt };
}
