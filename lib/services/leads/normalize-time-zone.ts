// A lead's own time zone decides its legal calling hours, so only a real IANA zone is kept.
import { isValidTimeZone } from '@/lib/time-zones';

// What people type in a CRM. Mapped before validation: "EST" is itself a valid IANA zone, but one
// without daylight saving time, which would put summer calls an hour off.
const abbreviations: Record<string, string> = {
  est: 'America/New_York', edt: 'America/New_York', et: 'America/New_York', eastern: 'America/New_York', useastern: 'America/New_York',
  cst: 'America/Chicago', cdt: 'America/Chicago', ct: 'America/Chicago', central: 'America/Chicago', uscentral: 'America/Chicago',
  mst: 'America/Denver', mdt: 'America/Denver', mt: 'America/Denver', mountain: 'America/Denver', usmountain: 'America/Denver',
  pst: 'America/Los_Angeles', pdt: 'America/Los_Angeles', pt: 'America/Los_Angeles', pacific: 'America/Los_Angeles', uspacific: 'America/Los_Angeles',
  akst: 'America/Anchorage', akdt: 'America/Anchorage', alaska: 'America/Anchorage',
  hst: 'Pacific/Honolulu', hawaii: 'Pacific/Honolulu',
  utc: 'UTC', gmt: 'UTC', z: 'UTC',
};

const cache = new Map<string, string | null>();

/** The canonical IANA name ("america/new_york" → "America/New_York"), or null when it is not a zone. */
export function normalizeTimeZone(raw: string): string | null {
  const value = raw.trim();
  if (!value) return null;
  let zone = cache.get(value);
  if (zone === undefined) {
    zone = abbreviations[value.toLowerCase().replace(/[\s._/-]/g, '')] ?? canonical(value);
    if (cache.size < 10_000) cache.set(value, zone);
  }
  return zone;
}

function canonical(value: string): string | null {
  if (!value.includes('/') || !isValidTimeZone(value)) return null;
  return new Intl.DateTimeFormat('en-US', { timeZone: value }).resolvedOptions().timeZone;
}

/** UTC under any of its names ('UTC', 'Etc/GMT', 'Zulu' …): no North American lead's local time. */
export function isUtcZone(zone: string): boolean {
  return /^(Etc\/)?(UTC|UCT|GMT|GMT[+-]?0|Greenwich|Universal|Zulu)$/i.test(zone);
}
