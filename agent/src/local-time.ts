// Wall-clock time in the lead's zone with nothing but Intl: the agent reasons about "tomorrow at
// three" as the lead means it, and the worker stays free of a date library.

export type WallTime = { year: number; month: number; day: number; hour: number; minute: number };
export type LocalParts = WallTime & { weekday: number };

const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export function isTimeZone(zone: string | null | undefined): zone is string {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The lead's zone when it is a real IANA zone, else UTC (a wrong guess beats a crash mid-call). */
export function zoneOrUtc(zone: string | null | undefined): string {
  return isTimeZone(zone) ? zone : 'UTC';
}

/** The wall-clock date and time at `instant` in `zone`; weekday 0 is Sunday. */
export function localParts(instant: Date, zone: string): LocalParts {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    weekday: 'short',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const part = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    year: Number(part.year),
    month: Number(part.month),
    day: Number(part.day),
    hour: Number(part.hour),
    minute: Number(part.minute),
    weekday: weekdays.indexOf(part.weekday),
  };
}

function offsetMs(instant: Date, zone: string): number {
  const p = localParts(instant, zone);
  const seconds = Math.floor(instant.getTime() / 1000) % 60;
  const wallAsUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, seconds);
  return wallAsUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The instant a wall-clock time in `zone` names. Day overflow is normalised (day 32 is next month).
 * Across a DST gap the time lands an hour later; in a repeated hour it takes the first occurrence.
 */
export function zonedTime(wall: WallTime, zone: string): Date {
  const guess = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const first = guess - offsetMs(new Date(guess), zone);
  const second = guess - offsetMs(new Date(first), zone);
  if (first === second) return new Date(first);
  const wanted = new Date(guess);
  const shows = (instant: number) => {
    const p = localParts(new Date(instant), zone);
    return p.hour === wanted.getUTCHours() && p.minute === wanted.getUTCMinutes();
  };
  if (shows(first)) return new Date(first);
  if (shows(second)) return new Date(second);
  return new Date(Math.max(first, second));
}

/** A day `days` after the local date of `instant`, at the given local time. */
export function localDayAt(instant: Date, zone: string, days: number, hour: number, minute: number): Date {
  const today = localParts(instant, zone);
  return zonedTime({ year: today.year, month: today.month, day: today.day + days, hour, minute }, zone);
}

const weekdayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * "Tuesday 3 June 2025, 14:05" in the lead's zone, for the agent's sense of "today" and "tomorrow".
 * Spelled out by hand: Intl's long formats differ between ICU versions.
 */
export function describeLocalTime(instant: Date, zone: string): string {
  const p = localParts(instant, zone);
  const clock = `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
  return `${weekdayNames[p.weekday]} ${p.day} ${monthNames[p.month - 1]} ${p.year}, ${clock}`;
}
