// GET /api/campaigns/:id/leads/export – every lead as CSV (importable again), streamed
import { csvDownload } from '@/lib/api/csv-download';
import { withUser } from '@/lib/api/handler';
import { getCampaignOrThrow } from '@/lib/services/campaigns';
import { exportLeadsCsv } from '@/lib/services/leads';

export const GET = withUser(
  async ({ db, params, workspace }) => {
    const campaign = await getCampaignOrThrow(db, { workspaceId: workspace.id, campaignId: params.id });
    return csvDownload(exportLeadsCsv(db, { campaignId: campaign.id }), campaign.name, 'leads');
  },
  // The leads' names and numbers: personal data a viewer may read on screen but not take away.
  { role: 'manager' },
);
