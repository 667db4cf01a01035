// When to call back, from the lead's words ("thursday at 3", "tomorrow morning", "in twenty minutes") or
// an ISO date-time: one reading for the app's scorer and the voice agent, so the time the agent promises
// is the time the app schedules. Dates come from chrono-node; a business-hours refiner makes its reading
// follow the conventions of a sales call, and a few spoken forms chrono does not read ("make it 11",
// "half past 2", "in 10", "end of day") are read here.
//
// Conventions (the lead's local time):
// - an hour with no am/pm is a business hour: 1–7 → pm, 8–12 → am (12 is noon); "morning" or "afternoon"
//   beside it decides instead;
// - a part of the day alone: first thing / morning 09:00, noon / lunch 12:00, after lunch 13:00,
//   afternoon 14:00, end of day 16:00, evening / tonight 17:00;
// - a day with no time: 10:00; a time with no day: today when still ahead, else tomorrow; a time on a
//   day already gone ("today at 9" said at 2pm) is returned as it is, for the caller to refuse;
// - "the 20th" is this month's when still ahead, else next month's;
// - a weekday is the next one after today (on a Tuesday, "Tuesday" is next week's); "next week" alone is
//   its Monday; "next week Wednesday" the Wednesday of next week;
// - "in 10" with no unit is minutes.
import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';
import { digitize } from './number-words';

const partsOfDay: [RegExp, number][] = [
  [/\b(?:first thing|morning)\b/, 9],
  [/\bafter lunch\b/, 13],
  [/\b(?:noon|midday|lunch ?time|lunch)\b/, 12],
  [/\bafternoon\b/, 14],
  [/\b(?:end of (?:the )?day|close of business|eod|cob)\b/, 16],
  [/\b(?:evening|tonight)\b/, 17],
];

/** The part of the day said first: "in the afternoon, it's surgery morning here" is the afternoon. */
function partOfDay(text: string): number | null {
  let best: { at: number; hour: number } | null = null;
  for (const [pattern, hour] of partsOfDay) {
    const at = text.search(pattern);
    if (at >= 0 && (!best || at < best.at)) best = { at, hour };
  }
  return best?.hour ?? null;
}

/** An hour said without am/pm, read within business hours or by the part of the day said beside it. */
function businessHour(hour: number, part: number | null): number {
  if (hour >= 13) return hour;
  if (part !== null) return part < 12 ? hour % 12 : hour === 12 ? 12 : hour + 12;
  return hour >= 1 && hour <= 7 ? hour + 12 : hour;
}

// The business-hours refiner: chrono's own guesses (morning 06:00, evening 20:00, "at 3" 03:00) replaced
// by the conventions above.
const businessHours: chrono.Refiner = {
  refine: (context, results) => {
    const part = partOfDay(context.text.toLowerCase());
    for (const r of results) {
      // An ISO time is a 24-hour clock already.
      if (r.start.isCertain('timezoneOffset') || /^\d{4}-\d{2}-\d{2}/.test(r.text)) continue;
      if (r.start.isCertain('hour') && !r.start.isCertain('meridiem')) {
        r.start.assign('hour', businessHour(r.start.get('hour') ?? 0, part));
      } else if (!r.start.isCertain('hour')) {
        r.start.imply('hour', part ?? 10);
        r.start.imply('minute', 0);
      }
    }
    return results;
  },
};

const parser = chrono.casual.clone();
parser.refiners.push(businessHours);

type Clock = { hour: number; minute: number; meridiem: 'am' | 'pm' | null };

