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
  'opted_out',
] as const;

export const callOutcome = z.enum(callOutcomes);
export type CallOutcome = z.infer<typeof callOutcome>;
