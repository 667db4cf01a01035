// One CSV record as a lead, or the reason it cannot be one. Optional columns never cost a lead:
// an unusable email, time zone, state or consent date is left out of its field, kept as written in
// context, and (for the ones that decide whether and when a lead may be called) noted in the report.
import type { ResolvedColumn } from '@/shared/csv-columns';
import { leadContextFits, leadContextTooLarge, sealLeadContext } from './lead-context';
import { normalizeLeadPhone } from './lead-phone';
import { consentLimits, normalizeLeadState, parseConsentAt } from './normalize-consent';
import { isUtcZone, normalizeTimeZone } from './normalize-time-zone';

export type LeadDraft = {
  name: string;
  phone: string;
  company: string | null;
  email: string | null;
  timezone: string | null;
  /** ISO 3166-2, e.g. 'US-FL'. */
  state: string | null;
  consentAt: Date | null;
  consentSource: string | null;
  consentText: string | null;
  /** Sealed (sealLeadContext): the row is written with ciphertext whichever path writes it. */
  context: string;
};

/** `notes`: what was read differently from how it was written (an unknown state, an ignored UTC zone). */
export type RecordVerdict = { lead: LeadDraft; notes: string[]; reason?: undefined } | { reason: string; lead?: undefined; notes?: undefined };

export const leadLimits = { name: 200, company: 200, email: 320 } as const;

const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isEmail(value: string): boolean {
  return value.length <= leadLimits.email && emailShape.test(value);
}

export function leadFromRecord(fields: readonly string[], columns: readonly ResolvedColumn[], region: string, now: Date = new Date()): RecordVerdict {
  let name = '';
  let first = '';
  let last = '';
  let phoneRaw = '';
  let company = '';
  let email: string | null = null;
  let timezone: string | null = null;
  let timezoneColumn = '';
  let state: string | null = null;
  let consentAt: Date | null = null;
  let consentSource = '';
  let consentText = '';
  const context: Record<string, unknown> = {};
  const notes: string[] = [];

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
        timezoneColumn = column.contextKey;
        if (!timezone) context[column.contextKey] = value;
        break;
      case 'state':
        state = normalizeLeadState(value);
        if (!state) {
          context[column.contextKey] = value;
          notes.push(`state "${value}" is not a US state or Canadian province: kept in context; the number's own state applies`);
        }
        break;
      case 'consent_at':
        consentAt = parseConsentAt(value, now);
        if (!consentAt) {
          context[column.contextKey] = value;
          notes.push(`consent_at "${value}" is not a date between 1990 and today: kept in context, not as consent`);
        }
        break;
      case 'consent_source':
        consentSource = value;
        break;
      case 'consent_text':
        consentText = value;
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
  const phone = normalizeLeadPhone(phoneRaw, region);
  if (!phone.ok) return { reason: phone.reason };
  if (consentSource.length > consentLimits.source) return { reason: `consent_source is longer than ${consentLimits.source} characters` };
  if (consentText.length > consentLimits.text) return { reason: `consent_text is longer than ${consentLimits.text} characters` };
  if (phone.extension) context.extension = phone.extension;
  // UTC is no North American lead's local time: the number's zones decide, and the zone as written stays in context.
  if (timezone && isUtcZone(timezone) && phone.phone.startsWith('+1')) {
    context[timezoneColumn] = fields[columns.find((c) => c.contextKey === timezoneColumn)!.index].trim();
    notes.push(`time zone "${context[timezoneColumn] as string}" ignored: UTC/GMT is no North American lead's local time; the number's zones apply (kept in context)`);
    timezone = null;
  }
  if (!leadContextFits(context)) return { reason: leadContextTooLarge };
  return {
    lead: { name: fullName, phone: phone.phone, company: company || null, email, timezone, state, consentAt, consentSource: consentSource || null, consentText: consentText || null, context: sealLeadContext(context) },
    notes,
  };
}
