// GET /api/campaigns/:id/leads/export – every lead as CSV (importable again), streamed
import { csvDownload } from '@/lib/api/csv-download';
import { withUser } from '@/lib/api/handler';
import { getCampaignOrThrow } from '@/lib/services/campaigns';
import { exportLeadsCsv } from '@/lib/services/leads';

export const GET = withUser(async ({ db, params, user }) => {
  const campaign = await getCampaignOrThrow(db, { userId: user.id, campaignId: params.id });
  return csvDownload(exportLeadsCsv(db, { campaignId: campaign.id }), campaign.name, 'leads');
});
