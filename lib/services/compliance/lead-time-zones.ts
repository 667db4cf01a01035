// The zones a lead may be in: its number's zones plus the zone it declared, never one instead of the other.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { isValidTimeZone } from '@/lib/time-zones';
import { isNonGeographicAreaCode, nanpAreaCodes } from './area-codes';
import { libphonenumberCountryZones } from './data/libphonenumber-nanp';
import { readZoneLabel } from './zone-labels';

/**
 * A number that may ring anywhere in the US (toll-free, 5XX, 900, an unknown area code) is held to the four
 * contiguous zones plus Phoenix, which differs from Denver in summer: a call is then lawful in each of them.
 */
export const NON_GEOGRAPHIC_ZONES: readonly string[] = ['America/Chicago', 'America/Denver', 'America/Los_Angeles', 'America/New_York', 'America/Phoenix'];

export interface ReadPhone {
  kind: 'nanp' | 'international' | 'unreadable';
  /** NANP only. */
  areaCode?: string;
  /** ISO country for international numbers. */
  country?: string;
  callingCode?: string;
}

const E164_NANP = /^\+1([2-9]\d{2})[2-9]\d{6}$/;

// luxon builds an Intl.DateTimeFormat for every validity check (about a millisecond on a busy machine), and the
// claim asks about the same few zone names for every lead: remember the answer per name.
const zoneValidity = new Map<string, boolean>();
const MAX_ZONE_VALIDITY = 5_000;
function isKnownZone(zone: string): boolean {
  let valid = zoneValidity.get(zone);
  if (valid === undefined) {
    valid = isValidTimeZone(zone);
    if (zoneValidity.size >= MAX_ZONE_VALIDITY) zoneValidity.clear();
    zoneValidity.set(zone, valid);
  }
  return valid;
}
const readCache = new Map<string, ReadPhone>();
const MAX_READ_CACHE = 20_000;

/** The number's plan and area code; +1 E.164 numbers are read without libphonenumber (the claim's hot path). */
export function readPhone(phone: string, defaultRegion?: string): ReadPhone {
  const fast = E164_NANP.exec(phone);
  if (fast) return { kind: 'nanp', areaCode: fast[1], callingCode: '1' };
  const key = `${defaultRegion ?? ''}|${phone}`;
  const cached = readCache.get(key);
  if (cached) return cached;
  const parsed = parsePhoneNumberFromString(phone, defaultRegion as CountryCode | undefined);
  let read: ReadPhone;
  if (!parsed || !parsed.isPossible()) read = { kind: 'unreadable' };
  else if (parsed.countryCallingCode === '1') {
    const areaCode = parsed.nationalNumber.slice(0, 3);
    read = /^[2-9]\d{2}$/.test(areaCode) && parsed.nationalNumber.length === 10 ? { kind: 'nanp', areaCode, callingCode: '1' } : { kind: 'unreadable' };
  } else read = { kind: 'international', country: parsed.country, callingCode: parsed.countryCallingCode };
  if (readCache.size >= MAX_READ_CACHE) readCache.delete(readCache.keys().next().value!);
  readCache.set(key, read);
  return read;
}

/**
 * The lead's candidate zones, sorted, and notes on what was ignored or assumed. Never empty: a number that
 * cannot be read falls back to the declared zone or the non-geographic set (the check then refuses the call).
 */
export function leadTimeZones(phone: string, declaredTimezone?: string | null, defaultRegion?: string): { zones: string[]; notes: string[] } {
  const read = readPhone(phone, defaultRegion);
  const notes: string[] = [];
  const declared = declaredZones(declaredTimezone, read.kind !== 'international', notes);
  const zones = new Set<string>(declared);

  if (read.kind === 'nanp') {
    const entry = nanpAreaCodes.get(read.areaCode!);
    if (entry && !isNonGeographicAreaCode(read.areaCode!)) for (const z of entry.zones) zones.add(z);
    else {
      notes.push(`area code ${read.areaCode} is ${isNonGeographicAreaCode(read.areaCode!) ? 'non-geographic' : 'not a known geographic area code'}`);
      if (declared.length === 0) {
        for (const z of NON_GEOGRAPHIC_ZONES) zones.add(z);
        notes.push('no declared zone: held to the contiguous US zones (New York, Chicago, Denver, Phoenix, Los Angeles)');
      }
    }
  } else if (read.kind === 'international') {
    const countryZones = libphonenumberCountryZones[read.callingCode!] ?? [];
    for (const z of countryZones) if (isKnownZone(z)) zones.add(z);
    if (zones.size === 0) {
      for (const z of NON_GEOGRAPHIC_ZONES) zones.add(z);
      notes.push(`no zone known for +${read.callingCode}: held to the contiguous US zones`);
    }
  } else {
    notes.push('phone number could not be read');
    if (zones.size === 0) for (const z of NON_GEOGRAPHIC_ZONES) zones.add(z);
  }
  return { zones: [...zones].sort(), notes };
}

function declaredZones(declared: string | null | undefined, nanp: boolean, notes: string[]): string[] {
  if (!declared || !declared.trim()) return [];
  const read = readZoneLabel(declared, isKnownZone);
  if (read.kind === 'zones') return read.zones.filter(isKnownZone);
  if (read.kind === 'utc') {
    if (nanp) {
      notes.push(`declared zone "${declared}" ignored: UTC/GMT is no NANP lead's local time`);
      return [];
    }
    return ['UTC'];
  }
  notes.push(`declared zone "${declared}" not understood; ignored`);
  return [];
}
