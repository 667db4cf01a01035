// GET /api/campaigns/:id/compliance/export – every call's compliance evidence as CSV, streamed
import { csvDownload } from '@/lib/api/csv-download';
import { withUser } from '@/lib/api/handler';
import { appClock } from '@/lib/clock';
import { campaignForExport } from '@/lib/services/campaigns';
import { exportEvidenceCsv } from '@/lib/services/compliance';

export const GET = withUser(
  async ({ db, params, user, workspace }) => {
    const campaign = await campaignForExport(db, { workspaceId: workspace.id, userId: user.id, campaignId: params.id, kind: 'compliance', now: appClock().now() });
    return csvDownload(exportEvidenceCsv(db, { campaignId: campaign.id }), campaign.name, 'compliance');
  },
  // Every call's number and consent record: personal data a viewer may read on screen but not take away.
  { can: 'data.export' },
);
