// Erasure: a lead's personal data removed on request, its calls kept as counts. What goes: name, company,
// email, number, context, consent record, qualification answers, and every call's transcript, recording,
// agent report and notes. What stays: statuses, outcomes, scores, times, costs and the compliance evidence
// (its number replaced), so the campaign's counts and analytics still add up. A number on the workspace's DNC
// list stays there only as its keyed hash, which still blocks it at import, claim and the check API.
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { schema, type Db } from '@/db';
import { conflict, notFound } from '@/lib/errors';
import { isUuid } from '@/lib/services/campaigns/get-campaign-or-throw';
import { recordAudit } from '@/lib/services/audit';
import { dncLookupKeys, hashedDncEntry, isHashedDncEntry } from '@/lib/services/dnc/dnc-keys';
import { isOneOf, nonTerminalLeadStatuses } from '@/shared/statuses';

export type ErasureResult = { leadId: string; callsErased: number; dncHashed: boolean };

export async function eraseLeadPersonalData(db: Db, { workspaceId, userId, leadId, now }: { workspaceId: string; userId: string; leadId: string; now: Date }): Promise<ErasureResult> {
  if (!isUuid(leadId)) throw notFound('Lead');
  return db.transaction(async (tx) => {
    const l = schema.leads;
    // Row lock: the dialer claims with SKIP LOCKED, so it passes this lead by until the erasure commits.
    const [lead] = await tx
      .select({ id: l.id, campaignId: l.campaignId, phone: l.phone, status: l.status, workspaceId: schema.campaigns.workspaceId })
      .from(l)
      .innerJoin(schema.campaigns, eq(schema.campaigns.id, l.campaignId))
      .where(and(eq(l.id, leadId), eq(schema.campaigns.workspaceId, workspaceId)))
      .for('update', { of: l });
    if (!lead) throw notFound('Lead');
    if (lead.status === 'calling') throw conflict('This lead is on a call right now: erase it once the call has ended', { status: 'is calling' });

    // Unique per campaign (the leads' phone index), and never a dialable number.
    const erasedPhone = `erased:${lead.id}`;
    const wasErased = lead.phone.startsWith('erased:');

    let dncHashed = false;
    if (!wasErased) {
      const listed = await tx
        .select()
        .from(schema.dncNumbers)
        .where(and(eq(schema.dncNumbers.workspaceId, lead.workspaceId), inArray(schema.dncNumbers.phone, dncLookupKeys([lead.phone]).keys)));
      const plain = listed.filter((r) => !isHashedDncEntry(r.phone));
      dncHashed = listed.length > 0;
      if (plain.length) {
        const [first] = plain;
        await tx.delete(schema.dncNumbers).where(and(eq(schema.dncNumbers.workspaceId, lead.workspaceId), eq(schema.dncNumbers.phone, lead.phone)));
        await tx
          .insert(schema.dncNumbers)
          .values({ workspaceId: lead.workspaceId, phone: hashedDncEntry(lead.phone), reason: first.reason, source: first.source, createdAt: first.createdAt })
          .onConflictDoNothing();
        // The list's own audit rows named the number: they keep its hash instead.
        await tx
          .update(schema.auditLog)
          .set({ details: sql`jsonb_set(${schema.auditLog.details}, '{phone}', to_jsonb(${hashedDncEntry(lead.phone)}::text))` })
          .where(
            and(
              sql`${schema.auditLog.details}->>'phone' = ${lead.phone}`,
              or(
                sql`${schema.auditLog.details}->>'workspaceId' = ${lead.workspaceId}`,
                inArray(schema.auditLog.campaignId, tx.select({ id: schema.campaigns.id }).from(schema.campaigns).where(eq(schema.campaigns.workspaceId, lead.workspaceId))),
              ),
            ),
          );
      }
    }

    await tx
      .update(l)
      .set({
        name: '',
        company: null,
        email: null,
        phone: erasedPhone,
        consentSource: null,
        consentText: null,
        context: '{}',
        qualification: null,
        // An erased lead has no number left to call.
        status: isOneOf(nonTerminalLeadStatuses, lead.status) ? 'do_not_call' : lead.status,
        nextRetryAt: null,
        updatedAt: now,
      })
      .where(eq(l.id, lead.id));

    const c = schema.campaignCalls;
    const calls = await tx
      .update(c)
      .set({
        phone: erasedPhone,
        transcript: null,
        recordingUrl: null,
        report: null,
        outcomeNote: null,
        qualification: null,
        // The evidence keeps why the call was lawful; only its number goes (the one change its trigger allows).
        compliance: sql`case when ${c.compliance} is null then null else ${c.compliance} || jsonb_build_object('phone', ${erasedPhone}::text) end`,
        personalDataRemovedAt: now,
        updatedAt: now,
      })
      .where(eq(c.leadId, lead.id))
      .returning({ id: c.id });

    await recordAudit(tx, { actorId: userId, campaignId: lead.campaignId, action: 'lead.erased', details: { leadId: lead.id, callsErased: calls.length, dncHashed }, at: now });
    return { leadId: lead.id, callsErased: calls.length, dncHashed };
  });
}
