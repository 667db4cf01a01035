// Reading a campaign's weekly call windows for display: a short summary and when the next one opens.
import type { CallWindow } from './types';

export const weekdays = [
  { day: 1, short: 'Mon', long: 'Monday' },
  { day: 2, short: 'Tue', long: 'Tuesday' },
  { day: 3, short: 'Wed', long: 'Wednesday' },
  { day: 4, short: 'Thu', long: 'Thursday' },
  { day: 5, short: 'Fri', long: 'Friday' },
  { day: 6, short: 'Sat', long: 'Saturday' },
  { day: 0, short: 'Sun', long: 'Sunday' },
] as const;

export const hourLabel = (h: number) => `${String(h).padStart(2, '0')}:00`;

/** "Mon–Fri 09:00–17:00 · Sat 10:00–14:00" */
export function summarizeWindows(windows: CallWindow[]): string {
  if (!windows.length) return 'No call windows';
  const byDay = new Map<number, string>();
  for (const { day } of weekdays) {
    const spans = windows
      .filter((w) => w.dayOfWeek === day)
      .sort((a, b) => a.startHour - b.startHour)
      .map((w) => `${hourLabel(w.startHour)}–${hourLabel(w.endHour)}`)
      .join(', ');
    if (spans) byDay.set(day, spans);
  }
  const groups: { days: string[]; spans: string }[] = [];
  let last: number | null = null;
  for (const { day, short } of weekdays) {
    const spans = byDay.get(day);
    const prev = groups.at(-1);
    if (spans && prev && prev.spans === spans && last !== null && byDay.get(last) === spans) prev.days.push(short);
    else if (spans) groups.push({ days: [short], spans });
    last = spans ? day : null;
  }
  return groups
    .map((g) => {
      const days = g.days.length === 7 ? 'Every day' : g.days.length > 2 ? `${g.days[0]}–${g.days.at(-1)}` : g.days.join(', ');
      return `${days} ${g.spans}`;
    })
    .join(' · ');
}

function wallClock(at: Date, timeZone: string): { day: number; minutes: number } {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '0';
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(get('weekday'));
  return { day, minutes: Number(get('hour')) * 60 + Number(get('minute')) };
}

function isInside(windows: CallWindow[], at: Date, timeZone: string): boolean {
  const { day, minutes } = wallClock(at, timeZone);
  return windows.some((w) => w.dayOfWeek === day && minutes >= w.startHour * 60 && minutes < w.endHour * 60);
}

/**
 * When the campaign's own windows next open (now if open now), scanning quarter hours for a week.
 * For display only: the engine also honours each lead's local hours and decides for real.
 */
export function nextWindowOpening(windows: CallWindow[], timeZone: string, now = new Date()): Date | null {
  if (!windows.length) return null;
  try {
    if (isInside(windows, now, timeZone)) return now;
    const step = 15 * 60_000;
    let t = Math.ceil(now.getTime() / step) * step;
    for (let i = 0; i < 8 * 96; i++, t += step) {
      if (isInside(windows, new Date(t), timeZone)) return new Date(t);
    }
  } catch {
    return null;
  }
  return null;
}
