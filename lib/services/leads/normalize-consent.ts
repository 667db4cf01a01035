// A lead's declared state and consent record, as imported or sent: read strictly, since they are evidence.
// Pure (no server-only imports) so the CSV preview can share it.
import { DateTime } from 'luxon';
import { normalizeRegion } from '@/lib/services/compliance/regions';

export const consentLimits = { source: 500, text: 5000 } as const;

/** 'fl', 'Florida', 'US-FL' → 'US-FL'; 'Ontario' → 'CA-ON'; null when it names no US state or Canadian province. */
export function normalizeLeadState(raw: string): string | null {
  const region = normalizeRegion(raw);
  // A bare country ('US', 'Canada') says nothing the number does not: only a state or province is kept.
  return region && region.includes('-') ? region : null;
}

const formats = ['M/d/yyyy', 'M/d/yyyy H:mm', 'M/d/yyyy H:mm:ss', 'M/d/yy', 'yyyy/M/d', 'yyyy/M/d H:mm', 'yyyy/M/d H:mm:ss'];

/**
 * When the lead gave consent: ISO 8601, SQL-style or RFC 2822 timestamps, or a US date (month first).
 * A time without an offset is read as UTC. null when it is not a date, or not between 1990 and `now`.
 */
export function parseConsentAt(raw: string, now: Date = new Date()): Date | null {
  const value = raw.trim();
  if (!value) return null;
  const opts = { zone: 'utc', setZone: true } as const;
  let at = DateTime.fromISO(value, opts);
  if (!at.isValid) at = DateTime.fromSQL(value, opts);
  if (!at.isValid) at = DateTime.fromRFC2822(value, opts);
  for (const f of formats) if (!at.isValid) at = DateTime.fromFormat(value, f, opts);
  if (!at.isValid) return null;
  const date = at.toJSDate();
  // A consent given before 1990 or in the future is a typo, not evidence (a day of slack for zones).
  if (date.getTime() < Date.UTC(1990, 0, 1) || date.getTime() > now.getTime() + 86_400_000) return null;
  return date;
}
