import { and, eq, inArray } from 'drizzle-orm';
import { schema, type Queryable } from '@/db';
import { enqueueDncOptOutEvents } from '@/lib/services/webhooks/dnc-opt-out-events';
import { leadOnDnc } from './lead-on-dnc';

// Every status from which the dialer could still ring the number, a call in flight included:
// the outcome tracker leaves a lead that went do_not_call mid-call where it is.
const notYetTerminal = ['pending', 'retry_scheduled', 'calling', 'needs_consent'] as const;

/**
 * Marks the workspace's leads with these numbers do_not_call in every campaign, at once, with a
 * lead.opted_out event for each; returns how many. `calledLeadId` is the lead who opted out on a call:
 * its call's settlement sends that lead's event.
 */
export async function markLeadsDoNotCall(
  db: Queryable,
  { workspaceId, phones, now, calledLeadId = null }: { workspaceId: string; phones: readonly string[]; now: Date; calledLeadId?: string | null },
): Promise<number> {
  if (phones.length === 0) return 0;
  const marked = await db
    .update(schema.leads)
    .set({ status: 'do_not_call', nextRetryAt: null, updatedAt: now })
    .where(
      and(
        inArray(schema.leads.phone, [...phones]),
        inArray(schema.leads.status, [...notYetTerminal]),
        inArray(schema.leads.campaignId, db.select({ id: schema.campaigns.id }).from(schema.campaigns).where(eq(schema.campaigns.workspaceId, workspaceId))),
      ),
    )
    .returning({ id: schema.leads.id });
  await enqueueDncOptOutEvents(db, { workspaceId, leadIds: marked.map((m) => m.id).filter((id) => id !== calledLeadId), now });
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
        inArray(schema.leads.status, [...notYetTerminal]),
        inArray(schema.leads.campaignId, db.select({ id: schema.campaigns.id }).from(schema.campaigns).where(eq(schema.campaigns.workspaceId, workspaceId))),
        leadOnDnc(workspaceId),
      ),
    )
    .returning({ id: schema.leads.id });
  await enqueueDncOptOutEvents(db, { workspaceId, leadIds: marked.map((m) => m.id), now });
  return marked.length;
}
