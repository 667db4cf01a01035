// The AI path end to end: the real @ai-sdk/openai provider against the recorded-response stand-in.
import { createOpenAI } from '@ai-sdk/openai';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { logger } from '@/lib/logger';
import { createAiExtractor } from '../extract/ai-extractor';
import recordings from './ai-recordings.json';
import { recordExpectedAnswers } from './ai-recordings';
import { startOpenAiStandIn, type OpenAiStandIn, type StandInRecording } from './openai-stand-in';
import { allEvalCases, outcomeAccuracy, runScoringEval } from './run-eval';
import { evalCriteria, evalNow, evalTimeZone, transcriptOf } from './transcripts';

let standIn: OpenAiStandIn;
beforeAll(async () => {
  standIn = await startOpenAiStandIn({ recordings: recordings as StandInRecording[], criteria: evalCriteria });
});
afterAll(() => standIn.close());

const aiExtractor = () => createAiExtractor({ model: createOpenAI({ apiKey: standIn.apiKey, baseURL: standIn.baseURL }).chat(standIn.model), maxRetries: 0 });

// One conversation of each outcome a person can give.
const sample = ['qualified', 'unqualified', 'callback_requested', 'not_interested', 'wrong_number', 'voicemail'].map(
  (outcome) => allEvalCases.find((c) => c.expected.outcome === outcome && !c.answeringMachine && (c.callStatus ?? 'completed') === 'completed')!,
);

describe('the AI extractor through the OpenAI stand-in', () => {
  it('the committed recordings are the expectations of every evaluation case', () => {
    expect(recordings).toEqual(recordExpectedAnswers(allEvalCases));
  });

  it('sends the wire and schema the stand-in checks, and scores every sampled call from the answer', async () => {
    const before = standIn.answered;
    const report = await runScoringEval({ extractor: aiExtractor(), cases: sample });
    expect(standIn.problems).toEqual([]);
    expect(standIn.answered - before).toBe(sample.length);
    expect(report.scoredByAi).toBe(sample.length);
    expect(outcomeAccuracy(report)).toBe(1);
  });

  it('refuses a request whose schema is not the campaign one, and the call falls back to offline', async () => {
    vi.spyOn(logger, 'warn').mockImplementation(() => {});
    const problems = standIn.problems.length;
    const extraction = await aiExtractor().extract({ transcript: transcriptOf(sample[0]), criteria: evalCriteria.slice(1), now: evalNow, timeZone: evalTimeZone });
    expect(extraction.scoredBy).toBe('offline');
    expect(standIn.problems.slice(problems)).toEqual(['the JSON schema differs from the one extraction-schema.ts builds']);
  });
});
