// The recorded answers the OpenAI stand-in gives: for each evaluation case, what a correct model would
// answer under the conventions in transcripts.ts, written from the case's expectations (not from any
// model's output). `npm run eval:scoring -- --record-standin` rewrites ai-recordings.json from the sets.
import { DateTime } from 'luxon';
import { transcriptText } from '../extract/ai-extractor';
import type { AiExtraction } from '../extraction-schema';
import type { StandInRecording } from './openai-stand-in';
import { transcriptKey } from './openai-stand-in';
import { evalCriteria, evalTimeZone, transcriptOf, type EvalCase } from './transcripts';

export function expectedAnswer(c: EvalCase): AiExtraction {
  const { outcome, nextAction, optOut, callbackAt, fields = {} } = c.expected;
  const values = fields as Record<string, unknown>;
  return {
    fields: Object.fromEntries(evalCriteria.map((k) => [k.field, values[k.field] ?? null])),
    signals: {
      voicemail: outcome === 'voicemail',
      wrong_number: outcome === 'wrong_number',
      opt_out: optOut ?? false,
      not_interested: outcome === 'not_interested' && !optOut,
      callback_requested: outcome === 'callback_requested' || nextAction === 'callback',
      // A model answers in words or a time; an ISO time with the lead's offset is read as that instant.
      callback_time: callbackAt ? DateTime.fromISO(callbackAt, { zone: evalTimeZone }).toISO() : null,
      wants_demo: nextAction === 'schedule_demo',
      wants_proposal: nextAction === 'send_proposal',
      interested: outcome === 'qualified',
    },
  };
}

export function recordExpectedAnswers(cases: readonly EvalCase[]): StandInRecording[] {
  return cases.map((c) => ({ id: c.id, transcriptSha256: transcriptKey(transcriptText(transcriptOf(c))), answer: expectedAnswer(c) }));
}
