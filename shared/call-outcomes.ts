// What a call attempt ended as; the retry schedule (lib/services/engine/rules) and the lead's status
// follow from it, and the calls screen filters by it: one list, named once, for both.
import { z } from 'zod';

export const callOutcomes = [
  'no_answer',
  'busy',
  'failed', // technical failure: the call never properly connected
  'voicemail',
  'callback_requested',
  'wrong_number',
  'invalid_number',
  'not_interested',
  'qualified',
  'unqualified',
  'completed',
] as const;

export const callOutcome = z.enum(callOutcomes);
export type CallOutcome = z.infer<typeof callOutcome>;

/**
 * The outcomes the qualification judge decides (lib/services/qualification/outcome.ts), from the dial status
 * and then from what was said; the rest of callOutcomes come from the dial alone (busy, invalid_number) or
 * from a call that could not be scored (completed).
 */
export const judgedOutcomes = ['qualified', 'unqualified', 'callback_requested', 'not_interested', 'wrong_number', 'voicemail', 'no_answer', 'failed'] as const satisfies readonly CallOutcome[];
export type JudgedOutcome = (typeof judgedOutcomes)[number];
