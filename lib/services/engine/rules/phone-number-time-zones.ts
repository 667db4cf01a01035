// The time zones a phone number may ring in, from libphonenumber's prefix table.
// libphonenumber-geo-carrier's timezones() is async and re-reads and decodes its whole table
// (~100 KB) on every call, milliseconds each, so answers are remembered per number prefix.
import 'server-only';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { timezones } from 'libphonenumber-geo-carrier';
import { isValidTimeZone } from '@/lib/time-zones';

/**
 * The table keys numbers by prefixes of at most this many digits (country code included), so two
 * numbers that share them always get the same answer and caching on them is exact. A test re-reads
 * the table to hold this true across upgrades of the package.
 */
export const TIME_ZONE_PREFIX_DIGITS = 9;
const MAX_REMEMBERED_PREFIXES = 50_000;

const rememberedPrefixes = new Map<string, Promise<string[]>>();

/**
 * The IANA zones libphonenumber maps the number to, sorted: one for most numbers, several when the
 * range spans zones (US area code 605, toll-free +1 8xx numbers), [] when unparseable or unknown.
 */
export async function phoneNumberTimeZones(phone: string, defaultRegion?: string): Promise<string[]> {
  // An unknown region makes the parse fail (no answer) rather than throw, so the campaign's string is fine as is.
  const parsed = parsePhoneNumberFromString(phone, defaultRegion as CountryCode | undefined);
  if (!parsed) return [];
  const prefix = parsed.number.replace(/^\+/, '').slice(0, TIME_ZONE_PREFIX_DIGITS);
  let zones = rememberedPrefixes.get(prefix);
  if (!zones) {
    zones = timezones(parsed).then(knownZones, (error: unknown) => {
      rememberedPrefixes.delete(prefix);
      throw error;
    });
    if (rememberedPrefixes.size >= MAX_REMEMBERED_PREFIXES) rememberedPrefixes.delete(rememberedPrefixes.keys().next().value!);
    rememberedPrefixes.set(prefix, zones);
  }
  return [...(await zones)];
}

// Placeholders such as Etc/Unknown, or zones this runtime's tz data lacks, are no answer at all.
function knownZones(zones: string[] | null): string[] {
  return [...new Set((zones ?? []).filter(isValidTimeZone))].sort();
}
