// The dispatch metadata: the job the app hands the calling agent with each call. Written once, here:
// the app builds it (lib/telephony/agent-dispatch.ts), the agent parses it (agent/src/metadata.ts) and the
// simulator, which plays the agent, reads it too, so a setting added on one side cannot be missed on the
// other. Pure zod, no import from the app or the agent: both packages compile this file. Keys are
// snake_case, as they travel as JSON in LiveKit's job metadata.
import { z } from 'zod';

export const criterionTypes = ['number', 'string', 'boolean', 'string_list'] as const;
export type CriterionType = (typeof criterionTypes)[number];

/** A qualification criterion as the agent needs it: what to ask and how to record the answer. */
export const dispatchCriterion = z.object({
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

export type DispatchCriterion = z.output<typeof dispatchCriterion>;
/** A criterion as the app sends it: the type may be left out. */
export type DispatchCriterionSent = z.input<typeof dispatchCriterion>;

export const dispatchMetadata = z.object({
  campaign_id: z.string().min(1),
  call_id: z.string().min(1),
  lead_name: z.string(),
  lead_company: z.string().nullable(),
  lead_phone: z.string(),
  lead_timezone: z.string().nullable(),
  lead_context: z.record(z.string(), z.unknown()),
  qualification_criteria: z.object({
    criteria: z.array(dispatchCriterion),
    minQualificationScore: z.number(),
  }),
  script_guidance: z.string().nullable(),
  /** The line to say first when the campaign records calls; null when it does not record. */
  recording_disclosure: z.string().nullable(),
  /**
   * The call is recorded under an all-party-consent law: recording_disclosure must be the very first words.
   * Optional so an older app's dispatch still parses.
   */
  recording_disclosure_first: z.boolean().optional(),
  /** What to leave on an answering machine; without one the agent hangs up on voicemail. Optional as above. */
  voicemail_message: z.string().nullable().optional(),
  report_url: z.url(),
  report_token: z.string().min(1),
});

/** The dispatch as the agent (or the simulator) reads it. */
export type DispatchMetadata = z.output<typeof dispatchMetadata>;

type DispatchMetadataInput = z.input<typeof dispatchMetadata>;

/**
 * The dispatch as the app sends it: every key present, null where the campaign has nothing to say. The
 * agent tolerates a missing optional key (an older app); the app's builder may not leave one out, so the
 * compiler refuses a builder that forgets a setting.
 */
export type DispatchMetadataSent = { [K in keyof DispatchMetadataInput]-?: Exclude<DispatchMetadataInput[K], undefined> };
