// The real OpenAI provider, pointed at a stand-in server started here: the request it sends (model,
// strict JSON schema) and the chat-completions answer it reads back.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createOpenAI } from '@ai-sdk/openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { logger } from '@/lib/logger';
import type { QualificationCriterion } from '../criteria';
import type { ExtractionRequest } from '../extraction';
import { createAiExtractor } from './ai-extractor';

type Recorded = { path: string; headers: IncomingMessage['headers']; body: Record<string, unknown> };
type Behaviour = (res: import('node:http').ServerResponse) => void;

const received: Recorded[] = [];
let behaviour: Behaviour;
let server: Server;
let baseURL: string;

const criteria: QualificationCriterion[] = [
  { field: 'budget', type: 'number', operator: '>=', value: 10000, weight: 50 },
  { field: 'decision_maker', type: 'boolean', operator: '==', value: true, weight: 50 },
];
const request: ExtractionRequest = {
  transcript: [
    { speaker: 'agent', text: 'What budget do you have?' },
    { speaker: 'lead', text: 'Around 10 to 20 grand, and I sign off on it.' },
  ],
  criteria,
  now: new Date('2025-03-11T14:00:00Z'),
  timeZone: 'America/New_York',
};

const answer = {
  fields: { budget: 10000, decision_maker: true },
  signals: { voicemail: false, wrong_number: false, opt_out: false, not_interested: false, callback_requested: false, callback_time: null, wants_demo: false, wants_proposal: false, interested: true },
};

function chatCompletion(content: string) {
  return {
    id: 'chatcmpl-test',
    object: 'chat.completion',
    created: 1741701600,
    model: 'gpt-4.1-mini',
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 120, completion_tokens: 40, total_tokens: 160 },
  };
}

const json = (status: number, body: unknown) => (res: import('node:http').ServerResponse) => {
  res.writeHead(status, { 'content-type': 'application/json', 'retry-after-ms': '1' });
  res.end(JSON.stringify(body));
};

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body: JSON.parse(raw || '{}') });
      behaviour(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  received.length = 0;
  vi.spyOn(logger, 'warn').mockImplementation(() => {});
});

const extractor = (options: { timeoutMs?: number } = {}) =>
  createAiExtractor({ model: createOpenAI({ apiKey: 'test-key', baseURL }).chat('gpt-4.1-mini'), maxRetries: 1, ...options });

describe('AI extractor over the OpenAI chat-completions API', () => {
  it('sends the model and a strict JSON schema, and reads the answer', async () => {
    behaviour = json(200, chatCompletion(JSON.stringify(answer)));
    const extraction = await extractor().extract(request);

    expect(received).toHaveLength(1);
    const [{ path, headers, body }] = received;
    expect(path).toBe('/v1/chat/completions');
    expect(headers.authorization).toBe('Bearer test-key');
    expect(body.model).toBe('gpt-4.1-mini');
    expect(body.temperature).toBe(0);
    const format = body.response_format as { type: string; json_schema: { name: string; strict: boolean; schema: Record<string, any> } };
    expect(format.type).toBe('json_schema');
    expect(format.json_schema.name).toBe('call_qualification');
    expect(format.json_schema.strict).toBe(true);
    const schema = format.json_schema.schema;
    expect(schema.required).toEqual(['fields', 'signals']);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.fields.required).toEqual(['budget', 'decision_maker']);
    expect(schema.properties.fields.additionalProperties).toBe(false);
    expect(schema.properties.fields.properties.budget.type).toEqual(['number', 'null']);
    const messages = body.messages as { role: string; content: string }[];
    expect(messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(messages[1].content).toContain('LEAD: Around 10 to 20 grand, and I sign off on it.');

    expect(extraction).toMatchObject({ fields: { budget: 10000, decision_maker: true }, signals: { interested: true }, scoredBy: 'ai' });
  });

  it('falls back to offline after the server keeps failing, having retried', async () => {
    behaviour = json(500, { error: { message: 'upstream down', type: 'server_error' } });
    const extraction = await extractor().extract(request);
    expect(received).toHaveLength(2);
    expect(extraction).toMatchObject({ fields: { budget: 10000, decision_maker: true }, scoredBy: 'offline' });
  });

  it('falls back to offline when the answer does not match the schema', async () => {
    behaviour = json(200, chatCompletion(JSON.stringify({ fields: { budget: 'ten grand' } })));
    expect((await extractor().extract(request)).scoredBy).toBe('offline');
  });

  it('falls back to offline when the server is too slow', async () => {
    behaviour = (res) => setTimeout(() => json(200, chatCompletion(JSON.stringify(answer)))(res), 1_000);
    const started = Date.now();
    const extraction = await extractor({ timeoutMs: 150 }).extract(request);
    expect(extraction.scoredBy).toBe('offline');
    expect(Date.now() - started).toBeLessThan(900);
  });
});
