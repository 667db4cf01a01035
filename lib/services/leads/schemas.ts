import { z } from 'zod';
import { leadStatus } from '@/db/schema/leads';
import { pagination } from '@/lib/services/campaigns/schemas';
import { leadColumnTargets } from './csv-columns';
import { isEmail, leadLimits } from './lead-from-record';
import { normalizeTimeZone } from './normalize-time-zone';
import { leadContextFits, leadContextTooLarge } from './lead-context';

export const leadStatuses = leadStatus.enumValues;
export type LeadStatus = (typeof leadStatuses)[number];

const name = z.string().trim().min(1, 'name is required').max(leadLimits.name);
// Normalised to E.164 by the service, which knows the campaign's default region.
const phone = z.string().trim().min(1, 'phone is required').max(64);
const company = z.string().trim().max(leadLimits.company).nullable().optional();
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
const context = z
  .record(z.string(), z.unknown())
  .refine(leadContextFits, leadContextTooLarge);

export const addLeadBody = z.object({ name, phone, company, email, timezone, context: context.optional() });
export type AddLeadBody = z.infer<typeof addLeadBody>;

export const updateLeadBody = z.object({ name, phone, company, email, timezone, context }).partial().strict();
export type UpdateLeadBody = z.infer<typeof updateLeadBody>;

export const listLeadsQuery = z.object({
  ...pagination,
  search: z.string().trim().max(200).optional(),
  status: z.enum(leadStatuses).optional(),
});
export type ListLeadsQuery = z.infer<typeof listLeadsQuery>;

/** The upload's optional `mapping` form field: JSON `{ "<csv header>": "<target>" }`. */
export const uploadFields = z.object({
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
