// GET /api/campaigns/:id/calls/export – every call as CSV, streamed
import { csvDownload } from '@/lib/api/csv-download';
import { withUser } from '@/lib/api/handler';
import { appClock } from '@/lib/clock';
import { exportCallsCsv } from '@/lib/services/analytics';
import { campaignForExport } from '@/lib/services/campaigns';

export const GET = withUser(
  async ({ db, params, user, workspace }) => {
    const campaign = await campaignForExport(db, { workspaceId: workspace.id, userId: user.id, campaignId: params.id, kind: 'calls', now: appClock().now() });
    return csvDownload(exportCallsCsv(db, { campaignId: campaign.id }), campaign.name, 'calls');
  },
  // The calls' transcripts and numbers: personal data a viewer may read on screen but not take away.
  { can: 'data.export' },
);
