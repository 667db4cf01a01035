// How a call ended, for the sales team: from the dial status, then from what was said.
// The list it chooses from is judgedOutcomes (shared/call-outcomes.ts), a part of the calls' outcome vocabulary.
import type { JudgedOutcome } from '@/shared/call-outcomes';
import type { TerminalCallStatus } from '@/shared/statuses';
import type { CallSignals } from './extraction';

export type OutcomeInput = {
  callStatus: TerminalCallStatus;
  answeringMachine?: boolean;
  /** Whether the lead said anything at all. */
  leadSpoke: boolean;
  signals: CallSignals;
  /** null when there are no criteria to score against. */
  score: number | null;
  minQualificationScore: number;
};

/**
 * The outcome, in order of precedence: the dial status; a machine; silence; a wrong number; an opt-out
 * or a no; a qualified lead (a qualified lead who also asks for a call back is still qualified, and the
 * call-back time is kept); a call-back request; otherwise unqualified.
 */
export function decideOutcome(input: OutcomeInput): JudgedOutcome {
  const { callStatus, signals } = input;
  if (callStatus === 'no_answer' || callStatus === 'busy') return 'no_answer';
  if (callStatus === 'failed') return 'failed';
  if (input.answeringMachine || signals.voicemail) return 'voicemail';
  if (!input.leadSpoke) return 'no_answer';
  if (signals.wrongNumber) return 'wrong_number';
  if (signals.optOut || signals.notInterested) return 'not_interested';
  // With no criteria the campaign cannot score; a lead who asks for a demo or says yes counts as qualified.
  const qualified = input.score !== null ? input.score >= input.minQualificationScore : signals.wantsDemo || signals.wantsProposal || signals.interested;
  if (qualified) return 'qualified';
  if (signals.callbackRequested) return 'callback_requested';
  return 'unqualified';
}

/** Outcomes where nobody was talked to, so there is nothing to score. */
export const unscoredOutcomes: readonly JudgedOutcome[] = ['voicemail', 'no_answer', 'failed', 'wrong_number'];
