import { schema, type Db } from '@/db';
import { conflict } from '@/lib/errors';
import { getCampaignOrThrow } from '@/lib/services/campaigns/get-campaign-or-throw';
import { isOnDnc } from '@/lib/services/dnc/is-on-dnc';
import { assertCampaignTakesLeads } from './assert-campaign-takes-leads';
import { phoneOrThrow } from './phone-or-throw';
import { presentLead } from './present-lead';
import { sealLeadContext } from './lead-context';
import type { AddLeadBody } from './schemas';

export async function addLead(db: Db, { workspaceId, campaignId, input, now }: { workspaceId: string; campaignId: string; input: AddLeadBody; now: Date }) {
  const campaign = await getCampaignOrThrow(db, { workspaceId, campaignId });
  assertCampaignTakesLeads(campaign);
  const phone = phoneOrThrow(input.phone, campaign.config.defaultRegion ?? 'US');
  if (await isOnDnc(db, { workspaceId: campaign.workspaceId, phone })) {
    throw conflict(`${phone} is on your do-not-call list`, { phone: 'is on the do-not-call list' });
  }
  const [row] = await db
    .insert(schema.leads)
    .values({
      campaignId: campaign.id,
      name: input.name,
      phone,
      company: input.company || null,
      email: input.email ?? null,
      timezone: input.timezone ?? null,
      state: input.state ?? null,
      consentAt: input.consentAt ?? null,
      consentSource: input.consentSource ?? null,
      consentText: input.consentText ?? null,
      context: sealLeadContext(input.context ?? {}),
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing({ target: [schema.leads.campaignId, schema.leads.phone] })
    .returning();
  if (!row) throw conflict(`${phone} is already a lead of this campaign`, { phone: 'already in this campaign' });
  return presentLead(row);
}
