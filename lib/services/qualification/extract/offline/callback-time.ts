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
  // The date parser is the costliest step of the rules; a phrase with no word of time is not worth it.
  if (!timeHint.test(phrase) && !(dayFrom && clockHint.test(phrase))) return null;
  // "thursday, no wait, friday's better": the last time said stands; what came before can lend it a day.
  const corrected = selfCorrection.exec(phrase);
  if (corrected) {
    const later = phrase.slice(corrected.index + corrected[0].length);
    const at = readCallbackTime(later, { now, timeZone, dayFrom: dayFrom ?? phrase.slice(0, corrected.index) });
    if (at && at.getTime() > now.getTime()) return at;
  }
  const at = readCallbackTime(phrase, { now, timeZone, dayFrom });
  return at && at.getTime() > now.getTime() ? at : null;
}

const days = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun';
const months = 'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec';
const timeHint = new RegExp(
  `\\d|\\b(?:${days}|${months}|today|tonight|tomorrow|morning|afternoon|evening|noon|midday|lunch|weekend|week|month|eod|cob|end of|close of|first thing|later|minutes?|mins?|hours?|half|quarter|o'?clock|am|pm|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|the \\w+(?:st|nd|rd|th))\\b`,
  'i',
);
const clockHint = /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|noon|morning|afternoon|evening|half|quarter|make it)\b/i;

// The last self-correction in a phrase; `[^]*` first makes the match the last one, in one linear pass.
const selfCorrection = /^[^]*\b(?:no wait|wait no|no sorry|sorry no|actually no|no actually|or rather|i mean|scratch that|make that|no no)\b,?/;
