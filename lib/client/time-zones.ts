// IANA time zones for the picker, each with its current UTC offset.

export type TimeZoneOption = { id: string; offset: string; offsetMinutes: number };

function offsetOf(zone: string, at: Date): { label: string; minutes: number } {
  try {
    const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName');
    const label = part?.value === 'GMT' ? 'GMT+00:00' : (part?.value ?? 'GMT');
    const match = /GMT([+-])(\d{2}):(\d{2})/.exec(label);
    const minutes = match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
    return { label: label.replace('GMT', 'UTC'), minutes };
  } catch {
    return { label: 'UTC', minutes: 0 };
  }
}

let cached: TimeZoneOption[] | null = null;

export function timeZoneOptions(): TimeZoneOption[] {
  if (cached) return cached;
  const ids = new Set<string>(typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []);
  ids.add('UTC');
  const now = new Date();
  cached = [...ids]
    .map((id) => {
      const { label, minutes } = offsetOf(id, now);
      return { id, offset: label, offsetMinutes: minutes };
    })
    .sort((a, b) => a.offsetMinutes - b.offsetMinutes || a.id.localeCompare(b.id));
  return cached;
}

export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}
