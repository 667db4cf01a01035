import { eq } from 'drizzle-orm';
import { schema, type Db } from '@/db';
import { conflict } from '@/lib/errors';
import { recordAudit } from '@/lib/services/audit';
import { getCampaignOrThrow } from './get-campaign-or-throw';

/** Deletes a campaign with its leads and calls; its audit rows stay (audit_log.campaign_id has no foreign key). */
export async function deleteCampaign(db: Db, { workspaceId, userId, campaignId, now }: { workspaceId: string; userId: string; campaignId: string; now: Date }) {
  await db.transaction(async (tx) => {
    const current = await getCampaignOrThrow(tx, { workspaceId, campaignId });
    if (current.status === 'active') throw conflict('An active campaign cannot be deleted: pause or stop it first');
    await tx.delete(schema.campaigns).where(eq(schema.campaigns.id, campaignId));
    await recordAudit(tx, { actorId: userId, campaignId, workspaceId, action: 'campaign.deleted', details: { name: current.name, status: current.status }, at: now });
  });
  return { deleted: true, id: campaignId };
}
