import { z } from 'zod';
import { withoutBidiControls } from '@/lib/bidi-controls';
import { keysetQuery } from '@/lib/services/keyset';
import { leadColumnTargets } from '@/shared/csv-columns';
import { leadStatuses } from '@/shared/statuses';
import { isEmail, leadLimits } from './lead-from-record';
import { consentLimits, normalizeLeadState } from './normalize-consent';
import { normalizeTimeZone } from './normalize-time-zone';
import { leadContextFits, leadContextTooLarge } from './lead-context';
import { phoneRegion } from './phone-region';

export { leadStatuses, type LeadStatus } from '@/shared/statuses';

const name = z.string().overwrite(withoutBidiControls).trim().min(1, 'name is required').max(leadLimits.name);
// Normalised to E.164 by the service, which knows the campaign's default region.
const phone = z.string().trim().min(1, 'phone is required').max(64);
const company = z.string().overwrite(withoutBidiControls).trim().max(leadLimits.company).nullable().optional();
const email = z
  .string()
  .trim()
  .refine((v) => v === '' || isEmail(v), 'email is not a valid address')
  .transform((v) => v || null)
  .nullable()
  .optional();
const timezone = z
  .string()
  .trim()
  .refine((v) => v === '' || normalizeTimeZone(v) !== null, 'timezone must be an IANA time zone such as America/New_York')
  .transform((v) => (v ? normalizeTimeZone(v) : null))
  .nullable()
  .optional();
const state = z
  .string()
  .trim()
  .refine((v) => v === '' || normalizeLeadState(v) !== null, 'state must be a US state or Canadian province, e.g. FL, Florida or US-FL')
  .transform((v) => (v ? normalizeLeadState(v) : null))
  .nullable()
  .optional();
// The lead's consent record is evidence: a timestamp with its offset, never a guess.
const consentAt = z.iso
  .datetime({ offset: true, message: 'consentAt must be an ISO 8601 date-time, e.g. 2025-11-03T15:04:05Z' })
  .refine((v) => Date.parse(v) <= Date.now() + 86_400_000, 'consentAt is in the future')
  .transform((v) => new Date(v))
  .nullable()
  .optional();
const consentSource = z.string().trim().max(consentLimits.source).transform((v) => v || null).nullable().optional();
const consentText = z.string().trim().max(consentLimits.text).transform((v) => v || null).nullable().optional();
const context = z
  .record(z.string(), z.unknown())
  .refine(leadContextFits, leadContextTooLarge);

export const addLeadBody = z.object({ name, phone, company, email, timezone, state, consentAt, consentSource, consentText, context: context.optional() });
export type AddLeadBody = z.infer<typeof addLeadBody>;

export const updateLeadBody = z.object({ name, phone, company, email, timezone, state, consentAt, consentSource, consentText, context }).partial().strict();
export type UpdateLeadBody = z.infer<typeof updateLeadBody>;

export const listLeadsQuery = z.object({
  ...keysetQuery,
  search: z.string().trim().max(200).optional(),
  status: z.enum(leadStatuses).optional(),
});
export type ListLeadsQuery = z.infer<typeof listLeadsQuery>;

/**
 * The upload's optional form fields: `mapping`, JSON `{ "<csv header>": "<target>" }`, and
 * `defaultRegion`, the country national numbers in this file are read in (else the campaign's).
 */
export const uploadFields = z.object({
  defaultRegion: phoneRegion.optional(),
  mapping: z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'mapping is not valid JSON' });
        return z.NEVER;
      }
    })
    .pipe(z.record(z.string(), z.enum(leadColumnTargets, { message: `each column maps to one of ${leadColumnTargets.join(', ')}` })))
    .optional(),
});
