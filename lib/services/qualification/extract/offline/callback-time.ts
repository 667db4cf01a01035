// "Thursday at 3", "tomorrow morning", "in twenty minutes": a moment in the lead's time zone.
// Conventions: an hour with no am/pm is read within business hours (1–7 → pm, 8–11 → am); a day with
// no time is 10:00; morning 09:00, after lunch 13:00, afternoon 14:00, end of day 16:00, evening
// 17:00; a time with no day is today when still ahead, else tomorrow; "next week" is its Monday.
import { DateTime } from 'luxon';
import { digitize } from './number-words';

const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const months = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const partsOfDay: [RegExp, number][] = [
  [/\b(?:first thing|morning)\b/, 9],
  [/\bafter lunch\b/, 13],
  [/\b(?:noon|midday|lunch ?time|lunch)\b/, 12],
  [/\bafternoon\b/, 14],
  [/\b(?:end of (?:the )?day|close of business|eod|cob)\b/, 16],
  [/\b(?:evening|tonight)\b/, 17],
];

type Clock = { hour: number; minute: number; meridiem: 'am' | 'pm' | null };

function readClock(text: string): Clock | null {
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
  m = /\b(?:at|around|about|after|before|by|say|like|maybe|from|anytime after|make it|how about|what about) (\d{1,2})(?:[:.](\d{2})| (\d{2})(?!\s*(?:minutes?|mins?|hours?|days?|people)))?\b(?!\s*(?:minutes?|mins?|hours?|days?|weeks?|months?|people|reps|%|percent|th|st|nd|rd))/.exec(text);
  if (m) return { hour: Number(m[1]), minute: Number(m[2] ?? m[3] ?? 0), meridiem: null };
  m = /\b(\d{1,2}):(\d{2})\b/.exec(text);
  if (m) return { hour: Number(m[1]), minute: Number(m[2]), meridiem: null };
  return null;
}

function hour24({ hour, meridiem }: Clock, partHour: number | null): number {
  if (meridiem === 'am') return hour % 12;
  if (meridiem === 'pm') return (hour % 12) + 12;
  if (hour >= 13) return hour;
  if (partHour !== null && partHour < 12) return hour;
  if (partHour !== null && partHour >= 12) return hour === 12 ? 12 : hour + 12;
  // Business hours: "3" is 3pm, "9" is 9am.
  if (hour >= 1 && hour <= 7) return hour + 12;
  return hour;
}

function readRelative(text: string): { minutes: number } | null {
  if (/\bin half an hour\b/.test(text)) return { minutes: 30 };
  if (/\bin a couple (?:of )?hours\b/.test(text)) return { minutes: 120 };
  if (/\bin a few minutes\b/.test(text)) return { minutes: 10 };
  if (/\bin an? (?:hour|hr)\b/.test(text)) return { minutes: 60 };
  const m = /\bin (\d+(?:\.\d+)?) (minutes?|mins?|hours?|hrs?)\b/.exec(text);
  if (m) return { minutes: Number(m[1]) * (m[2].startsWith('h') ? 60 : 1) };
  // "Call me back in 10": a bare small number is minutes.
  const bare = /\bin (\d{1,2})\s*(?:[?.!,]|$)/.exec(text);
  if (bare && Number(bare[1]) <= 60) return { minutes: Number(bare[1]) };
  return null;
}

type Day = { date: DateTime; explicit: boolean };

function readDay(text: string, now: DateTime): Day | null {
  const today = now.startOf('day');
  if (/\bday after tomorrow\b/.test(text)) return { date: today.plus({ days: 2 }), explicit: true };
  if (/\btomorrow\b/.test(text)) return { date: today.plus({ days: 1 }), explicit: true };
  const nextWeek = /\bnext week\b/.test(text);
  const weekday = new RegExp(`\\b(${weekdays.join('|')})s?\\b`).exec(text);
  if (weekday) {
    const target = weekdays.indexOf(weekday[1]) + 1;
    if (nextWeek) return { date: today.startOf('week').plus({ weeks: 1, days: target - 1 }), explicit: true };
    let ahead = (target - now.weekday + 7) % 7;
    if (ahead === 0) ahead = 7;
    return { date: today.plus({ days: ahead }), explicit: true };
  }
  if (nextWeek) return { date: today.startOf('week').plus({ weeks: 1 }), explicit: true };
  const monthDay = new RegExp(`\\b(${months.join('|')}) (\\d{1,2})(?:st|nd|rd|th)?\\b|\\bthe (\\d{1,2})(?:st|nd|rd|th)? of (${months.join('|')})\\b`).exec(text);
  if (monthDay) {
    const month = months.indexOf(monthDay[1] ?? monthDay[4]) + 1;
    const day = Number(monthDay[2] ?? monthDay[3]);
    let date = today.set({ month, day });
    if (date < today) date = date.plus({ years: 1 });
    return date.isValid ? { date, explicit: true } : null;
  }
  const ordinal = /\b(?:on )?the (\d{1,2})(?:st|nd|rd|th)\b/.exec(text);
  if (ordinal) {
    const day = Number(ordinal[1]);
    let date = today.set({ day });
    if (day < today.day) date = today.plus({ months: 1 }).set({ day });
    return date.isValid ? { date, explicit: true } : null;
  }
  if (/\b(?:today|tonight|this (?:morning|afternoon|evening))\b/.test(text)) return { date: today, explicit: false };
  return null;
}

/**
 * The moment a phrase names, relative to now in the lead's zone; null when it names none.
 * `dayFrom` lends a day to a phrase that only has a time: the agent offers "tomorrow at 10", the lead
 * answers "make it 11".
 */
export function resolveCallbackTime(phrase: string, now: Date, timeZone: string, { dayFrom }: { dayFrom?: string } = {}): Date | null {
  const text = digitize(phrase.toLowerCase());
  const at = DateTime.fromJSDate(now, { zone: timeZone });
  const relative = readRelative(text);
  if (relative) return at.plus({ minutes: relative.minutes }).startOf('minute').toJSDate();

  const part = partsOfDay.find(([p]) => p.test(text))?.[1] ?? null;
  const clock = readClock(text);
  const day = readDay(text, at) ?? (dayFrom && (clock || part !== null) ? readDay(digitize(dayFrom.toLowerCase()), at) : null);
  // "Today's mad" names no time; only a day that is not today earns the 10:00 default.
  if (!clock && part === null && !day?.explicit) return null;

  const hour = clock ? hour24(clock, part) : (part ?? 10);
  const minute = clock ? clock.minute : 0;
  if (hour > 23 || minute > 59) return null;
  let when = (day?.date ?? at.startOf('day')).set({ hour, minute, second: 0, millisecond: 0 });
  if (!day?.explicit && when <= at) when = when.plus({ days: 1 });
  return when.toJSDate();
}
