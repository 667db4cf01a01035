// Whether an E.164 number is premium-rate, as libphonenumber's full metadata says (getType() ===
// 'PREMIUM_RATE'). Parsing the number a second time with the full metadata cost more than all the
// rest of a CSV row. getType answers PREMIUM_RATE only when the national number matches the
// premium-rate pattern of the country it picks, so a number that matches no premium-rate pattern of
// any country sharing its calling code cannot be one: that test is a few regular expressions, and
// only a number that passes it is parsed in full.
import * as core from 'libphonenumber-js/core';
import maxMetadata from 'libphonenumber-js/metadata.max.json';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

// The package exports its Metadata class without declaring it; these are the methods read here.
type MetadataReader = {
  isNonGeographicCallingCode(code: string): boolean;
  hasCallingCode(code: string): boolean;
  getCountryCodesForCallingCode(code: string): string[] | undefined;
  selectNumberingPlan(country: string): void;
  numberingPlan?: { type(type: string): { pattern(): string } | undefined };
};
const { Metadata } = core as unknown as { Metadata: new (json: typeof maxMetadata) => MetadataReader };
const metadata = new Metadata(maxMetadata);
/** Per calling code: the premium-rate patterns of its countries, or null to always parse in full (non-geographic codes). */
const patternsByCode = new Map<string, RegExp[] | null>();

function premiumPatterns(callingCode: string): RegExp[] | null {
  let patterns = patternsByCode.get(callingCode);
  if (patterns !== undefined) return patterns;
  if (metadata.isNonGeographicCallingCode(callingCode)) patterns = null;
  else {
    patterns = [];
    for (const country of metadata.getCountryCodesForCallingCode(callingCode) ?? []) {
      metadata.selectNumberingPlan(country);
      const pattern = metadata.numberingPlan?.type('PREMIUM_RATE')?.pattern();
      if (pattern) patterns.push(new RegExp(`^(?:${pattern})$`));
    }
  }
  patternsByCode.set(callingCode, patterns);
  return patterns;
}

function callingCodeOf(digits: string): string | null {
  for (let length = 1; length <= 3; length++) if (metadata.hasCallingCode(digits.slice(0, length))) return digits.slice(0, length);
  return null;
}

/** `e164` as normalizePhone writes it: '+' then the calling code, then the national number. */
export function isPremiumRate(e164: string): boolean {
  const digits = e164.slice(1);
  const callingCode = callingCodeOf(digits);
  const patterns = callingCode ? premiumPatterns(callingCode) : null;
  if (patterns) {
    const national = digits.slice(callingCode!.length);
    if (!patterns.some((p) => p.test(national))) return false;
  }
  return parsePhoneNumberFromString(e164)?.getType() === 'PREMIUM_RATE';
}
