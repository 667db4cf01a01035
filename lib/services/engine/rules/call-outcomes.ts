// What a call attempt ended as; the retry schedule and the lead's status follow from it.
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
