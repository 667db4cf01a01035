// The area-code table (libphonenumber's prefix data plus area-code-overrides.ts) checked against NANPA's own
// NPA report, an independent public source: for every area code in service, our zones cover every zone NANPA
// names and our regions include NANPA's. A disagreement is either fixed by an override with its source, or
// listed below as a known difference with the reason.
import { IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { areaCodeOverrides, caribbeanAreaCodes } from './area-code-overrides';
import { isNonGeographicAreaCode, nanpAreaCodes } from './area-codes';
import { nanpaNpaReport, type NanpaNpaRow } from './data/nanpa-npa-report';
import { normalizeRegion } from './regions';

/** Known differences: NANPA's table is wrong here, and the reason. */
const KNOWN_ZONE_DIFFERENCES: Readonly<Record<string, string>> = {
  '829': 'NANPA gives the Dominican Republic\'s 829 as Eastern, but the country keeps Atlantic Standard Time (UTC−4) all year, as NANPA\'s own 809 row says',
  '849': 'as 829: the Dominican Republic keeps Atlantic Standard Time (UTC−4), not Eastern',
};

/** NANPA's TIME_ZONE letters as standard UTC offsets (minutes). */
const LETTER_OFFSETS: Readonly<Record<string, number>> = { E: -300, C: -360, M: -420, P: -480, A: -240, N: -210 };

/** NANPA's names for NANP members outside the US and Canada. */
const NANPA_COUNTRIES: Readonly<Record<string, string>> = {
  BAHAMAS: 'BS', BARBADOS: 'BB', ANGUILLA: 'AI', 'ANTIGUA/BARBUDA': 'AG', 'BRITISH VIRGIN ISLANDS': 'VG', 'CAYMAN ISLANDS': 'KY',
  BERMUDA: 'BM', GRENADA: 'GD', 'TURKS & CAICOS ISLANDS': 'TC', JAMAICA: 'JM', MONTSERRAT: 'MS', 'SINT MAARTEN': 'SX',
  'ST. LUCIA': 'LC', DOMINICA: 'DM', 'ST. VINCENT & GRENADINES': 'VC', 'DOMINICAN REPUBLIC': 'DO', 'TRINIDAD & TOBAGO': 'TT',
  'ST. KITTS & NEVIS': 'KN',
};

/** A zone's standard offset: the smaller of its January and July offsets (every NANP zone is northern). */
function standardOffset(zone: string): number {
  const tz = IANAZone.create(zone);
  return Math.min(tz.offset(Date.UTC(2026, 0, 15)), tz.offset(Date.UTC(2026, 6, 15)));
}

/** The standard offsets NANPA's TIME_ZONE cell names. */
function referenceOffsets(row: NanpaNpaRow): number[] {
  const [npa, , , tz] = row;
  if (npa === '775') return [LETTER_OFFSETS.P, LETTER_OFFSETS.M]; // "PT/MT only for W Wendover"
  if (tz === 'AK') return [-540];
  const utc = /UTC([+-]\d+)/.exec(tz);
  if (utc) return [Number(utc[1]) * 60];
  return [...tz].map((letter) => {
    const offset = LETTER_OFFSETS[letter];
    if (offset === undefined) throw new Error(`unknown NANPA zone letter ${letter} for ${npa}`);
    return offset;
  });
}

/** The regions NANPA's LOCATION and COUNTRY cells name. */
function referenceRegions(row: NanpaNpaRow): string[] {
  const [npa, location, country] = row;
  if (country === 'US') return [location === 'CNMI' ? 'US-MP' : `US-${location}`];
  if (country === 'CANADA') {
    return location.split(/\s*-\s*/).map((name) => {
      const region = normalizeRegion(name, 'CA');
      if (!region) throw new Error(`unread Canadian location "${name}" for ${npa}`);
      return region;
    });
  }
  const iso = NANPA_COUNTRIES[location];
  if (!iso) throw new Error(`unread NANPA country "${location}" for ${npa}`);
  return [iso];
}

const geographic = nanpaNpaReport.filter((r) => r[4] === 'G');
const nonGeographic = nanpaNpaReport.filter((r) => r[4] === 'N');

describe('area-code table against NANPA\'s NPA report', () => {
  it('the reference holds every geographic area code in service (sanity: about 480 of them)', () => {
    expect(geographic.length).toBeGreaterThan(440);
    expect(nonGeographic.map((r) => r[0])).toEqual(expect.arrayContaining(['800', '833', '844', '855', '866', '877', '888', '900', '500', '533']));
  });

  it('every geographic area code NANPA lists is in our table and not treated as non-geographic', () => {
    const missing = geographic.filter(([npa]) => !nanpAreaCodes.has(npa) || isNonGeographicAreaCode(npa)).map(([npa, loc]) => `${npa} ${loc}`);
    expect(missing).toEqual([]);
  });

  it('every non-geographic area code NANPA lists (toll-free, 5XX, 900, Canadian 600/622/633, 700, 710) is read as non-geographic', () => {
    expect(nonGeographic.filter(([npa]) => !isNonGeographicAreaCode(npa)).map(([npa]) => npa)).toEqual([]);
  });

  it('for every area code, our zones cover every zone NANPA names (or the difference is listed with its reason)', () => {
    const disagreements: string[] = [];
    for (const row of geographic) {
      const [npa, location, , tz] = row;
      const ours = nanpAreaCodes.get(npa);
      if (!ours) continue;
      const covered = new Set(ours.zones.map(standardOffset));
      const uncovered = referenceOffsets(row).filter((o) => !covered.has(o));
      if (uncovered.length > 0 && !KNOWN_ZONE_DIFFERENCES[npa]) disagreements.push(`${npa} ${location}: NANPA ${tz}, ours ${ours.zones.join(' ')}`);
    }
    expect(disagreements).toEqual([]);
  });

  it('every listed known difference is still a disagreement (the list cannot go stale)', () => {
    for (const npa of Object.keys(KNOWN_ZONE_DIFFERENCES)) {
      const row = geographic.find((r) => r[0] === npa)!;
      const covered = new Set(nanpAreaCodes.get(npa)!.zones.map(standardOffset));
      expect(referenceOffsets(row).some((o) => !covered.has(o)), npa).toBe(true);
    }
  });

  it('for every area code, our regions include the state, province or country NANPA names', () => {
    const disagreements: string[] = [];
    for (const row of geographic) {
      const ours = nanpAreaCodes.get(row[0]);
      if (!ours) continue;
      const missing = referenceRegions(row).filter((r) => !ours.regions.includes(r));
      if (missing.length > 0) disagreements.push(`${row[0]}: NANPA ${missing.join(', ')}, ours ${ours.regions.join(', ') || 'none'}`);
    }
    expect(disagreements).toEqual([]);
  });
});

describe('area-code overrides', () => {
  it('every override names its source and why, and adds only real IANA zones', () => {
    for (const o of areaCodeOverrides) {
      expect(o.source.length, o.areaCode).toBeGreaterThan(0);
      expect(o.why.length, o.areaCode).toBeGreaterThan(0);
      for (const z of o.addZones ?? []) expect(IANAZone.isValidZone(z), `${o.areaCode} ${z}`).toBe(true);
    }
  });

  it('every override zone ends up in the table (zones are only ever added)', () => {
    for (const o of areaCodeOverrides) {
      const entry = nanpAreaCodes.get(o.areaCode)!;
      expect(entry, o.areaCode).toBeDefined();
      expect(entry.zones, o.areaCode).toEqual(expect.arrayContaining([...(o.addZones ?? [])]));
    }
  });

  it('Orlando\'s 689 rings in Eastern time (libphonenumber alone says Chicago)', () => {
    expect(nanpAreaCodes.get('689')!.zones).toContain('America/New_York');
  });

  it('530 (California) and 531 (Nebraska) are geographic, not personal-communications 5XX codes', () => {
    expect(isNonGeographicAreaCode('530')).toBe(false);
    expect(isNonGeographicAreaCode('531')).toBe(false);
    expect(nanpAreaCodes.get('530')).toEqual({ regions: ['US-CA'], zones: ['America/Los_Angeles'] });
    expect(nanpAreaCodes.get('531')!.regions).toEqual(['US-NE']);
  });

  it('Caribbean area codes name their country', () => {
    for (const [npa, iso] of Object.entries(caribbeanAreaCodes)) expect(nanpAreaCodes.get(npa)?.regions, npa).toEqual([iso]);
  });
});
