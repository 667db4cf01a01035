// Time-zone labels leads arrive with from CRMs ('EST', 'Mountain', 'Pacific Time'), read as IANA zones.
// A label that does not say whether the place keeps daylight time maps to every zone it may mean.

const LABELS: Readonly<Record<string, readonly string[]>> = {
  eastern: ['America/New_York'], est: ['America/New_York'], edt: ['America/New_York'], et: ['America/New_York'],
  central: ['America/Chicago'], cst: ['America/Chicago'], cdt: ['America/Chicago'], ct: ['America/Chicago'],
  // Arizona keeps MST all year while Denver moves to MDT, so plain "Mountain"/"MST" may mean either.
  mountain: ['America/Denver', 'America/Phoenix'], mst: ['America/Denver', 'America/Phoenix'], mt: ['America/Denver', 'America/Phoenix'],
  mdt: ['America/Denver'], arizona: ['America/Phoenix'],
  pacific: ['America/Los_Angeles'], pst: ['America/Los_Angeles'], pdt: ['America/Los_Angeles'], pt: ['America/Los_Angeles'],
  alaska: ['America/Anchorage'], akst: ['America/Anchorage'], akdt: ['America/Anchorage'], akt: ['America/Anchorage'],
  hawaii: ['Pacific/Honolulu'], hst: ['Pacific/Honolulu'], hast: ['Pacific/Honolulu'], 'hawaii aleutian': ['Pacific/Honolulu', 'America/Adak'],
  // Puerto Rico and the eastern Caribbean keep AST all year; the Maritimes move to ADT.
  atlantic: ['America/Halifax', 'America/Puerto_Rico'], ast: ['America/Halifax', 'America/Puerto_Rico'], adt: ['America/Halifax'],
  newfoundland: ['America/St_Johns'], nst: ['America/St_Johns'], ndt: ['America/St_Johns'],
  saskatchewan: ['America/Regina'],
};

/** Labels that name UTC itself: never a lead's wall clock in the NANP, usually a CRM default. */
const UTC_LABELS = new Set(['utc', 'gmt', 'z', 'zulu', 'etc/utc', 'etc/gmt', 'universal', 'etc/universal', 'utc+0', 'gmt+0', 'utc 0']);

function simplify(label: string): string {
  return label
    .trim()
    .toLowerCase()
    // Rails/ActiveSupport labels read 'Eastern Time (US & Canada)'.
    .replace(/[._\-()&,]+/g, ' ')
    .replace(/\b(standard|daylight|time|zone|us|usa|canada)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export type ReadZoneLabel = { kind: 'zones'; zones: readonly string[] } | { kind: 'utc' } | { kind: 'unknown' };

/** A label as zones; IANA names pass through (the caller checks them), UTC is flagged so NANP callers can drop it. */
export function readZoneLabel(label: string, isValidZone: (zone: string) => boolean): ReadZoneLabel {
  const trimmed = label.trim();
  if (!trimmed) return { kind: 'unknown' };
  if (UTC_LABELS.has(trimmed.toLowerCase()) || UTC_LABELS.has(simplify(trimmed))) return { kind: 'utc' };
  if (trimmed.includes('/') && isValidZone(trimmed)) {
    return /^(etc\/)?(utc|gmt|uct|zulu|universal)$/i.test(trimmed) ? { kind: 'utc' } : { kind: 'zones', zones: [trimmed] };
  }
  const known = LABELS[simplify(trimmed)];
  if (known) return { kind: 'zones', zones: known };
  return isValidZone(trimmed) && !/^(utc|gmt)/i.test(trimmed) ? { kind: 'zones', zones: [trimmed] } : { kind: 'unknown' };
}
