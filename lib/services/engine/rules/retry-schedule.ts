// When a lead is called again after an attempt, or how the lead is settled if it is not.
import { effectiveMaxAttempts, type CampaignConfig } from '@/lib/services/campaigns/config';
import type { CallOutcome } from '@/shared/call-outcomes';

const HOUR = 3_600_000;
// A lead who asked to be called back without saying when hears from us the next day.
const CALLBACK_WITHOUT_TIME_HOURS = 24;

// An opt-out never reaches here: settling the call puts the lead on the DNC list (lib/services/calls/settle-call.ts).
export type LeadSettlement = { retry: false; leadStatus: 'completed' | 'exhausted' };
export type RetryDecision = LeadSettlement | { retry: true; at: Date };

export interface RetryInput {
  outcome: CallOutcome;
  /** Attempts made on this lead, including the one that just ended. */
  attemptsSoFar: number;
  /** How many times this lead got each outcome, including the one just now. */
  outcomeCounts: Partial<Record<CallOutcome, number>>;
  config: Pick<CampaignConfig, 'retryRules' | 'retryDelayHours' | 'maxCallsPerLead'>;
  /** When the lead asked to be called back, for callback_requested. */
  callbackAt?: Date | null;
  now: Date;
}

type RetryRule =
  | { kind: 'never'; leadStatus: 'completed' }
  | { kind: 'callback' }
  /** delaysHours[n - 1] is the wait after the nth such outcome; past the list's end, the lead is exhausted. */
  | { kind: 'delays'; delaysHours: readonly number[]; nth: (counts: RetryInput['outcomeCounts']) => number };

const exhausted: LeadSettlement = { retry: false, leadStatus: 'exhausted' };

/**
 * The raw due time of the next attempt, or the lead's final status. The due time may fall outside
 * calling hours: nextLawfulRetryAt moves it to the next lawful moment.
 */
export function nextRetry(input: RetryInput): RetryDecision {
  const rule = retryRule(input.outcome, input.config);
  if (rule.kind === 'never') return { retry: false, leadStatus: rule.leadStatus };
  // Compliance wins over everything else, a requested callback included.
  if (input.attemptsSoFar >= effectiveMaxAttempts(input.config)) return exhausted;
  if (rule.kind === 'callback') return { retry: true, at: callbackTime(input.callbackAt, input.now) };

  const delayHours = rule.delaysHours[Math.max(1, rule.nth(input.outcomeCounts)) - 1];
  if (delayHours === undefined) return exhausted;
  return { retry: true, at: new Date(input.now.getTime() + delayHours * HOUR) };
}

function retryRule(outcome: CallOutcome, config: RetryInput['config']): RetryRule {
  const rules = config.retryRules;
  // The campaign-wide delay changes how long we wait, not how many times we try.
  const overridden = (delays: readonly number[]) => (config.retryDelayHours === undefined ? delays : delays.map(() => config.retryDelayHours!));
  const unanswered: RetryRule = {
    kind: 'delays',
    delaysHours: overridden(rules.noAnswerDelaysHours),
    // A voicemail that counts as no answer moves the lead along the same 1 h, 4 h, 24 h ladder.
    nth: (c) => (c.no_answer ?? 0) + (rules.voicemail === 'like_no_answer' ? (c.voicemail ?? 0) : 0),
  };

  switch (outcome) {
    case 'no_answer':
      return unanswered;
    case 'voicemail':
      return rules.voicemail === 'never' ? { kind: 'never', leadStatus: 'completed' } : unanswered;
    case 'busy':
      return { kind: 'delays', delaysHours: overridden(rules.busyDelaysHours), nth: (c) => c.busy ?? 0 };
    case 'failed':
      return { kind: 'delays', delaysHours: rules.failedDelaysHours, nth: (c) => c.failed ?? 0 };
    case 'callback_requested':
      return { kind: 'callback' };
    case 'wrong_number':
    case 'invalid_number':
    case 'not_interested':
    case 'qualified':
    case 'unqualified':
    case 'completed':
      return { kind: 'never', leadStatus: 'completed' };
  }
}

// A requested time already past (the call ran long, the lead said "in five minutes") means now.
function callbackTime(callbackAt: Date | null | undefined, now: Date): Date {
  if (!callbackAt || Number.isNaN(callbackAt.getTime())) return new Date(now.getTime() + CALLBACK_WITHOUT_TIME_HOURS * HOUR);
  return new Date(Math.max(callbackAt.getTime(), now.getTime()));
}
