// GET /api/campaigns/:id/leads/export – every lead as CSV (importable again), streamed
import { csvDownload } from '@/lib/api/csv-download';
import { withUser } from '@/lib/api/handler';
import { appClock } from '@/lib/clock';
import { campaignForExport } from '@/lib/services/campaigns';
import { exportLeadsCsv } from '@/lib/services/leads';

export const GET = withUser(
  async ({ db, params, user, workspace }) => {
    const campaign = await campaignForExport(db, { workspaceId: workspace.id, userId: user.id, campaignId: params.id, kind: 'leads', now: appClock().now() });
    return csvDownload(exportLeadsCsv(db, { campaignId: campaign.id }), campaign.name, 'leads');
  },
  // The leads' names and numbers: personal data a viewer may read on screen but not take away.
  { can: 'data.export' },
);
