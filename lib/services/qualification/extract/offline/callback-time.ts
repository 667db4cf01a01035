// "Thursday at 3", "tomorrow morning", "in twenty minutes": a moment in the lead's time zone, read by
// the one parser the voice agent uses too (shared/callback-time.ts, which states the conventions).
import { readCallbackTime } from '@/shared/callback-time';

/**
 * The moment a phrase names, relative to now in the lead's zone; null when it names none or only a
 * moment already gone.
 * `dayFrom` lends a day to a phrase that only has a time: the agent offers "tomorrow at 10", the lead
 * answers "make it 11".
 */
export function resolveCallbackTime(phrase: string, now: Date, timeZone: string, { dayFrom }: { dayFrom?: string } = {}): Date | null {
  const at = readCallbackTime(phrase, { now, timeZone, dayFrom });
  return at && at.getTime() > now.getTime() ? at : null;
}
