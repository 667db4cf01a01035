// The bodies that create and change a campaign: the API parses them, the campaign form checks its draft with the
// very same schema. Pure: no server code.
import { z } from 'zod';
import { campaignConfigFields, retryRules } from './campaign-config';
import { nextActionRules } from './next-actions';

const name = z.string().trim().min(1, 'name is required').max(200);
const description = z.string().trim().max(5000).nullable().optional();

export const createCampaignBody = z.object({ name, description, ...campaignConfigFields });
export type CreateCampaignBody = z.infer<typeof createCampaignBody>;

// PATCH (and PUT, which behaves the same) changes only the fields it is sent; the merged whole is
// validated again. Defaults apply at creation only: a default inside an update schema would reset
// every setting the client did not send. retryRules and nextActions merge one level deep (the keys
// sent replace those keys). Optional settings may be cleared by sending null.
const f = campaignConfigFields;

const retryRulesPatch = z
  .object(Object.fromEntries(Object.entries(retryRules.shape).map(([key, field]) => [key, field.removeDefault().optional()])) as {
    [K in keyof typeof retryRules.shape]: z.ZodOptional<ReturnType<(typeof retryRules.shape)[K]['removeDefault']>>;
  })
  .strict();

const nextActionsPatch = z
  .object(Object.fromEntries(Object.entries(nextActionRules.shape).map(([key, field]) => [key, field.removeDefault().optional()])) as {
    [K in keyof typeof nextActionRules.shape]: z.ZodOptional<ReturnType<(typeof nextActionRules.shape)[K]['removeDefault']>>;
  })
  .strict();

export const updateCampaignBody = z
  .object({
    name,
    description,
    ...f,
    maxConcurrentCalls: f.maxConcurrentCalls.removeDefault(),
    retryRules: retryRulesPatch,
    qualificationCriteria: f.qualificationCriteria.removeDefault(),
    minQualificationScore: f.minQualificationScore.removeDefault(),
    defaultRegion: f.defaultRegion.removeDefault(),
    recordCalls: f.recordCalls.removeDefault(),
    recordingDisclosure: f.recordingDisclosure.removeDefault(),
    costPerMinute: f.costPerMinute.removeDefault(),
    agentCostPerMinute: f.agentCostPerMinute.removeDefault(),
    agentName: f.agentName.nullable(),
    scriptGuidance: f.scriptGuidance.nullable(),
    callerId: f.callerId.nullable(),
    voicemailMessage: f.voicemailMessage.nullable(),
    budget: f.budget.nullable(),
    retentionDays: f.retentionDays.nullable(),
    retryDelayHours: f.retryDelayHours.nullable(),
    nextActions: nextActionsPatch.nullable(),
  })
  .partial()
  .strict();
export type UpdateCampaignBody = z.infer<typeof updateCampaignBody>;

