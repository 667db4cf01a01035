// A new draft with another campaign's settings: name "<name> (copy)", no leads, no calls, no spend.
import { schema, type Db } from '@/db';
import { recordAudit } from '@/lib/services/audit';
import { getCampaignOrThrow } from './get-campaign-or-throw';
import { presentCampaign } from './present';
import { readLeadCounts } from './lead-counts';

const NAME_MAX = 200;

export function copyName(name: string): string {
  const suffix = ' (copy)';
  return name.slice(0, NAME_MAX - suffix.length) + suffix;
}

export async function cloneCampaign(db: Db, { workspaceId, userId, campaignId, now }: { workspaceId: string; userId: string; campaignId: string; now: Date }) {
  const source = await getCampaignOrThrow(db, { workspaceId, campaignId });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(schema.campaigns)
      .values({ workspaceId: source.workspaceId, createdBy: userId, name: copyName(source.name), description: source.description, config: source.config, createdAt: now, updatedAt: now })
      .returning();
    await recordAudit(tx, { actorId: userId, campaignId: row.id, action: 'campaign.cloned', at: now, details: { from: source.id } });
    return presentCampaign(row, await readLeadCounts(tx, row.id));
  });
}
