import { z } from 'zod';
import { campaignConfigFields } from './config';

const name = z.string().trim().min(1, 'name is required').max(200);
const description = z.string().trim().max(5000).nullable().optional();

export const createCampaignBody = z.object({ name, description, ...campaignConfigFields });
export type CreateCampaignBody = z.infer<typeof createCampaignBody>;

// PUT merges the fields it is given into the campaign; the merged whole is validated again.
// Optional settings may be cleared by sending null.
const f = campaignConfigFields;
export const updateCampaignBody = z
  .object({
    name,
    description,
    ...f,
    agentName: f.agentName.nullable(),
    scriptGuidance: f.scriptGuidance.nullable(),
    callerId: f.callerId.nullable(),
    voicemailMessage: f.voicemailMessage.nullable(),
    budget: f.budget.nullable(),
    retryDelayHours: f.retryDelayHours.nullable(),
    nextActions: f.nextActions.nullable(),
  })
  .partial()
  .strict();
export type UpdateCampaignBody = z.infer<typeof updateCampaignBody>;

export const campaignStatuses = ['draft', 'active', 'paused', 'completed', 'cancelled'] as const;
export type CampaignStatus = (typeof campaignStatuses)[number];

export const pagination = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};

export const listCampaignsQuery = z.object({
  ...pagination,
  status: z.enum(campaignStatuses).optional(),
});
