import { eq } from 'drizzle-orm';
import { schema, type Db } from '@/db';
import { conflict } from '@/lib/errors';
import { getCampaignOrThrow } from './get-campaign-or-throw';

export async function deleteCampaign(db: Db, { workspaceId, campaignId }: { workspaceId: string; campaignId: string }) {
  await db.transaction(async (tx) => {
    const current = await getCampaignOrThrow(tx, { workspaceId, campaignId });
    if (current.status === 'active') throw conflict('An active campaign cannot be deleted: pause or stop it first');
    await tx.delete(schema.campaigns).where(eq(schema.campaigns.id, campaignId));
  });
  return { deleted: true, id: campaignId };
}
