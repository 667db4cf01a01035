// A recorded-response stand-in of the OpenAI chat-completions API, for the evaluation and its tests. It
// checks every request the real `@ai-sdk/openai` provider sends (path, key, model, the two messages,
// strict structured output under the schema extraction-schema.ts builds for the campaign) and answers
// with the recording for that transcript. The recordings are what a correct model would answer, so a
// run through it checks the wire, the schema and everything after the answer, not a model's accuracy.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isDeepStrictEqual } from 'node:util';
import { asSchema } from 'ai';
import type { QualificationCriterion } from '../criteria';
import type { AiExtraction } from '../extraction-schema';
import { extractionSchema } from '../extraction-schema';

export type StandInRecording = { id: string; transcriptSha256: string; answer: AiExtraction };

export type OpenAiStandIn = {
  baseURL: string;
  apiKey: string;
  model: string;
  /** Requests answered from a recording. */
  answered: number;
  /** What was wrong with each refused request; empty when the wire was right every time. */
  problems: string[];
  close(): Promise<void>;
};

/** The key a recording is found by: the transcript as the AI extractor writes it into the prompt. */
export const transcriptKey = (transcriptText: string) => createHash('sha256').update(transcriptText).digest('hex');

// The prompt is "<preamble>:\n\n<transcript>"; the transcript is everything after the first blank line.
const transcriptOfPrompt = (prompt: string) => prompt.slice(prompt.indexOf('\n\n') + 2);

function chatCompletion(model: string, content: string) {
  return {
    id: `chatcmpl-standin-${Date.now()}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, finish_reason: 'stop', logprobs: null }],
    usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
  };
}

type ChatRequest = {
  model?: unknown;
  messages?: { role: string; content: unknown }[];
  response_format?: { type?: string; json_schema?: { name?: string; strict?: boolean; schema?: unknown } };
};

/** What is wrong with a request, or null when it is what the AI extractor must send. */
function wireProblem(req: IncomingMessage, body: ChatRequest, expected: { apiKey: string; model: string; schema: unknown }): string | null {
  if (req.method !== 'POST' || req.url !== '/v1/chat/completions') return `unexpected ${req.method} ${req.url}`;
  if (req.headers.authorization !== `Bearer ${expected.apiKey}`) return 'missing or wrong bearer key';
  if (body.model !== expected.model) return `model ${JSON.stringify(body.model)}, expected ${expected.model}`;
  const roles = body.messages?.map((m) => m.role);
  if (!isDeepStrictEqual(roles, ['system', 'user'])) return `messages ${JSON.stringify(roles)}, expected system then user`;
  const format = body.response_format;
  if (format?.type !== 'json_schema' || format.json_schema?.name !== 'call_qualification' || format.json_schema.strict !== true) return 'not strict structured output named call_qualification';
  if (!isDeepStrictEqual(format.json_schema.schema, expected.schema)) return 'the JSON schema differs from the one extraction-schema.ts builds';
  return null;
}

export async function startOpenAiStandIn({
  recordings,
  criteria,
  model = 'gpt-4.1-mini',
  apiKey = 'stand-in-key',
}: {
  recordings: readonly StandInRecording[];
  criteria: readonly QualificationCriterion[];
  model?: string;
  apiKey?: string;
}): Promise<OpenAiStandIn> {
  const byKey = new Map(recordings.map((r) => [r.transcriptSha256, r]));
  const schema = await asSchema(extractionSchema(criteria)).jsonSchema;
  const state = { answered: 0, problems: [] as string[] };

  const refuse = (res: ServerResponse, problem: string) => {
    state.problems.push(problem);
    res.writeHead(400, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { message: problem, type: 'invalid_request_error' } }));
  };

  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      let body: ChatRequest;
      try {
        body = JSON.parse(raw || '{}') as ChatRequest;
      } catch {
        return refuse(res, 'body is not JSON');
      }
      const problem = wireProblem(req, body, { apiKey, model, schema });
      if (problem) return refuse(res, problem);
      const prompt = body.messages?.[1]?.content;
      const recording = typeof prompt === 'string' ? byKey.get(transcriptKey(transcriptOfPrompt(prompt))) : undefined;
      if (!recording) return refuse(res, 'no recording for this transcript');
      state.answered++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(chatCompletion(model, JSON.stringify(recording.answer))));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    apiKey,
    model,
    get answered() {
      return state.answered;
    },
    get problems() {
      return state.problems;
    },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
