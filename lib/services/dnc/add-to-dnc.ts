import { and, eq } from 'drizzle-orm';
import { schema, type Queryable } from '@/db';
import { recordAudit } from '@/lib/services/audit';
import { dncPhoneOf } from './dnc-phone';
import { markLeadsDoNotCall } from './mark-leads-do-not-call';
import { presentDnc, type DncEntry, type DncSource } from './present-dnc';

export type AddToDncInput = {
  workspaceId: string;
  actorId?: string | null;
  phone: string;
  reason?: string | null;
  source: DncSource;
  now: Date;
  region?: string;
  /** The lead who opted out on a call (source opt_out): its settlement reports it, not the listing. */
  calledLeadId?: string | null;
};
export type AddToDncResult = { entry: DncEntry; added: boolean; leadsMarked: number };

/**
 * Puts a number on the workspace's do-not-call list (idempotent: a number already there keeps its
 * first reason and source) and takes the workspace's leads with it out of the queue at once, so an
 * opt-out is honoured before the next dial, not at the next claim.
 */
export async function addToDnc(db: Queryable, { workspaceId, actorId = null, phone: raw, reason, source, now, region, calledLeadId = null }: AddToDncInput): Promise<AddToDncResult> {
  const phone = dncPhoneOf(raw, region);
  return db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(schema.dncNumbers)
      .values({ workspaceId, phone, reason: reason || null, source, createdAt: now })
      .onConflictDoNothing()
      .returning();
    const leadsMarked = await markLeadsDoNotCall(tx, { workspaceId, phones: [phone], now, calledLeadId });
    if (inserted) {
      await recordAudit(tx, { actorId: source === 'opt_out' ? null : actorId, campaignId: null, workspaceId, action: 'dnc.added', details: { phone, workspaceId, source, reason: reason || null, leadsMarked }, at: now });
      return { entry: presentDnc(inserted), added: true, leadsMarked };
    }
    const [existing] = await tx
      .select()
      .from(schema.dncNumbers)
      .where(and(eq(schema.dncNumbers.workspaceId, workspaceId), eq(schema.dncNumbers.phone, phone)));
    return { entry: presentDnc(existing), added: false, leadsMarked };
  });
}
