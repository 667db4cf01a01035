// The jurisdictions whose rules apply to a lead: its declared state and its number's, both when they differ.
import { isNonGeographicAreaCode, nanpAreaCodes } from './area-codes';
import { readPhone } from './lead-time-zones';
import { countryOf, normalizeRegion, regionWithParents } from './regions';

export interface LeadJurisdiction {
  /** Sorted: ['US', 'US-FL'], ['CA', 'CA-ON'], ['JM']. */
  jurisdictions: string[];
  /** The number could ring in any US state and no state was declared: every US state's rules apply. */
  anyUsState: boolean;
  notes: string[];
}

export function resolveLeadJurisdiction(phone: string, declaredState?: string | null, defaultRegion?: string): LeadJurisdiction {
  const read = readPhone(phone, defaultRegion);
  const notes: string[] = [];
  const out = new Set<string>();
  let fromNumber: readonly string[] = [];
  let anyUsState = false;

  if (read.kind === 'nanp') {
    const entry = isNonGeographicAreaCode(read.areaCode!) ? undefined : nanpAreaCodes.get(read.areaCode!);
    if (entry) fromNumber = entry.regions;
  } else if (read.kind === 'international' && read.country) fromNumber = [read.country];

  const country = fromNumber.length > 0 ? countryOf(fromNumber[0]) : defaultRegion;
  const declared = declaredState?.trim() ? normalizeRegion(declaredState, country === 'CA' ? 'CA' : 'US') : null;
  if (declaredState?.trim() && !declared) notes.push(`declared state "${declaredState}" not understood; ignored`);

  for (const r of fromNumber) for (const j of regionWithParents(r)) out.add(j);
  if (declared) for (const j of regionWithParents(declared)) out.add(j);
  if (fromNumber.length === 0 && !declared) {
    // A number of unknown place (toll-free, unreadable): the US and every one of its states, since it may ring in any.
    out.add('US');
    anyUsState = read.kind !== 'international';
    if (anyUsState) notes.push('no region from the number or the lead: every US state rule applies');
  }
  if (declared && fromNumber.length > 0 && !fromNumber.includes(declared)) notes.push(`declared ${declared} differs from the number's ${fromNumber.join('/')}: both apply`);
  return { jurisdictions: [...out].sort(), anyUsState, notes };
}

/** The jurisdictions that apply to the lead, sorted: ['US', 'US-FL'] or, where declared and number differ, both. */
export function leadJurisdictions(phone: string, declaredState?: string | null, defaultRegion?: string): string[] {
  return resolveLeadJurisdiction(phone, declaredState, defaultRegion).jurisdictions;
}
