// The extractor a call is scored with: the AI when an OpenAI key is configured, the offline rules otherwise.
import { createOpenAI } from '@ai-sdk/openai';
import { env } from '@/lib/env';
import type { Extractor } from '../extraction';
import { createAiExtractor } from './ai-extractor';
import { offlineExtractor } from './offline/offline-extractor';

let cached: Extractor | undefined;

export function defaultExtractor(): Extractor {
  if (cached) return cached;
  if (!env.OPENAI_API_KEY) return (cached = offlineExtractor);
  const openai = createOpenAI({ apiKey: env.OPENAI_API_KEY, baseURL: env.OPENAI_BASE_URL });
  // Chat completions rather than the Responses API: OPENAI_BASE_URL may point at any compatible server.
  return (cached = createAiExtractor({ model: openai.chat(env.OPENAI_MODEL) }));
}
