import { and, eq, inArray } from 'drizzle-orm';
import { schema, type Queryable } from '@/db';
import { nonTerminalLeadStatuses } from '@/shared/statuses';
import { leadOnDnc } from './lead-on-dnc';

// Every status from which the dialer could still ring the number (the non-terminal ones), a call in flight
// included: settling that call leaves a lead that went do_not_call mid-call where it is.

/** Marks the workspace's leads with these numbers do_not_call in every campaign, at once; returns how many. */
export async function markLeadsDoNotCall(db: Queryable, { workspaceId, phones, now }: { workspaceId: string; phones: readonly string[]; now: Date }): Promise<number> {
  if (phones.length === 0) return 0;
  const marked = await db
    .update(schema.leads)
    .set({ status: 'do_not_call', nextRetryAt: null, updatedAt: now })
    .where(
      and(
        inArray(schema.leads.phone, [...phones]),
        inArray(schema.leads.status, [...nonTerminalLeadStatuses]),
        inArray(schema.leads.campaignId, db.select({ id: schema.campaigns.id }).from(schema.campaigns).where(eq(schema.campaigns.workspaceId, workspaceId))),
      ),
    )
    .returning({ id: schema.leads.id });
  return marked.length;
}

/**
 * Every not-yet-terminal lead of the workspace's whose number is on the list, marked do_not_call in
 * one statement: after a bulk import, one pass over the workspace's open leads (each probing the
 * list's primary key) costs less than matching millions of numbers batch by batch.
 */
export async function markListedLeadsDoNotCall(db: Queryable, { workspaceId, now }: { workspaceId: string; now: Date }): Promise<number> {
  const marked = await db
    .update(schema.leads)
    .set({ status: 'do_not_call', nextRetryAt: null, updatedAt: now })
    .where(
      and(
        inArray(schema.leads.status, [...nonTerminalLeadStatuses]),
        inArray(schema.leads.campaignId, db.select({ id: schema.campaigns.id }).from(schema.campaigns).where(eq(schema.campaigns.workspaceId, workspaceId))),
        leadOnDnc(workspaceId),
      ),
    )
    .returning({ id: schema.leads.id });
  return marked.length;
}
