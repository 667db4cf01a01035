// The payloads of the events, built from the rows the changes write (shapes in shared/contracts/webhook-events.ts).
import { eq } from 'drizzle-orm';
import { schema, type Queryable } from '@/db';
import type { WebhookEventData } from '@/shared/contracts/webhook-events';
import { openRecordingUrl, openTranscript } from '@/lib/services/calls/call-personal-data';
import { openLeadContext } from '@/lib/services/leads/lead-context';

type CallRow = typeof schema.campaignCalls.$inferSelect;
type LeadRow = typeof schema.leads.$inferSelect;
type CampaignRow = Pick<typeof schema.campaigns.$inferSelect, 'id' | 'name'>;

export const webhookLeadOf = (lead: LeadRow) => ({
  id: lead.id,
  name: lead.name,
  company: lead.company,
  phone: lead.phone,
  email: lead.email,
  status: lead.status,
  context: openLeadContext(lead.context),
});

export const webhookCampaignOf = (campaign: CampaignRow) => ({ id: campaign.id, name: campaign.name });

export type CallSubject = { call: CallRow; lead: LeadRow; campaign: CampaignRow & { workspaceId: string } };

/** The call's lead and campaign, read in the caller's transaction. */
export async function callSubject(tx: Queryable, call: CallRow): Promise<CallSubject> {
  const [lead] = await tx.select().from(schema.leads).where(eq(schema.leads.id, call.leadId));
  const [campaign] = await tx
    .select({ id: schema.campaigns.id, name: schema.campaigns.name, workspaceId: schema.campaigns.workspaceId })
    .from(schema.campaigns)
    .where(eq(schema.campaigns.id, call.campaignId));
  return { call, lead, campaign };
}

export function callBaseOf({ call, lead, campaign }: CallSubject) {
  return { callId: call.id, attempt: call.attemptNumber, campaign: webhookCampaignOf(campaign), lead: webhookLeadOf(lead) };
}

export function callEndedDataOf(subject: CallSubject): WebhookEventData<'call.ended'> {
  const { call } = subject;
  return {
    ...callBaseOf(subject),
    outcome: call.outcome ?? call.status,
    status: call.status,
    endedReason: call.endedReason,
    answeredAt: call.answeredAt?.toISOString() ?? null,
    endedAt: call.endedAt?.toISOString() ?? null,
    durationSeconds: call.durationSeconds,
    billableMinutes: call.billableMinutes ?? 0,
    cost: call.cost ?? 0,
    recordingUrl: openRecordingUrl(call.recordingUrl),
    transcript: openTranscript(call.transcript) ?? [],
  };
}
