// What the compliance API accepts: the check (one number or a batch), and a blackout.
import { z } from 'zod';
import { AppError, parseOrThrow } from '@/lib/errors';
import { isValidTimeZone } from '@/lib/time-zones';
import { normalizeRegion } from './regions';
import { readZoneLabel } from './zone-labels';

/** A batch holds at most this many numbers: one context load and one response the client can still read. */
export const MAX_CHECKS_PER_REQUEST = 1_000;

const instant = (name: string) => z.iso.datetime({ offset: true, message: `${name} must be an ISO 8601 date-time with a zone, e.g. 2026-06-17T15:00:00Z` }).transform((s) => new Date(s));

const zoneLabel = z
  .string()
  .trim()
  .max(64)
  .refine((s) => s === '' || readZoneLabel(s, isValidTimeZone).kind !== 'unknown', 'timezone must be an IANA zone such as America/New_York, or a label such as Eastern or PST');

const stateName = z
  .string()
  .trim()
  .max(64)
  .refine((s) => s === '' || normalizeRegion(s) !== null, 'state must be a US state or Canadian province: a code (FL, US-FL, ON) or a name (Florida)');

const uuid = z.uuid({ message: 'campaignId is not a valid id' });

/** One number to check. The phone is read (and refused) against the campaign's default region, after it is loaded. */
export const complianceCheck = z.object({
  phone: z.string().trim().min(1, 'phone is required').max(64),
  timezone: zoneLabel.optional().nullable(),
  state: stateName.optional().nullable(),
  at: instant('at').optional().nullable(),
  campaignId: uuid.optional().nullable(),
});
export type ComplianceCheckRequest = z.infer<typeof complianceCheck>;

/** A batch: the same fields per number; `at` and `campaignId` at the top apply to every check that has none. */
export const complianceCheckBatch = z.object({
  checks: z.array(complianceCheck).min(1, 'checks needs at least one number'),
  at: instant('at').optional().nullable(),
  campaignId: uuid.optional().nullable(),
});

export const createBlackoutBody = z
  .object({
    region: z
      .string()
      .trim()
      .min(1, 'region is required')
      .max(64)
      .transform((s, ctx) => {
        const region = normalizeRegion(s);
        if (!region) ctx.addIssue({ code: 'custom', message: `region "${s.slice(0, 40)}" is not a known country, state or province (e.g. US, FL, Florida, US-FL, CA-ON)` });
        return region ?? s;
      }),
    startsAt: instant('startsAt'),
    endsAt: instant('endsAt'),
    reason: z.string().trim().max(500).optional().nullable(),
  })
  // Zod still runs an object's refinement when a field failed; the dates are only compared once both are dates.
  .refine((b) => !(b.startsAt instanceof Date && b.endsAt instanceof Date) || b.endsAt.getTime() > b.startsAt.getTime(), { message: 'endsAt must be after startsAt', path: ['endsAt'] });
export type CreateBlackoutBody = z.infer<typeof createBlackoutBody>;

/**
 * The check body as one list of checks: `{ phone, … }` or `{ checks: […] }`. A batch over the limit is refused
 * (413 naming `checks`) before its items are read.
 */
export function parseCheckBody(body: unknown): { batch: boolean; checks: ComplianceCheckRequest[] } {
  const checks = (body as { checks?: unknown } | null)?.checks;
  if (checks === undefined) return { batch: false, checks: [parseOrThrow(complianceCheck, body)] };
  if (Array.isArray(checks) && checks.length > MAX_CHECKS_PER_REQUEST) {
    const message = `checks holds ${checks.length} numbers; send at most ${MAX_CHECKS_PER_REQUEST.toLocaleString('en-US')} per request`;
    throw new AppError('payload_too_large', message, { checks: message });
  }
  const batch = parseOrThrow(complianceCheckBatch, body);
  return { batch: true, checks: batch.checks.map((c) => ({ ...c, at: c.at ?? batch.at, campaignId: c.campaignId ?? batch.campaignId })) };
}
