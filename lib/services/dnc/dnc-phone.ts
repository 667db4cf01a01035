import { AppError } from '@/lib/errors';
import { normalizePhone } from '@/lib/services/leads/normalize-phone';

const e164Shape = /^\+[1-9]\d{6,14}$/;

/**
 * The number as the DNC list stores it. A number already in E.164 is taken as it is even when the
 * phone metadata does not know its range: an opt-out must be honoured whatever the number.
 */
export function dncPhoneOf(raw: string, region = 'US'): string {
  const result = normalizePhone(raw, region);
  if (result.ok) return result.phone;
  const compact = raw.replace(/[\s().-]/g, '');
  if (e164Shape.test(compact)) return compact;
  throw new AppError('unprocessable', result.reason, { phone: result.reason });
}
