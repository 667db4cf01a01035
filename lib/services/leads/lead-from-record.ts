// One CSV record as a lead, or the reason it cannot be one. Optional columns never cost a lead:
// an unusable email or time zone is left out of its field and kept, as written, in context.
import type { ResolvedColumn } from './csv-columns';
import { leadContextFits, leadContextTooLarge } from './lead-context';
import { normalizePhone } from './normalize-phone';
import { normalizeTimeZone } from './normalize-time-zone';

export type LeadDraft = {
  name: string;
  phone: string;
  company: string | null;
  email: string | null;
  timezone: string | null;
  context: Record<string, unknown>;
};

export type RecordVerdict = { lead: LeadDraft; reason?: undefined } | { reason: string; lead?: undefined };

export const leadLimits = { name: 200, company: 200, email: 320 } as const;

const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isEmail(value: string): boolean {
  return value.length <= leadLimits.email && emailShape.test(value);
}

export function leadFromRecord(fields: readonly string[], columns: readonly ResolvedColumn[], region: string): RecordVerdict {
  let name = '';
  let first = '';
  let last = '';
  let phoneRaw = '';
  let company = '';
  let email: string | null = null;
  let timezone: string | null = null;
  const context: Record<string, unknown> = {};

  for (const column of columns) {
    const value = (fields[column.index] ?? '').trim();
    if (!value) continue;
    switch (column.target) {
      case 'name':
        name = value;
        break;
      case 'first_name':
        first = value;
        break;
      case 'last_name':
        last = value;
        break;
      case 'phone':
        phoneRaw = value;
        break;
      case 'company':
        company = value;
        break;
      case 'email':
        if (isEmail(value)) email = value;
        else context[column.contextKey] = value;
        break;
      case 'timezone':
        timezone = normalizeTimeZone(value);
        if (!timezone) context[column.contextKey] = value;
        break;
      case 'context':
        context[column.contextKey] = value;
        break;
      case 'ignore':
        break;
    }
  }

  const fullName = (name || `${first} ${last}`).replace(/\s+/g, ' ').trim();
  if (!fullName) return { reason: 'name is empty' };
  if (fullName.length > leadLimits.name) return { reason: `name is longer than ${leadLimits.name} characters` };
  if (company.length > leadLimits.company) return { reason: `company is longer than ${leadLimits.company} characters` };
  const phone = normalizePhone(phoneRaw, region);
  if (!phone.ok) return { reason: phone.reason };
  if (phone.extension) context.extension = phone.extension;
  if (!leadContextFits(context)) return { reason: leadContextTooLarge };
  return { lead: { name: fullName, phone: phone.phone, company: company || null, email, timezone, context } };
}
