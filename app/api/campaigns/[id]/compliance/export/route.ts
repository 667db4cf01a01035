// GET /api/campaigns/:id/compliance/export – every call's compliance evidence as CSV, streamed
import { csvDownload } from '@/lib/api/csv-download';
import { withUser } from '@/lib/api/handler';
import { getCampaignOrThrow } from '@/lib/services/campaigns';
import { exportEvidenceCsv } from '@/lib/services/compliance';

export const GET = withUser(
  async ({ db, params, workspace }) => {
    const campaign = await getCampaignOrThrow(db, { workspaceId: workspace.id, campaignId: params.id });
    return csvDownload(exportEvidenceCsv(db, { campaignId: campaign.id }), campaign.name, 'compliance');
  },
  // Every call's number and consent record: personal data a viewer may read on screen but not take away.
  { role: 'manager' },
);
