// The worker's own settings, read once at start-up. LIVEKIT_URL, LIVEKIT_API_KEY,
// LIVEKIT_API_SECRET and OPENAI_API_KEY are read by @livekit/agents and its OpenAI plugin.
import { z } from 'zod';

// An empty variable (AGENT_NAME= in a .env file) means "use the default", not "use nothing".
const optionalText = (fallback: string) =>
  z
    .string()
    .optional()
    .transform((value) => value?.trim() || fallback);

export const workerEnv = z.object({
  /** Must match the app's LIVEKIT_AGENT_NAME (or the campaign's agentName) for dispatches to arrive. */
  LIVEKIT_AGENT_NAME: optionalText('outbound-caller'),
  OPENAI_MODEL: optionalText('gpt-4.1-mini'),
  OPENAI_STT_MODEL: optionalText('gpt-4o-transcribe'),
  OPENAI_TTS_MODEL: optionalText('gpt-4o-mini-tts'),
  OPENAI_TTS_VOICE: optionalText('alloy'),
  /** How long to let the lead say "hello?" before the agent opens the conversation itself. */
  LEAD_FIRST_WORDS_MS: z.preprocess((value) => (value === '' ? undefined : value), z.coerce.number().int().min(0).max(30_000).default(2_500)),
});

export type WorkerEnv = z.infer<typeof workerEnv>;

export function readWorkerEnv(source: Record<string, string | undefined> = process.env): WorkerEnv {
  return workerEnv.parse(source);
}
