import { describe, expect, it } from 'vitest';
import { getCountries, getCountryCallingCode, getExampleNumber } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { normalizePhone } from './normalize-phone';
import { isPremiumRate } from './premium-rate';

const fullCheck = (e164: string) => parsePhoneNumberFromString(e164)?.getType() === 'PREMIUM_RATE';

describe('isPremiumRate answers as a full parse with the complete metadata does', () => {
  it.each(['+19002345678', '+447911123456', '+449098790000', '+33891234567', '+33612345678', '+14155550123', '+97912345678', '+80012345678'])('%s', (e164) => {
    expect(isPremiumRate(e164)).toBe(fullCheck(e164));
  });

  it('known premium-rate numbers are premium-rate', () => {
    expect(isPremiumRate('+19002345678')).toBe(true);
    expect(isPremiumRate('+33891234567')).toBe(true);
  });

  it('for every country, its example number and numbers around it, as normalizePhone writes them', () => {
    let checked = 0;
    for (const country of getCountries()) {
      const example = getExampleNumber(country, examples);
      if (!example) continue;
      const code = getCountryCallingCode(country);
      const national = example.nationalNumber as string;
      for (const variant of [national, `9${national.slice(1)}`, `8${national.slice(1)}`, `90${national.slice(2)}`, `0${national.slice(1)}`]) {
        const phone = normalizePhone(`+${code}${variant}`, country);
        if (!phone.ok) continue;
        const e164 = phone.phone;
        expect(isPremiumRate(e164), e164).toBe(fullCheck(e164));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(500);
  });
});
