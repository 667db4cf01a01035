import type { Queryable } from '@/db';
import { getCampaignOrThrow } from './get-campaign-or-throw';
import { readLeadCounts } from './lead-counts';
import { presentCampaign } from './present';

/** The user's campaign as the API shows it, with its live counters. */
export async function getCampaign(db: Queryable, { userId, campaignId }: { userId: string; campaignId: string }) {
  const row = await getCampaignOrThrow(db, { userId, campaignId });
  return presentCampaign(row, await readLeadCounts(db, row.id));
}
