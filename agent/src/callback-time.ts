// "Call me back tomorrow afternoon": the lead's words, or the model's ISO guess at them, turned into
// the instant the app should call again. The reading is the app's own (shared/callback-time.ts), so
// the time the agent confirms with the lead is the time the scorer would read from the transcript.
import { readCallbackTime } from '../../shared/callback-time';

export type CallbackTime = { ok: true; at: Date } | { ok: false; reason: 'unrecognised' | 'past' };

/**
 * Parses an ISO 8601 date-time (with or without offset; without one it is the lead's wall time) or
 * plain English such as "in two hours", "tomorrow at 3pm", "next Monday morning", "Friday 10:30".
 * Only future times are accepted.
 */
export function parseCallbackTime(text: string, options: { now: Date; timeZone: string }): CallbackTime {
  const at = readCallbackTime(text, options);
  if (!at) return { ok: false, reason: 'unrecognised' };
  if (at.getTime() <= options.now.getTime()) return { ok: false, reason: 'past' };
  return { ok: true, at };
}
