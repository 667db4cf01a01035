import { conflict } from '@/lib/errors';
import type { CampaignRow } from '@/lib/services/campaigns';

/** A finished campaign never calls again, so leads added to it would silently go nowhere. */
export function assertCampaignTakesLeads(campaign: Pick<CampaignRow, 'status'>) {
  if (campaign.status === 'cancelled' || campaign.status === 'completed') {
    throw conflict(`This campaign is ${campaign.status}: it takes no more leads`, { status: `is ${campaign.status}` });
  }
}
