// GET /api/campaigns/:id/calls/export – every call as CSV, streamed
import { csvDownload } from '@/lib/api/csv-download';
import { withUser } from '@/lib/api/handler';
import { exportCallsCsv } from '@/lib/services/analytics';
import { getCampaignOrThrow } from '@/lib/services/campaigns';

export const GET = withUser(
  async ({ db, params, workspace }) => {
    const campaign = await getCampaignOrThrow(db, { workspaceId: workspace.id, campaignId: params.id });
    return csvDownload(exportCallsCsv(db, { campaignId: campaign.id }), campaign.name, 'calls');
  },
  // The calls' transcripts and numbers: personal data a viewer may read on screen but not take away.
  { role: 'manager' },
);
