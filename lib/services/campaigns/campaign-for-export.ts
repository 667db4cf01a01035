import type { Db } from '@/db';
import { recordAudit } from '@/lib/services/audit';
import { getCampaignOrThrow, type CampaignRow } from './get-campaign-or-throw';

export type ExportKind = 'calls' | 'leads' | 'compliance';

/** The campaign an export reads, once the export is on the audit log (recorded as it starts, before the first line). */
export async function campaignForExport(db: Db, { workspaceId, userId, campaignId, kind, now }: { workspaceId: string; userId: string; campaignId: string; kind: ExportKind; now: Date }): Promise<CampaignRow> {
  const campaign = await getCampaignOrThrow(db, { workspaceId, campaignId });
  await recordAudit(db, { actorId: userId, campaignId: campaign.id, workspaceId, action: `${kind}.exported`, details: { format: 'csv' }, at: now });
  return campaign;
}
