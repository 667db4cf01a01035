import { and, eq } from 'drizzle-orm';
import { schema, type Db } from '@/db';
import { conflict, parseOrThrow } from '@/lib/errors';
import { recordAudit } from '@/lib/services/audit';
import { CONSENT_BASES_NEEDING_LEAD_EVIDENCE } from '@/lib/services/compliance/consent';
import { campaignConfig } from './config';
import { getCampaignOrThrow } from './get-campaign-or-throw';
import { readLeadCounts } from './lead-counts';
import { presentCampaign } from './present';
import type { UpdateCampaignBody } from './schemas';

export async function updateCampaign(db: Db, { workspaceId, userId, campaignId, input, now }: { workspaceId: string; userId: string; campaignId: string; input: UpdateCampaignBody; now: Date }) {
  return db.transaction(async (tx) => {
    const current = await getCampaignOrThrow(tx, { workspaceId, campaignId });
    if (current.status === 'completed' || current.status === 'cancelled') {
      throw conflict(`A ${current.status} campaign cannot be edited`);
    }
    const { name, description, ...configChanges } = input;
    // null clears an optional setting.
    const merged: Record<string, unknown> = { ...current.config, ...configChanges };
    // The nested rule sets merge one level deep: the keys sent replace those keys.
    if (configChanges.retryRules) merged.retryRules = { ...current.config.retryRules, ...configChanges.retryRules };
    if (configChanges.nextActions) merged.nextActions = { ...current.config.nextActions, ...configChanges.nextActions };
    for (const [key, value] of Object.entries(configChanges)) if (value === null) delete merged[key];
    const config = parseOrThrow(campaignConfig, merged);
    const [row] = await tx
      .update(schema.campaigns)
      .set({ name: name ?? current.name, description: description === undefined ? current.description : description, config, updatedAt: now })
      .where(eq(schema.campaigns.id, campaignId))
      .returning();
    // Leads held for want of a consent record are callable again under a basis that needs none per lead.
    if (config.consentBasis !== current.config.consentBasis && !CONSENT_BASES_NEEDING_LEAD_EVIDENCE.has(config.consentBasis)) {
      await tx
        .update(schema.leads)
        .set({ status: 'pending', updatedAt: now })
        .where(and(eq(schema.leads.campaignId, campaignId), eq(schema.leads.status, 'needs_consent')));
    }
    await recordAudit(tx, { actorId: userId, campaignId, action: 'campaign.updated', details: { fields: Object.keys(input) }, at: now });
    return presentCampaign(row, await readLeadCounts(tx, row.id));
  });
}
