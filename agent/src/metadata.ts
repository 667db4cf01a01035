// The dispatch metadata the app sends with each call (lib/telephony/agent-dispatch.ts is the other
// side of this contract). Parsed once when the job starts: a call the agent cannot understand is
// refused up front rather than half-held.
import { z } from 'zod';

export const criterionTypes = ['number', 'string', 'boolean', 'string_list'] as const;
export type CriterionType = (typeof criterionTypes)[number];

export const qualificationCriterion = z.object({
  field: z.string().min(1),
  // The app defaults a missing type to string when it saves the campaign; do the same here.
  type: z.enum(criterionTypes).default('string'),
  // Kept as plain text: the agent only asks and records, the app scores. A new operator in the app
  // must not make the agent refuse calls.
  operator: z.string(),
  value: z.union([z.number(), z.string(), z.boolean(), z.array(z.union([z.string(), z.number()]))]).optional(),
  weight: z.number(),
  label: z.string().optional(),
});

export type QualificationCriterion = z.infer<typeof qualificationCriterion>;

export const dispatchMetadata = z.object({
  campaign_id: z.string().min(1),
  call_id: z.string().min(1),
  lead_name: z.string(),
  lead_company: z.string().nullable(),
  lead_phone: z.string(),
  lead_timezone: z.string().nullable(),
  lead_context: z.record(z.string(), z.unknown()),
  qualification_criteria: z.object({
    criteria: z.array(qualificationCriterion),
    minQualificationScore: z.number(),
  }),
  script_guidance: z.string().nullable(),
  /** The line to say first when the campaign records calls; null when it does not record. */
  recording_disclosure: z.string().nullable(),
  /**
   * The call is recorded under an all-party-consent law: recording_disclosure must be the very first words
   * (openingLine already leads with it whenever it is set). Optional so an older app's dispatch still parses.
   */
  recording_disclosure_first: z.boolean().optional(),
  /** What to leave on an answering machine; without one the agent hangs up on voicemail. */
  voicemail_message: z.string().nullable().optional(),
  report_url: z.url(),
  report_token: z.string().min(1),
});

export type DispatchMetadata = z.infer<typeof dispatchMetadata>;

export class InvalidMetadataError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid dispatch metadata: ${issues.join('; ')}`);
    this.name = 'InvalidMetadataError';
  }
}

/** Parses `ctx.job.metadata`; throws an InvalidMetadataError naming every bad or missing key. */
export function parseDispatchMetadata(raw: string | undefined): DispatchMetadata {
  let json: unknown;
  try {
    json = JSON.parse(raw ?? '');
  } catch {
    throw new InvalidMetadataError(['metadata is not JSON']);
  }
  const parsed = dispatchMetadata.safeParse(json);
  if (!parsed.success) {
    throw new InvalidMetadataError(parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`));
  }
  return parsed.data;
}
