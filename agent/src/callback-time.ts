// "Call me back tomorrow afternoon": the lead's words, or the model's ISO guess at them, turned into
// the instant the app should call again. Times without an offset are the lead's local wall time.
import { localDayAt, localParts, zonedTime } from './local-time';

export type CallbackTime = { ok: true; at: Date } | { ok: false; reason: 'unrecognised' | 'past' };

const isoDateTime = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/** When a lead names a day but no time, the morning is the safest guess. */
const defaultHour = 10;

const partsOfDay: Record<string, number> = { morning: 10, noon: 12, midday: 12, lunchtime: 12, afternoon: 14, evening: 18, tonight: 18 };

const weekdayNames = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

const numberWords: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, couple: 2, few: 3 };

const unitMs: Record<string, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000, week: 7 * 86_400_000 };

/**
 * Parses an ISO 8601 date-time (with or without offset) or plain English such as "in two hours",
 * "tomorrow at 3pm", "next Monday morning", "Friday 10:30". Only future times are accepted.
 */
export function parseCallbackTime(text: string, options: { now: Date; timeZone: string }): CallbackTime {
  const when = text.trim();
  const at = parseIso(when, options.timeZone) ?? parseRelative(when, options.now) ?? parseDayAndTime(when, options.now, options.timeZone);
  if (!at) return { ok: false, reason: 'unrecognised' };
  if (at.getTime() <= options.now.getTime()) return { ok: false, reason: 'past' };
  return { ok: true, at };
}

function parseIso(text: string, zone: string): Date | null {
  const match = isoDateTime.exec(text);
  if (!match) return null;
  const [, year, month, day, hour, minute, , offset] = match;
  if (offset) {
    const at = new Date(text.replace(' ', 'T'));
    return Number.isNaN(at.getTime()) ? null : at;
  }
  return zonedTime({ year: +year, month: +month, day: +day, hour: hour ? +hour : defaultHour, minute: minute ? +minute : 0 }, zone);
}

function parseRelative(text: string, now: Date): Date | null {
  const match = /\bin\s+(?:an?\s+)?(\d+|[a-z]+)?\s*(?:of\s+)?(minute|hour|day|week)s?\b/i.exec(text);
  if (!match) return null;
  const [, amount, unit] = match;
  const count = amount === undefined ? 1 : /^\d+$/.test(amount) ? Number(amount) : numberWords[amount.toLowerCase()];
  if (!count) return null;
  return new Date(now.getTime() + count * unitMs[unit.toLowerCase()]);
}

function parseDayAndTime(text: string, now: Date, zone: string): Date | null {
  const lower = text.toLowerCase();
  const days = dayOffset(lower, now, zone);
  const time = timeOfDay(lower);
  if (days === null && time === null) return null;
  const { hour, minute } = time ?? { hour: defaultHour, minute: 0 };
  if (days !== null) return localDayAt(now, zone, days, hour, minute);
  // A time alone means the next time the clock shows it: today if still ahead, else tomorrow.
  const today = localDayAt(now, zone, 0, hour, minute);
  return today.getTime() > now.getTime() ? today : localDayAt(now, zone, 1, hour, minute);
}

function dayOffset(text: string, now: Date, zone: string): number | null {
  if (/\bday after tomorrow\b/.test(text)) return 2;
  if (/\btomorrow\b/.test(text)) return 1;
  if (/\b(today|tonight|this (morning|afternoon|evening))\b/.test(text)) return 0;
  const todayWeekday = localParts(now, zone).weekday;
  // "Monday", "this Monday" and "next Monday" all mean the coming one, one to seven days ahead:
  // the words are ambiguous, so the agent is told to confirm the date with the lead.
  const weekday = weekdayNames.findIndex((name) => new RegExp(`\\b${name}\\b`).test(text));
  if (weekday >= 0) return (weekday - todayWeekday + 7) % 7 || 7;
  if (/\bnext week\b/.test(text)) return (1 - todayWeekday + 7) % 7 || 7;
  return null;
}

const clockTime = /\b(?:(at|around|about|by|after|before)\s+)?(\d{1,2})(?:[:.](\d{2}))?\s*(a\.?m\.?|p\.?m\.?|o'?clock)?(?!\w)/g;

function timeOfDay(text: string): { hour: number; minute: number } | null {
  for (const [, preposition, hours, minutes, meridiem] of text.matchAll(clockTime)) {
    // A bare number ("the 3rd", "2 people") is not a time; "at 3", "3pm" and "15:00" are.
    if (!preposition && minutes === undefined && meridiem === undefined) continue;
    let hour = Number(hours);
    const minute = minutes ? Number(minutes) : 0;
    if (hour > 23 || minute > 59) continue;
    const half = meridiem?.replace(/\./g, '');
    if (half === 'pm' && hour < 12) hour += 12;
    else if (half === 'am' && hour === 12) hour = 0;
    // "at three" or "3:30" on a business call means the afternoon; "at nine" the morning.
    else if ((half === undefined || half.endsWith('clock')) && hour >= 1 && hour <= 7) hour += 12;
    return { hour, minute };
  }
  const part = Object.keys(partsOfDay).find((name) => new RegExp(`\\b${name}\\b`).test(text));
  return part ? { hour: partsOfDay[part], minute: 0 } : null;
}
