// A lead's number: normalised like any other, and never a premium-rate line. Calling one costs the
// caller per minute (US 1-900, UK 09, French 08 9…), which no campaign means to do, and lists
// bought from brokers carry them. libphonenumber knows each country's premium-rate ranges.
// (The do-not-call list keeps such numbers: blocking a number costs nothing.) The number types need
// the full metadata: the default set leaves most countries' types out (France's 08 9… among them).
import { normalizePhone, type NormalizedPhone } from './normalize-phone';
import { isPremiumRate } from './premium-rate';

export function normalizeLeadPhone(raw: string, region: string): NormalizedPhone {
  const phone = normalizePhone(raw, region);
  if (phone.ok && isPremiumRate(phone.phone)) {
    return { ok: false, reason: `phone ${phone.phone} is a premium-rate number: calling it would be charged per minute` };
  }
  return phone;
}
