// What the other services import to write events into the outbox (inside their own transactions).
export { campaignSubscriptions, enqueueWebhookEvent } from './enqueue-webhook-event';
export { announceWebhookEvents, onWebhookEvents } from './webhook-signal';
export { callBaseOf, callEndedDataOf, callSubject, webhookCampaignOf, webhookLeadOf } from './events';
export { releaseHeldSettlement, releaseOverdueSettlements, settlementEvents } from './settlement-events';
