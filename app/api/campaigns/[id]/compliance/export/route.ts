// GET /api/campaigns/:id/compliance/export – every call's compliance evidence as CSV, streamed
import { csvDownload } from '@/lib/api/csv-download';
import { withUser } from '@/lib/api/handler';
import { getCampaignOrThrow } from '@/lib/services/campaigns';
import { exportEvidenceCsv } from '@/lib/services/compliance';

export const GET = withUser(async ({ db, params, user }) => {
  const campaign = await getCampaignOrThrow(db, { userId: user.id, campaignId: params.id });
  return csvDownload(exportEvidenceCsv(db, { campaignId: campaign.id }), campaign.name, 'compliance');
});
