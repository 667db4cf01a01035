// The next retry moved into calling hours: the retry schedule and the call windows together.
import { callPermission, type CallingHours } from './call-windows';
import { nextRetry, type RetryDecision, type RetryInput } from './retry-schedule';

export type LawfulRetryDecision =
  | RetryDecision
  /** The campaign's windows never meet the lead's legal hours (within two weeks of the due time). */
  | { retry: false; leadStatus: 'exhausted'; reason: 'no_lawful_moment' };

/** nextRetry, with the due time moved to the first moment on or after it when the lead may be called. */
export function nextLawfulRetryAt(input: RetryInput & CallingHours): LawfulRetryDecision {
  const decision = nextRetry(input);
  if (!decision.retry) return decision;
  const { nextAllowedAt } = callPermission({ ...input, now: decision.at });
  if (!nextAllowedAt) return { retry: false, leadStatus: 'exhausted', reason: 'no_lawful_moment' };
  return { retry: true, at: nextAllowedAt };
}
