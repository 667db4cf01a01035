import type { CampaignRow } from './get-campaign-or-throw';

/** A campaign as the API shows it: config fields flattened beside the row's own. */
export function presentCampaign(row: CampaignRow) {
  // Who owns it is the request's workspace; who made it is in the audit log: neither is part of the campaign as the API shows it.
  const { config, workspaceId: _workspaceId, createdBy: _createdBy, spent, ...rest } = row;
  return {
    ...rest,
    ...config,
    spent,
    progress: {
      percent: row.progressPercent,
      called: row.calledCount,
      successful: row.successfulCount,
      remaining: row.remainingCount,
    },
  };
}
export type CampaignDto = ReturnType<typeof presentCampaign>;
