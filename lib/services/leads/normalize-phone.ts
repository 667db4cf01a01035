// Phone numbers are stored in E.164, the only form the dialer and the DNC list compare.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

export type NormalizedPhone = { ok: true; phone: string; extension?: string } | { ok: false; reason: string };

// Excel turns a long number into 4.15555E+09 when the column is not formatted as text.
const spreadsheetExponent = /^\d(\.\d+)?e\+?\d+$/i;

/** E.164 for a number written any common way; a number without a country code is read in `region`. */
export function normalizePhone(raw: string, region: string): NormalizedPhone {
  const value = raw.trim();
  if (!value) return { ok: false, reason: 'phone is empty' };
  if (spreadsheetExponent.test(value)) {
    return { ok: false, reason: `phone "${value}" was mangled by a spreadsheet into scientific notation: format the column as text and export again` };
  }
  const parsed = parsePhoneNumberFromString(value, region.toUpperCase() as CountryCode);
  if (!parsed || !parsed.isValid()) return { ok: false, reason: `phone "${clip(value)}" is not a valid number${value.startsWith('+') ? '' : ` in ${region.toUpperCase()}`}` };
  return parsed.ext ? { ok: true, phone: parsed.number, extension: parsed.ext } : { ok: true, phone: parsed.number };
}

function clip(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}
