import { and, eq, inArray } from 'drizzle-orm';
import { dncLookupKeys } from './dnc-keys';
import { schema, type Db } from '@/db';
import { recordAudit } from '@/lib/services/audit';
import { dncPhoneOf } from './dnc-phone';

/**
 * Takes a number off the list (idempotent). Leads it had marked do_not_call stay so: nothing
 * records why each was marked, and re-adding a lead is the deliberate way back.
 */
export async function removeFromDnc(db: Db, { workspaceId, actorId = null, phone: raw, region, now }: { workspaceId: string; actorId?: string | null; phone: string; region?: string; now: Date }) {
  const phone = dncPhoneOf(raw, region);
  return db.transaction(async (tx) => {
    const [removed] = await tx
      .delete(schema.dncNumbers)
      .where(and(eq(schema.dncNumbers.workspaceId, workspaceId), inArray(schema.dncNumbers.phone, dncLookupKeys([phone]).keys)))
      .returning();
    if (removed) {
      // Removing an opt-out is a compliance decision someone may have to answer for.
      await recordAudit(tx, { actorId, campaignId: null, action: 'dnc.removed', details: { phone, workspaceId, source: removed.source, reason: removed.reason }, at: now });
    }
    return { phone, deleted: !!removed };
  });
}
