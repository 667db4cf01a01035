// lead.opted_out for the leads a do-not-call listing took out of the queue (a number added by hand, a
// file of them, or an opt-out heard on a call that other leads share): one event per lead, in the
// listing's transaction, so the customer's CRM learns of every lead it can no longer call.
import { eq, inArray } from 'drizzle-orm';
import { schema, type Queryable } from '@/db';
import { enqueueWebhookEvent, subscribedEndpoints } from './enqueue-webhook-event';
import { webhookCampaignOf, webhookLeadOf } from './events';

const READ_BATCH = 500;

/** Writes the events when the workspace has an endpoint for them; returns how many deliveries were queued. */
export async function enqueueDncOptOutEvents(tx: Queryable, { workspaceId, leadIds, now }: { workspaceId: string; leadIds: readonly string[]; now: Date }): Promise<number> {
  if (leadIds.length === 0) return 0;
  const endpoints = await subscribedEndpoints(tx, workspaceId, 'lead.opted_out');
  if (endpoints.length === 0) return 0;
  const subscriptions = endpoints.map((e) => ({ id: e.id, events: ['lead.opted_out'] }));
  let sent = 0;
  for (let i = 0; i < leadIds.length; i += READ_BATCH) {
    const rows = await tx
      .select({ lead: schema.leads, campaign: { id: schema.campaigns.id, name: schema.campaigns.name } })
      .from(schema.leads)
      .innerJoin(schema.campaigns, eq(schema.campaigns.id, schema.leads.campaignId))
      .where(inArray(schema.leads.id, leadIds.slice(i, i + READ_BATCH)));
    for (const { lead, campaign } of rows) {
      sent += await enqueueWebhookEvent(tx, {
        workspaceId,
        subscriptions,
        type: 'lead.opted_out',
        orderingKey: lead.id,
        now,
        data: { callId: null, attempt: null, campaign: webhookCampaignOf(campaign), lead: webhookLeadOf(lead), at: now.toISOString(), source: 'dnc_list' },
      });
    }
  }
  return sent;
}
