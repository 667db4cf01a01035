// Extraction by a language model, answering in the structured shape built from the campaign's fields.
// Any failure (an error, a timeout, an answer that is not JSON or not the schema) falls back to the
// offline rules, and the call is marked as scored offline.
import { generateText, Output, type LanguageModel } from 'ai';
import type { TranscriptTurn } from '@/db/schema/calls';
import { logger } from '@/lib/logger';
import { coerceFieldValue, type ExtractedFields } from '../field-value';
import { fieldsOf, type Extraction, type ExtractionRequest, type Extractor } from '../extraction';
import { extractionSchema, type AiExtraction } from '../extraction-schema';
import { knownFieldKind, painPointValues, timelineValues } from '../known-fields';
import { resolveCallbackTime } from './offline/callback-time';
import { extractOffline } from './offline/offline-extractor';

export type AiExtractorOptions = {
  model: LanguageModel;
  /** The whole call to the model, retries included. */
  timeoutMs?: number;
  /** Retries of a retryable API error (rate limit, 5xx); the SDK backs off between them. */
  maxRetries?: number;
  fallback?: Extractor;
};

const system = `You read transcripts of outbound sales calls and record what the LEAD said, for a sales team.
Rules:
- Only the lead's words are evidence. What the AGENT says (prices, timelines, suggestions) counts only when the lead clearly agrees with it; an agent suggestion the lead ignores or denies does not count.
- A negated statement is not a fact: "it's not slow" is not the pain point "slow".
- Amounts are in dollars as numbers (50000, not "50k"); for a range give the low end.
- Use null for anything the lead never said. Do not guess.
- A voicemail greeting or carrier message on the lead's side means voicemail is true.`;

/** The transcript as the model reads it; the OpenAI stand-in finds its recordings by this text. */
export function transcriptText(transcript: readonly TranscriptTurn[]): string {
  return transcript
    .filter((t) => t.text?.trim())
    .map((t) => `${t.speaker === 'agent' ? 'AGENT' : 'LEAD'}: ${t.text.trim()}`)
    .join('\n');
}

class ExtractionTimeout extends Error {
  constructor(ms: number) {
    super(`AI extraction took longer than ${ms} ms`);
    this.name = 'ExtractionTimeout';
  }
}

/** A guard of our own besides the SDK's timeout: a model that ignores its abort signal must not hang a call. */
function withDeadline<T>(work: (signal: AbortSignal) => Promise<T>, ms: number): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new ExtractionTimeout(ms));
    }, ms);
  });
  return Promise.race([work(controller.signal), deadline]).finally(() => clearTimeout(timer));
}

function toExtraction(answer: AiExtraction, request: ExtractionRequest): Extraction {
  const fields: ExtractedFields = {};
  for (const c of fieldsOf(request.criteria)) {
    let value = coerceFieldValue(answer.fields[c.field], c.type);
    const kind = knownFieldKind(c.field);
    // The schema already holds the model to these words; this keeps a loose provider honest too.
    if (kind === 'timeline' && typeof value === 'string' && !(timelineValues as readonly string[]).includes(value)) value = null;
    if (kind === 'pain_points' && Array.isArray(value)) {
      value = value.filter((p) => (painPointValues as readonly string[]).includes(p));
      if (!value.length) value = null;
    }
    fields[c.field] = value;
  }
  const s = answer.signals;
  // Missing an opt-out is a compliance failure, so the offline phrases are checked as well; they are
  // cheap and precise. The model's callback words are resolved by the same clock rules as offline.
  const offline = extractOffline(request);
  const callbackAt = (s.callback_time ? resolveCallbackTime(s.callback_time, request.now, request.timeZone) : null) ?? (s.callback_requested ? offline.signals.callbackAt : undefined);
  return {
    fields,
    signals: {
      voicemail: s.voicemail,
      wrongNumber: s.wrong_number,
      optOut: s.opt_out || offline.signals.optOut,
      notInterested: s.not_interested,
      callbackRequested: s.callback_requested,
      ...(callbackAt ? { callbackAt } : {}),
      wantsDemo: s.wants_demo,
      wantsProposal: s.wants_proposal,
      interested: s.interested,
    },
    scoredBy: 'ai',
    offlineReading: { fields: offline.fields, signals: offline.signals },
  };
}

export function createAiExtractor({ model, timeoutMs = 20_000, maxRetries = 2, fallback }: AiExtractorOptions): Extractor {
  const offline: Extractor = fallback ?? { extract: async (r) => extractOffline(r) };
  return {
    async extract(request) {
      try {
        const schema = extractionSchema(request.criteria);
        const result = await withDeadline(
          (abortSignal) =>
            generateText({
              model,
              system,
              prompt: `Call transcript (the lead's local time zone is ${request.timeZone}; now is ${request.now.toISOString()}):\n\n${transcriptText(request.transcript)}`,
              output: Output.object({ schema, name: 'call_qualification', description: 'What the lead said on the call' }),
              temperature: 0,
              maxRetries,
              timeout: timeoutMs,
              abortSignal,
            }),
          timeoutMs + 250,
        );
        return toExtraction(result.output as AiExtraction, request);
      } catch (error) {
        logger.warn('AI extraction failed, scoring offline', { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
        const extraction = await offline.extract(request);
        return { ...extraction, scoredBy: 'offline' };
      }
    },
  };
}