// Spoken clock times chrono does not read: "half past 2", "quarter to 4", "make it 11", "at 2 30".
function spokenClock(text: string): Clock | null {
  let m = /\bhalf past (\d{1,2})\b/.exec(text);
  if (m) return { hour: Number(m[1]), minute: 30, meridiem: null };
  m = /\bhalf (\d{1,2})\b(?! (?:hours?|an?))/.exec(text);
  if (m) return { hour: Number(m[1]), minute: 30, meridiem: null };
  m = /\bquarter past (\d{1,2})\b/.exec(text);
  if (m) return { hour: Number(m[1]), minute: 15, meridiem: null };
  m = /\bquarter (?:to|of) (\d{1,2})\b/.exec(text);
  if (m) return { hour: Number(m[1]) - 1, minute: 45, meridiem: null };
  m = /\b(\d{1,2})(?:[:.](\d{2})| (\d{2}))?\s*(a\.?\s?m\.?|p\.?\s?m\.?|o'?clock)(?![a-z])/.exec(text);
  if (m) return { hour: Number(m[1]), minute: Number(m[2] ?? m[3] ?? 0), meridiem: m[4].startsWith('a') ? 'am' : m[4].startsWith('p') ? 'pm' : null };
  m =
    /\b(?:at|around|about|after|before|by|say|like|maybe|from|anytime after|make it|how about|what about) (\d{1,2})(?:[:.](\d{2})| (\d{2})(?!\s*(?:minutes?|mins?|hours?|days?|people)))?\b(?!\s*(?:minutes?|mins?|hours?|days?|weeks?|months?|people|reps|%|percent|th|st|nd|rd))/.exec(
      text,
    );
  if (m) return { hour: Number(m[1]), minute: Number(m[2] ?? m[3] ?? 0), meridiem: null };
  m = /\b(\d{1,2}):(\d{2})\b/.exec(text);
  if (m) return { hour: Number(m[1]), minute: Number(m[2]), meridiem: null };
  return null;
}

function hour24({ hour, meridiem }: Clock, part: number | null): number {
  if (meridiem === 'am') return hour % 12;
  if (meridiem === 'pm') return (hour % 12) + 12;
  return businessHour(hour, part);
}

const unitMinutes: Record<string, number> = { m: 1, h: 60, d: 1440, w: 10080 };
const countWords: Record<string, number> = { a: 1, an: 1, couple: 2, 'couple of': 2, few: 3 };

function relativeMinutes(text: string): number | null {
  if (/\bin half an hour\b/.test(text)) return 30;
  if (/\bin a few minutes\b/.test(text)) return 10;
  const m = /\bin (\d+(?:\.\d+)?|an?|(?:a )?couple(?: of)?|a few) (minutes?|mins?|hours?|hrs?|days?|weeks?)\b/.exec(text);
  if (m) {
    const count = /^\d/.test(m[1]) ? Number(m[1]) : countWords[m[1].replace(/^a /, '')];
    return count * unitMinutes[m[2][0]];
  }
  // "Call me back in 10": a bare small number is minutes.
  const bare = /\bin (\d{1,2})\s*(?:[?.!,]|$)/.exec(text);
  return bare && Number(bare[1]) <= 60 ? Number(bare[1]) : null;
}

type Day = { date: DateTime; explicit: boolean };

/** The day a phrase names, from chrono's reading: explicit unless it is only today. */
function dayOf(results: chrono.ParsedResult[], text: string, now: DateTime): Day | null {
  const today = now.startOf('day');
  const weekday = results.find((r) => r.start.isCertain('weekday') && !r.start.isCertain('day'));
  const nextWeek = /\bnext week\b/.test(text);
  if (weekday) {
    const target = weekday.start.get('weekday') ?? 1;
    const iso = target === 0 ? 7 : target;
    if (nextWeek) return { date: today.startOf('week').plus({ weeks: 1, days: iso - 1 }), explicit: true };
    const ahead = (iso - now.weekday + 7) % 7 || 7;
    return { date: today.plus({ days: ahead }), explicit: true };
  }
  if (nextWeek) return { date: today.startOf('week').plus({ weeks: 1 }), explicit: true };
  if (/\bday after tomorrow\b/.test(text)) return { date: today.plus({ days: 2 }), explicit: true };
  const dated = results.find((r) => r.start.isCertain('day'));
  if (dated) {
    const date = DateTime.fromObject({ year: dated.start.get('year') ?? today.year, month: dated.start.get('month') ?? today.month, day: dated.start.get('day') ?? today.day }, { zone: now.zone });
    if (!date.isValid) return null;
    return { date, explicit: true };
  }
  // "On the 20th": a day of this month still ahead, else of the next.
  const ordinal = /\b(?:on )?the (\d{1,2})(?:st|nd|rd|th)\b/.exec(text);
  if (ordinal) {
    const day = Number(ordinal[1]);
    const date = day <= today.day ? today.plus({ months: 1 }).set({ day }) : today.set({ day });
    return date.isValid && date.day === day ? { date, explicit: true } : null;
  }
  if (/\b(?:today|tonight|this (?:morning|afternoon|evening))\b/.test(text)) return { date: today, explicit: false };
  return null;
}

function clockOf(results: chrono.ParsedResult[]): Clock | null {
  const timed = results.find((r) => r.start.isCertain('hour'));
  if (!timed) return null;
  // The refiner already placed the hour in business hours.
  const hour = timed.start.get('hour') ?? 0;
  return { hour: hour % 12, minute: timed.start.get('minute') ?? 0, meridiem: hour >= 12 ? 'pm' : 'am' };
}

const isoWithOffset = /\d{4}-\d{2}-\d{2}[t ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:z|[+-]\d{2}:?\d{2})$/;

/** chrono reads the wall clock of its reference date: give it the lead's wall clock, whatever the server's zone. */
function wallClock(at: DateTime): Date {
  return new Date(at.year, at.month - 1, at.day, at.hour, at.minute, at.second);
}

// "Now" and "yesterday" name no time to call back.
const notAhead = /^(?:right )?now$|^yesterday\b|\bago$|^last\b/;

function readDates(text: string, at: DateTime): chrono.ParsedResult[] {
  return parser.parse(text, wallClock(at), { forwardDate: true }).filter((r) => !notAhead.test(r.text));
}

export type CallbackTimeOptions = {
  now: Date;
  /** The lead's IANA zone. */
  timeZone: string;
  /** Lends a day to a phrase that only has a time: the agent offers "tomorrow at 10", the lead says "make it 11". */
  dayFrom?: string;
};

/** The moment a phrase names, in the lead's zone; null when it names none. It may be in the past. */
export function readCallbackTime(phrase: string, { now, timeZone, dayFrom }: CallbackTimeOptions): Date | null {
  const text = digitize(phrase.trim().toLowerCase());
  if (!text) return null;
  const at = DateTime.fromJSDate(now, { zone: timeZone });
  const results = readDates(text, at);

  const minutes = relativeMinutes(text);
  if (minutes !== null) return at.plus({ minutes }).startOf('minute').toJSDate();
  // An ISO date-time with an offset is an instant already.
  if (isoWithOffset.test(text)) {
    const instant = results.find((r) => r.start.isCertain('timezoneOffset'));
    if (instant) return instant.start.date();
  }

  const part = partOfDay(text);
  const clock = spokenClock(text) ?? clockOf(results);
  const day = dayOf(results, text, at) ?? (dayFrom && (clock || part !== null) ? dayOf(readDates(digitize(dayFrom.toLowerCase()), at), dayFrom.toLowerCase(), at) : null);
  // "Today's mad" names no time; only a day that is not today earns the 10:00 default.
  if (!clock && part === null && !day?.explicit) return null;

  const hour = clock ? hour24(clock, part) : (part ?? 10);
  const minute = clock ? clock.minute : 0;
  if (hour > 23 || minute > 59) return null;
  let when = (day?.date ?? at.startOf('day')).set({ hour, minute, second: 0, millisecond: 0 });
  if (!day?.explicit && when <= at) when = when.plus({ days: 1 });
  return when.toJSDate();
}
