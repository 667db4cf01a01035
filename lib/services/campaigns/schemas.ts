import { z } from 'zod';
import { campaignStatuses } from '@/shared/statuses';

// The campaign bodies live in the contract (shared/contracts/campaign-body.ts), which the campaign form imports too.
export { createCampaignBody, updateCampaignBody, type CreateCampaignBody, type UpdateCampaignBody } from '@/shared/contracts/campaign-body';

export { campaignStatuses, type CampaignStatus } from '@/shared/statuses';

export const pagination = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};

export const listCampaignsQuery = z.object({
  ...pagination,
  status: z.enum(campaignStatuses).optional(),
});
