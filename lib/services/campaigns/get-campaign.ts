import type { Queryable } from '@/db';
import { getCampaignOrThrow } from './get-campaign-or-throw';
import { readLeadCounts } from './lead-counts';
import { presentCampaign } from './present';

/** The workspace's campaign as the API shows it, with its live counters. */
export async function getCampaign(db: Queryable, { workspaceId, campaignId }: { workspaceId: string; campaignId: string }) {
  const row = await getCampaignOrThrow(db, { workspaceId, campaignId });
  return presentCampaign(row, await readLeadCounts(db, row.id));
}
