// The zones a lead may be in: its number's zones plus the zone it declared, never one instead of the other.
import { isValidTimeZone } from '@/lib/time-zones';

const CONTIGUOUS_US = ['America/Chicago', 'America/Denver', 'America/Los_Angeles', 'America/New_York', 'America/Phoenix'];

export function leadTimeZones(phone: string, declaredTimezone?: string | null, defaultRegion?: string): { zones: string[]; notes: string[] } {
  void phone;
  void defaultRegion;
  const zones = new Set(CONTIGUOUS_US);
  if (declaredTimezone && isValidTimeZone(declaredTimezone)) zones.add(declaredTimezone);
  return { zones: [...zones].sort(), notes: [] };
}
