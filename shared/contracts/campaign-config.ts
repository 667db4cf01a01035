// A campaign's calling rules, validated on every write; stored as JSON on the campaign row (db/schema/campaigns.ts
// types the column with CampaignConfig), checked by the API and by the campaign form alike. Pure: no server code.
import { z } from 'zod';
import { isValidPhoneNumber } from 'libphonenumber-js';
import { consentBases } from '@/shared/compliance-evidence';
import { phoneRegion } from '@/shared/phone-region';
import { isValidTimeZone } from '@/shared/time-zones';
import { nextActionRules } from './next-actions';
import { minQualificationScore, qualificationCriteria } from './qualification-criteria';

export const callWindow = z
  .object({
    dayOfWeek: z.number().int().min(0, 'dayOfWeek is 0 (Sunday) to 6 (Saturday)').max(6, 'dayOfWeek is 0 (Sunday) to 6 (Saturday)'),
    startHour: z.number().int().min(0).max(23),
    endHour: z.number().int().min(1).max(24),
  })
  .refine((w) => w.endHour > w.startHour, { message: 'endHour must be after startHour', path: ['endHour'] });

export type CallWindow = z.infer<typeof callWindow>;

/** Windows open every hour of every day: the campaign never closes, and each lead's own calling rules still apply. */
export const everyHourOfEveryDay: CallWindow[] = [0, 1, 2, 3, 4, 5, 6].map((dayOfWeek) => ({ dayOfWeek, startHour: 0, endHour: 24 }));

const delays = z.array(z.number().min(0).max(24 * 30)).min(1).max(10);

// Delays in hours before the next attempt, per outcome; index i is the delay after the (i+1)th such outcome.
export const retryRules = z.object({
  noAnswerDelaysHours: delays.default([1, 4, 24]),
  busyDelaysHours: delays.default([4]),
  failedDelaysHours: delays.default([0, 24]),
  voicemail: z.enum(['like_no_answer', 'never']).default('like_no_answer'),
});

export type RetryRules = z.infer<typeof retryRules>;

/** The retry rules of a campaign that sends none: each outcome's own default above. */
export const retryRuleDefaults: RetryRules = retryRules.parse({});

export const campaignConfigFields = {
  timezone: z.string().refine(isValidTimeZone, 'timezone must be an IANA time zone such as America/New_York'),
  callWindows: z.array(callWindow).min(1, 'at least one call window is required').max(50),
  maxCallsPerDay: z.number().int().min(1).max(1_000_000),
  maxCallsPerLead: z.number().int().min(1).max(10),
  maxConcurrentCalls: z.number().int().min(1).max(500).default(5),
  retryDelayHours: z.number().min(0).max(24 * 30).optional(),
  // A function, so each campaign gets its own arrays (a literal default is cloned one level deep only).
  retryRules: retryRules.default(() => retryRules.parse({})),
  qualificationCriteria: qualificationCriteria.default([]),
  minQualificationScore: minQualificationScore.default(70),
  // What the team does after each outcome; unset outcomes keep the defaults.
  nextActions: nextActionRules.partial().optional(),
  agentName: z.string().trim().min(1).max(100).optional(),
  scriptGuidance: z.string().max(20_000).optional(),
  callerId: z.string().refine((p) => isValidPhoneNumber(p), 'callerId must be a phone number in E.164, e.g. +14155550100').optional(),
  defaultRegion: phoneRegion.default('US'),
  // What makes a call to these leads lawful (47 CFR 64.1200). The two "prior express" bases need each lead's
  // own consent record; the strictest is the default, since an AI voice is an artificial voice under the TCPA.
  consentBasis: z.enum(consentBases).default('prior_express_written_consent'),
  recordCalls: z.boolean().default(false),
  recordingDisclosure: z.string().max(500).default('This call may be recorded for quality and training purposes.'),
  voicemailMessage: z.string().max(2000).optional(),
  budget: z.number().positive().optional(),
  // Transcripts and recordings of calls that ended this many days ago are deleted (lib/services/retention); unset = kept.
  retentionDays: z.number().int().min(1).max(3650).optional(),
  // A call's cost is its billable minutes at the telephony rate plus the agent's (speech and model) rate.
  costPerMinute: z.number().min(0).max(100).default(0.05),
  agentCostPerMinute: z.number().min(0).max(100).default(0),
};

export const campaignConfig = z.object(campaignConfigFields);
export type CampaignConfig = z.infer<typeof campaignConfig>;

/**
 * What a new campaign gets for each setting it leaves out, as the schema itself fills it in: the campaign form
 * starts from these rather than from a copy. The test beside this file fails when a default is added and not listed.
 */
export const campaignConfigDefaults = campaignConfig
  .pick({
    maxConcurrentCalls: true,
    retryRules: true,
    qualificationCriteria: true,
    minQualificationScore: true,
    defaultRegion: true,
    consentBasis: true,
    recordCalls: true,
    recordingDisclosure: true,
    costPerMinute: true,
    agentCostPerMinute: true,
  })
  .parse({});

/** Compliance wins over configuration: nobody is called more than three times in a campaign. */
export const MAX_ATTEMPTS_PER_LEAD = 3;
export function effectiveMaxAttempts(config: Pick<CampaignConfig, 'maxCallsPerLead'>): number {
  return Math.min(config.maxCallsPerLead, MAX_ATTEMPTS_PER_LEAD);
}
