import { AppError } from '@/lib/errors';
import { normalizePhone } from './normalize-phone';

/** E.164 for a number sent through the API, or a 422 naming the field. */
export function phoneOrThrow(raw: string, region: string, field = 'phone'): string {
  const result = normalizePhone(raw, region);
  if (!result.ok) throw new AppError('unprocessable', result.reason, { [field]: result.reason });
  return result.phone;
}
