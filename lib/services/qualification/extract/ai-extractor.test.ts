// The AI path at the wire, with the SDK's own test model: what is sent, what is parsed, and every
// failure falling back to the offline rules.
import { APICallError } from 'ai';
import { MockLanguageModelV3 } from 'ai/test';
import type { LanguageModelV3CallOptions, LanguageModelV3GenerateResult } from '@ai-sdk/provider';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { TranscriptTurn } from '@/db/schema/calls';
import { logger } from '@/lib/logger';
import type { QualificationCriterion } from '../criteria';
import type { ExtractionRequest } from '../extraction';
import { createAiExtractor } from './ai-extractor';

const criteria: QualificationCriterion[] = [
  { field: 'budget', type: 'number', operator: '>=', value: 10000, weight: 40 },
  { field: 'timeline', type: 'string', operator: 'in', value: ['immediate', 'within_month'], weight: 20 },
  { field: 'pain_points', type: 'string_list', operator: 'exists', weight: 20 },
  { field: 'decision_maker', type: 'boolean', operator: '==', value: true, weight: 20 },
];
const transcript: TranscriptTurn[] = [
  { speaker: 'agent', text: 'What budget do you have?' },
  { speaker: 'lead', text: 'About fifty thousand dollars.' },
  { speaker: 'agent', text: 'Who decides?' },
  { speaker: 'lead', text: "I'd need to ask my boss. Call me back Thursday at 3." },
];
const request: ExtractionRequest = { transcript, criteria, now: new Date('2025-03-11T14:00:00Z'), timeZone: 'America/New_York' };

const signals = {
  voicemail: false,
  wrong_number: false,
  opt_out: false,
  not_interested: false,
  callback_requested: true,
  callback_time: 'Thursday at 3',
  wants_demo: false,
  wants_proposal: false,
  interested: true,
};
const answer = { fields: { budget: 60000, timeline: 'within_month', pain_points: ['slow', 'manual'], decision_maker: false }, signals };

const usage = {
  inputTokens: { total: 100, noCache: 100, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 50, text: 50, reasoning: undefined },
};
const reply = (text: string): LanguageModelV3GenerateResult => ({ content: [{ type: 'text', text }], finishReason: { unified: 'stop', raw: 'stop' }, usage, warnings: [] });
const modelAnswering = (text: string) => new MockLanguageModelV3({ doGenerate: async () => reply(text) });

// What the offline rules read from the same transcript; a fallback must give exactly this.
const offlineFields = { budget: 50000, timeline: null, pain_points: null, decision_maker: false };

