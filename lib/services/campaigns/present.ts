import type { CampaignRow } from './get-campaign-or-throw';
import { progressOf, type LeadCounts } from './lead-counts';

/** A campaign as the API shows it: config fields flattened beside the row's own, progress from its live counters. */
export function presentCampaign(row: CampaignRow, counts: LeadCounts) {
  // Who owns it is the request's workspace; who made it is in the audit log: neither is part of the campaign as the API shows it.
  const { config, workspaceId: _workspaceId, createdBy: _createdBy, spent, ...rest } = row;
  const progress = progressOf(counts);
  return {
    ...rest,
    ...config,
    spent,
    progress: { percent: progress.percent, called: progress.called, successful: progress.successful, remaining: progress.remaining },
  };
}
export type CampaignDto = ReturnType<typeof presentCampaign>;
