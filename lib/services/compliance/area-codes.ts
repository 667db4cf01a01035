// Every NANP area code in service → the regions it serves and every zone its exchanges ring in, read once at
// load from libphonenumber's precomputed data plus the overrides, so lookups are synchronous and cheap.
import { areaCodeOverrides, caribbeanAreaCodes } from './area-code-overrides';
import { libphonenumberNanp } from './data/libphonenumber-nanp';

export interface AreaCodeEntry {
  regions: readonly string[];
  zones: readonly string[];
}

/**
 * NANPA's personal-communications (5XX) codes: the easily recognisable 5NN codes and the ones NANPA lists as
 * non-geographic (USE = N) in its NPA report, in service or reserved. A list, not a range: 530, 531, 534 …
 * are geographic (California, Nebraska, Wisconsin).
 */
const PERSONAL_COMMUNICATIONS_CODES: ReadonlySet<string> = new Set([
  '500', '521', '522', '523', '524', '525', '526', '527', '528', '529', '532', '533', '535', '538', '542', '543', '544',
  '545', '546', '547', '549', '550', '552', '553', '554', '556', '558', '566', '569', '577', '578', '588', '589',
]);

/**
 * Non-geographic NANP codes: toll-free (8XX), personal communications (5XX), premium (900), Canadian
 * non-geographic (600, 622, 633), carrier and government services (700, 710). A number under one of them may
 * ring anywhere, so its zone comes from the lead's own declaration or the contiguous US zones.
 */
export function isNonGeographicAreaCode(areaCode: string): boolean {
  if (/^8(\d)\1$/.test(areaCode) && areaCode !== '811') return true; // 800, 833 … 888 (and future 822, 899)
  if (/^5(\d)\1$/.test(areaCode) || PERSONAL_COMMUNICATIONS_CODES.has(areaCode)) return true;
  return ['456', '600', '622', '633', '700', '710', '900'].includes(areaCode);
}

function buildTable(): Map<string, AreaCodeEntry> {
  const table = new Map<string, { regions: Set<string>; zones: Set<string> }>();
  for (const [code, entry] of Object.entries(libphonenumberNanp)) {
    if (isNonGeographicAreaCode(code)) continue;
    table.set(code, { regions: new Set(entry.regions), zones: new Set(entry.zones) });
  }
  for (const [code, country] of Object.entries(caribbeanAreaCodes)) {
    const entry = table.get(code);
    if (entry) entry.regions = new Set([country]);
  }
  for (const o of areaCodeOverrides) {
    const entry = table.get(o.areaCode) ?? { regions: new Set<string>(), zones: new Set<string>() };
    for (const z of o.addZones ?? []) entry.zones.add(z);
    if (o.regions) entry.regions = new Set(o.regions);
    table.set(o.areaCode, entry);
  }
  const frozen = new Map<string, AreaCodeEntry>();
  for (const [code, e] of table) {
    if (e.zones.size === 0) continue;
    frozen.set(code, Object.freeze({ regions: Object.freeze([...e.regions].sort()), zones: Object.freeze([...e.zones].sort()) }));
  }
  return frozen;
}

export const nanpAreaCodes: ReadonlyMap<string, AreaCodeEntry> = buildTable();
