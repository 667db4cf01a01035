// GET /api/campaigns/:id/calls/export – every call as CSV, streamed
import { csvDownload } from '@/lib/api/csv-download';
import { withUser } from '@/lib/api/handler';
import { exportCallsCsv } from '@/lib/services/analytics';
import { getCampaignOrThrow } from '@/lib/services/campaigns';

export const GET = withUser(async ({ db, params, user }) => {
  const campaign = await getCampaignOrThrow(db, { userId: user.id, campaignId: params.id });
  return csvDownload(exportCallsCsv(db, { campaignId: campaign.id }), campaign.name, 'calls');
});
