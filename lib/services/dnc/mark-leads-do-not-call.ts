import { and, eq, inArray } from 'drizzle-orm';
import { schema, type Queryable } from '@/db';
import { leadOnDnc } from './lead-on-dnc';

// Every status from which the dialer could still ring the number, a call in flight included:
// the outcome tracker leaves a lead that went do_not_call mid-call where it is.
const notYetTerminal = ['pending', 'retry_scheduled', 'calling', 'needs_consent'] as const;

/** Marks the owner's leads with these numbers do_not_call in every campaign, at once; returns how many. */
export async function markLeadsDoNotCall(db: Queryable, { ownerId, phones, now }: { ownerId: string; phones: readonly string[]; now: Date }): Promise<number> {
  if (phones.length === 0) return 0;
  const marked = await db
    .update(schema.leads)
    .set({ status: 'do_not_call', nextRetryAt: null, updatedAt: now })
    .where(
      and(
        inArray(schema.leads.phone, [...phones]),
        inArray(schema.leads.status, [...notYetTerminal]),
        inArray(schema.leads.campaignId, db.select({ id: schema.campaigns.id }).from(schema.campaigns).where(eq(schema.campaigns.ownerId, ownerId))),
      ),
    )
    .returning({ id: schema.leads.id });
  return marked.length;
}

/**
 * Every not-yet-terminal lead of the owner's whose number is on the list, marked do_not_call in
 * one statement: after a bulk import, one pass over the owner's open leads (each probing the
 * list's primary key) costs less than matching millions of numbers batch by batch.
 */
export async function markListedLeadsDoNotCall(db: Queryable, { ownerId, now }: { ownerId: string; now: Date }): Promise<number> {
  const marked = await db
    .update(schema.leads)
    .set({ status: 'do_not_call', nextRetryAt: null, updatedAt: now })
    .where(
      and(
        inArray(schema.leads.status, [...notYetTerminal]),
        inArray(schema.leads.campaignId, db.select({ id: schema.campaigns.id }).from(schema.campaigns).where(eq(schema.campaigns.ownerId, ownerId))),
        leadOnDnc(ownerId),
      ),
    )
    .returning({ id: schema.leads.id });
  return marked.length;
}
