// Reading a campaign's weekly call windows for display: day and hour labels and a short summary. When the windows
// next open is the engine's answer (the campaign's progress, `nextCallAt`), not worked out here.
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
