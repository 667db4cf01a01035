import { AppError } from '@/lib/errors';
import { normalizeLeadPhone } from './lead-phone';

/** E.164 for a lead's number sent through the API (never premium-rate), or a 422 naming the field. */
export function phoneOrThrow(raw: string, region: string, field = 'phone'): string {
  const result = normalizeLeadPhone(raw, region);
  if (!result.ok) throw new AppError('unprocessable', result.reason, { [field]: result.reason });
  return result.phone;
}
