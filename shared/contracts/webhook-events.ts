// The events the app sends to a customer's webhook endpoints, written once: the services build them
// (lib/services/webhooks/events.ts) and a receiver may parse them with the same schemas. Every body is
// `{ type, timestamp, data }`, signed per Standard Webhooks (webhook-id, webhook-timestamp,
// webhook-signature). Relative imports only, like the other contracts.
import { z } from 'zod';
import { transcriptTurn } from './transcript';

export const webhookEventTypes = [
  'call.started',
  'call.answered',
  'call.ended',
  'call.scored',
  'lead.qualified',
  'lead.opted_out',
  'campaign.status_changed',
  'import.completed',
] as const;
export const webhookEventType = z.enum(webhookEventTypes, { message: `must be one of ${webhookEventTypes.join(', ')}` });
export type WebhookEventType = z.infer<typeof webhookEventType>;

/** The event "send test event" sends; never subscribed to. */
export const webhookTestEventType = 'webhook.test';

const iso = z.string();

/** The lead as the CRM knows it: `context` holds every extra CSV column (e.g. `external_id`) as imported. */
export const webhookLead = z.object({
  id: z.string(),
  name: z.string().nullable(),
  company: z.string().nullable(),
  phone: z.string(),
  email: z.string().nullable(),
  status: z.string(),
  context: z.record(z.string(), z.unknown()),
});

export const webhookCampaign = z.object({ id: z.string(), name: z.string() });

const callBase = z.object({
  callId: z.string(),
  attempt: z.number().int(),
  campaign: webhookCampaign,
  lead: webhookLead,
});

export const callStartedData = callBase.extend({ startedAt: iso });
export const callAnsweredData = callBase.extend({ answeredAt: iso });
export const callEndedData = callBase.extend({
  outcome: z.string(),
  status: z.string(),
  endedReason: z.string().nullable(),
  answeredAt: iso.nullable(),
  endedAt: iso.nullable(),
  durationSeconds: z.number().int().nullable(),
  billableMinutes: z.number().int(),
  cost: z.number(),
  recordingUrl: z.string().nullable(),
  transcript: z.array(transcriptTurn),
});
export const callScoredData = callBase.extend({
  score: z.number().nullable(),
  outcome: z.string(),
  /** The answers extracted per criterion field; null where the lead never said. */
  criteria: z.record(z.string(), z.unknown()),
  perCriterion: z.array(z.record(z.string(), z.unknown())),
  nextAction: z.unknown(),
  notes: z.string().nullable(),
  scoredBy: z.string().nullable(),
});
export const leadQualifiedData = callBase.extend({ score: z.number().nullable() });
/** The lead is not to be called again: they said so on a call, or their number went on the workspace's DNC list. */
export const leadOptedOutData = z.object({
  /** The call they opted out on; null when the number was listed (by hand, an import or an opt-out heard on another lead's call). */
  callId: z.string().nullable(),
  attempt: z.number().int().nullable(),
  campaign: webhookCampaign,
  lead: webhookLead,
  at: iso,
  source: z.enum(['call', 'dnc_list']),
});
export const campaignStatusChangedData = z.object({
  campaign: webhookCampaign,
  from: z.string(),
  to: z.string(),
  /** `user` for start/pause/resume/stop, `engine` for its own (completed, paused with a reason). */
  by: z.enum(['user', 'engine']),
  reason: z.string().nullable(),
  /** The engine's notification kind, e.g. `paused_telephony_trouble`. */
  kind: z.string().nullable(),
});
export const importCompletedData = z.object({
  campaign: webhookCampaign,
  inserted: z.number().int(),
  duplicates: z.number().int(),
  dnc: z.number().int(),
  rejected: z.number().int(),
  totalRows: z.number().int(),
});
export const webhookTestData = z.object({ endpointId: z.string(), message: z.string() });

export const webhookEventData = {
  'call.started': callStartedData,
  'call.answered': callAnsweredData,
  'call.ended': callEndedData,
  'call.scored': callScoredData,
  'lead.qualified': leadQualifiedData,
  'lead.opted_out': leadOptedOutData,
  'campaign.status_changed': campaignStatusChangedData,
  'import.completed': importCompletedData,
} as const satisfies Record<WebhookEventType, z.ZodType>;

export type WebhookEventData<T extends WebhookEventType> = z.infer<(typeof webhookEventData)[T]>;

/** The signed body of any event, the test event included. */
export const webhookEventBody = z.discriminatedUnion('type', [
  ...webhookEventTypes.map((type) => z.object({ type: z.literal(type), timestamp: iso, data: webhookEventData[type] })),
  z.object({ type: z.literal(webhookTestEventType), timestamp: iso, data: webhookTestData }),
] as unknown as [z.ZodObject<{ type: z.ZodLiteral<string> }>]);

export type WebhookEventBody =
  | { [T in WebhookEventType]: { type: T; timestamp: string; data: WebhookEventData<T> } }[WebhookEventType]
  | { type: typeof webhookTestEventType; timestamp: string; data: z.infer<typeof webhookTestData> };
