import { schema, type Db } from '@/db';
import { recordAudit } from '@/lib/services/audit';
import { campaignConfig } from './config';
import { readLeadCounts } from './lead-counts';
import { presentCampaign } from './present';
import type { CreateCampaignBody } from './schemas';

export async function createCampaign(db: Db, { workspaceId, userId, input, now }: { workspaceId: string; userId: string; input: CreateCampaignBody; now: Date }) {
  const { name, description, ...configFields } = input;
  const config = campaignConfig.parse(configFields);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(schema.campaigns)
      .values({ workspaceId, createdBy: userId, name, description: description ?? null, config, createdAt: now, updatedAt: now })
      .returning();
    await recordAudit(tx, { actorId: userId, campaignId: row.id, action: 'campaign.created', at: now });
    return presentCampaign(row, await readLeadCounts(tx, row.id));
  });
}
