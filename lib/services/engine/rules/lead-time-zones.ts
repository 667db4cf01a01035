// Which time zones a lead may be in, for the legal-hours check: the lead's own, else its number's, else the campaign's.
import { isValidTimeZone } from '@/lib/time-zones';
import { phoneNumberTimeZones } from './phone-number-time-zones';

export interface LeadLocation {
  /** The zone the lead gave or was imported with; trusted over the number when it is a real IANA zone. */
  timezone?: string | null;
  phone: string;
}

/**
 * Picks the lead's zones by precedence. Several zones mean the lead could be in any of them, and
 * the call must be legal in all. Never empty, so the legal-hours check always has a zone to apply.
 */
export function chooseLeadTimeZones(ownTimeZone: string | null | undefined, numberTimeZones: readonly string[], campaignTimezone: string): string[] {
  if (ownTimeZone && isValidTimeZone(ownTimeZone)) return [ownTimeZone];
  const fromNumber = numberTimeZones.filter(isValidTimeZone);
  if (fromNumber.length > 0) return [...new Set(fromNumber)].sort();
  return [campaignTimezone];
}

/** The lead's zones, looking the number up only when the lead has no valid zone of its own. */
export async function resolveLeadTimeZones(lead: LeadLocation, campaignTimezone: string, defaultRegion?: string): Promise<string[]> {
  const numberZones = lead.timezone && isValidTimeZone(lead.timezone) ? [] : await phoneNumberTimeZones(lead.phone, defaultRegion);
  return chooseLeadTimeZones(lead.timezone, numberZones, campaignTimezone);
}
