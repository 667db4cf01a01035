import { and, eq, ne } from 'drizzle-orm';
import { schema, type Db } from '@/db';
import { conflict, notFound } from '@/lib/errors';
import { getCampaignOrThrow, isUuid } from '@/lib/services/campaigns/get-campaign-or-throw';
import { isOnDnc } from '@/lib/services/dnc/is-on-dnc';
import { isUniqueViolation } from './is-unique-violation';
import { phoneOrThrow } from './phone-or-throw';
import { presentLead, type LeadRow } from './present-lead';
import { sealLeadContext } from './lead-context';
import { needsLeadConsent } from '@/lib/services/compliance/consent';
import type { ConsentBasis } from '@/shared/compliance-evidence';
import type { UpdateLeadBody } from './schemas';

/**
 * Edits a lead's own details; its calling state (status, attempts, outcome) stays the engine's.
 * A lead on a call is locked: the agent is talking to it with the details it had.
 */
export async function updateLead(db: Db, { workspaceId, campaignId, leadId, input, now }: { workspaceId: string; campaignId: string; leadId: string; input: UpdateLeadBody; now: Date }) {
  try {
    return await db.transaction(async (tx) => {
      const campaign = await getCampaignOrThrow(tx, { workspaceId, campaignId });
      if (!isUuid(leadId)) throw notFound('Lead');
      // Row lock: the dialer claims with SKIP LOCKED, so it passes this lead by until we are done.
      const [lead] = await tx
        .select()
        .from(schema.leads)
        .where(and(eq(schema.leads.id, leadId), eq(schema.leads.campaignId, campaign.id)))
        .for('update');
      if (!lead) throw notFound('Lead');
      if (lead.status === 'calling') throw conflict('This lead is on a call right now: edit it once the call has ended', { status: 'is calling' });

      const phone = input.phone === undefined ? lead.phone : phoneOrThrow(input.phone, campaign.config.defaultRegion ?? 'US');
      if (phone !== lead.phone) {
        if (await isOnDnc(tx, { workspaceId: campaign.workspaceId, phone })) throw conflict(`${phone} is on your do-not-call list`, { phone: 'is on the do-not-call list' });
        const [taken] = await tx
          .select({ id: schema.leads.id })
          .from(schema.leads)
          .where(and(eq(schema.leads.campaignId, campaign.id), eq(schema.leads.phone, phone), ne(schema.leads.id, lead.id)))
          .limit(1);
        if (taken) throw duplicatePhone(phone);
      }
      const consent = {
        consentAt: input.consentAt === undefined ? lead.consentAt : input.consentAt,
        consentSource: input.consentSource === undefined ? lead.consentSource : input.consentSource,
        consentText: input.consentText === undefined ? lead.consentText : input.consentText,
      };
      const [row] = await tx
        .update(schema.leads)
        .set({
          name: input.name ?? lead.name,
          phone,
          company: input.company === undefined ? lead.company : input.company || null,
          email: input.email === undefined ? lead.email : input.email,
          timezone: input.timezone === undefined ? lead.timezone : input.timezone,
          state: input.state === undefined ? lead.state : input.state,
          ...consent,
          context: input.context === undefined ? lead.context : sealLeadContext(input.context),
          // A lead held for want of consent is callable again once its record is on file (a lead whose record
          // is removed is held by the claim, before any call).
          status: nextConsentStatus(lead.status, campaign.config.consentBasis, consent),
          updatedAt: now,
        })
        .where(eq(schema.leads.id, lead.id))
        .returning();
      return presentLead(row);
    });
  } catch (error) {
    // Another request took the number between our check and our write.
    if (isUniqueViolation(error) && input.phone !== undefined) throw duplicatePhone(input.phone);
    throw error;
  }
}

function nextConsentStatus(status: LeadRow['status'], basis: ConsentBasis, consent: { consentAt: Date | null; consentSource: string | null; consentText: string | null }): LeadRow['status'] {
  const held = needsLeadConsent({ basis, leadConsent: { at: consent.consentAt?.toISOString() ?? null, source: consent.consentSource, text: consent.consentText } });
  return status === 'needs_consent' && !held ? 'pending' : status;
}

function duplicatePhone(phone: string) {
  return conflict(`${phone} is already a lead of this campaign`, { phone: 'already in this campaign' });
}