describe('AI extractor', () => {
  let warn: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    warn = vi.spyOn(logger, 'warn').mockImplementation(() => {});
    return () => warn.mockRestore();
  });

  it('sends a JSON schema built from the campaign’s fields, and the transcript with who said what', async () => {
    const model = modelAnswering(JSON.stringify(answer));
    await createAiExtractor({ model }).extract(request);

    const call: LanguageModelV3CallOptions = model.doGenerateCalls[0];
    expect(call.responseFormat).toMatchObject({ type: 'json', name: 'call_qualification' });
    const schema = (call.responseFormat as unknown as { schema: { properties: { fields: { properties: Record<string, unknown>; required: string[] }; signals: { required: string[] } } } }).schema;
    expect(Object.keys(schema.properties.fields.properties)).toEqual(['budget', 'timeline', 'pain_points', 'decision_maker']);
    expect(schema.properties.fields.required).toEqual(['budget', 'timeline', 'pain_points', 'decision_maker']);
    expect(JSON.stringify(schema.properties.fields.properties.timeline)).toContain('"enum":["immediate","within_month","within_quarter","later","none"]');
    expect(schema.properties.signals.required).toContain('opt_out');

    const prompt = JSON.stringify(call.prompt);
    expect(prompt).toContain('Only the lead');
    expect(prompt).toContain('AGENT: What budget do you have?');
    expect(prompt).toContain('LEAD: About fifty thousand dollars.');
    expect(call.temperature).toBe(0);
  });

  it('parses the answer into fields and signals, resolving the call-back words in the lead’s zone', async () => {
    const extraction = await createAiExtractor({ model: modelAnswering(JSON.stringify(answer)) }).extract(request);
    // The offline reading rides along for the disagreement note; its content is the offline extractor's.
    expect(extraction.offlineReading?.signals).toMatchObject({ optOut: false });
    expect({ ...extraction, offlineReading: undefined }).toEqual({
      fields: { budget: 60000, timeline: 'within_month', pain_points: ['slow', 'manual'], decision_maker: false },
      signals: {
        voicemail: false,
        wrongNumber: false,
        optOut: false,
        notInterested: false,
        callbackRequested: true,
        callbackAt: new Date('2025-03-13T19:00:00Z'),
        wantsDemo: false,
        wantsProposal: false,
        interested: true,
      },
      scoredBy: 'ai',
    });
  });

  it('keeps an opt-out the offline rules hear even when the model misses it', async () => {
    const optOutCall: ExtractionRequest = { ...request, transcript: [...transcript, { speaker: 'lead', text: 'Actually, take me off your list.' }] };
    const extraction = await createAiExtractor({ model: modelAnswering(JSON.stringify(answer)) }).extract(optOutCall);
    expect(extraction.signals.optOut).toBe(true);
    expect(extraction.scoredBy).toBe('ai');
  });

  it('retries a retryable API error, then uses the answer', async () => {
    let calls = 0;
    const model = new MockLanguageModelV3({
      doGenerate: async () => {
        calls++;
        if (calls === 1) {
          throw new APICallError({ message: 'rate limited', url: 'http://x', requestBodyValues: {}, statusCode: 429, responseHeaders: { 'retry-after-ms': '1' }, isRetryable: true });
        }
        return reply(JSON.stringify(answer));
      },
    });
    const extraction = await createAiExtractor({ model, maxRetries: 2 }).extract(request);
    expect(calls).toBe(2);
    expect(extraction.scoredBy).toBe('ai');
  });

  const failures: [string, () => MockLanguageModelV3][] = [
    ['the model throws', () => new MockLanguageModelV3({ doGenerate: async () => { throw new Error('boom'); } })],
    [
      'the API keeps failing',
      () =>
        new MockLanguageModelV3({
          doGenerate: async () => {
            throw new APICallError({ message: 'down', url: 'http://x', requestBodyValues: {}, statusCode: 503, responseHeaders: { 'retry-after-ms': '1' }, isRetryable: true });
          },
        }),
    ],
    ['the answer is not JSON', () => modelAnswering('Sure! The budget is 50k.')],
    ['the answer is truncated JSON', () => modelAnswering('{"fields": {"budget": 50000')],
    ['a field has the wrong type', () => modelAnswering(JSON.stringify({ ...answer, fields: { ...answer.fields, budget: 'fifty grand' } }))],
    ['a timeline is outside the vocabulary', () => modelAnswering(JSON.stringify({ ...answer, fields: { ...answer.fields, timeline: 'soonish' } }))],
    ['the signals are missing', () => modelAnswering(JSON.stringify({ fields: answer.fields }))],
    [
      'the model never answers (timeout)',
      () =>
        new MockLanguageModelV3({
          doGenerate: ({ abortSignal }) =>
            new Promise((_, reject) => abortSignal?.addEventListener('abort', () => reject(abortSignal.reason ?? new Error('aborted')))),
        }),
    ],
    ['the model ignores its abort signal (our own deadline)', () => new MockLanguageModelV3({ doGenerate: () => new Promise(() => {}) })],
  ];

  it.each(failures)('falls back to the offline rules when %s, marked as scored offline', async (_, makeModel) => {
    const started = Date.now();
    const extraction = await createAiExtractor({ model: makeModel(), timeoutMs: 100, maxRetries: 1 }).extract(request);
    expect(extraction.scoredBy).toBe('offline');
    expect(extraction.fields).toEqual(offlineFields);
    expect(extraction.signals.callbackAt).toEqual(new Date('2025-03-13T19:00:00Z'));
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(warn).toHaveBeenCalledWith('AI extraction failed, scoring offline', expect.objectContaining({ error: expect.any(String) }));
  });
});
