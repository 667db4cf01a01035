// The campaign, lead and call status vocabularies and their named sets, written once: the drizzle enums
// (db/schema/campaigns.ts, leads.ts, calls.ts) are built from these lists, and every query, response
// schema and screen imports the sets from here instead of spelling them out.

// draft → active ⇄ paused; stop → cancelled; the engine sets completed (lib/services/campaigns/lifecycle.ts).
export const campaignStatuses = ['draft', 'active', 'paused', 'completed', 'cancelled'] as const;
export type CampaignStatus = (typeof campaignStatuses)[number];

export const leadStatuses = [
  'pending', // never called
  'calling', // a call is in flight
  'retry_scheduled', // waiting for nextRetryAt
  'completed', // terminal: lastOutcome says how
  'exhausted', // terminal: attempts cap reached without a conclusive outcome
  'do_not_call', // terminal: on the DNC list or opted out
  'needs_consent', // held: the campaign's consent basis needs a consent record this lead lacks
] as const;
export type LeadStatus = (typeof leadStatuses)[number];

/** Waiting for the dialer: never called, or a retry scheduled. */
export const queuedLeadStatuses = ['pending', 'retry_scheduled'] as const satisfies readonly LeadStatus[];
/** Open leads: a call still ahead of them, or one in flight (the progress "remaining" figure). */
export const openLeadStatuses = [...queuedLeadStatuses, 'calling'] as const satisfies readonly LeadStatus[];
/** Settled for good: nothing moves the lead on again. */
export const terminalLeadStatuses = ['completed', 'exhausted', 'do_not_call'] as const satisfies readonly LeadStatus[];
/** Not yet settled: the open leads and those held for a consent record. */
export const nonTerminalLeadStatuses = [...openLeadStatuses, 'needs_consent'] as const satisfies readonly LeadStatus[];

export const callStatuses = ['pending', 'calling', 'in_progress', 'completed', 'failed', 'no_answer', 'busy'] as const;
export type CallStatus = (typeof callStatuses)[number];

/** Claimed and not yet ended: the concurrency limit, the lease recovery and the live-calls panel count these. */
export const inFlightCallStatuses = ['pending', 'calling', 'in_progress'] as const satisfies readonly CallStatus[];
export type InFlightCallStatus = (typeof inFlightCallStatuses)[number];
/** A room exists and someone may be on it: ringing or answered (what a listener can join). */
export const liveCallStatuses = ['calling', 'in_progress'] as const satisfies readonly CallStatus[];
/** Ended, as the dial or the room said; the call waits for (or has) its outcome. */
export const terminalCallStatuses = ['completed', 'failed', 'no_answer', 'busy'] as const satisfies readonly CallStatus[];
export type TerminalCallStatus = (typeof terminalCallStatuses)[number];
/** Ended without anyone answering. */
export const unansweredCallStatuses = ['no_answer', 'busy', 'failed'] as const satisfies readonly TerminalCallStatus[];

/** `includes` on a readonly tuple of literals, without widening the tuple at every call site. */
export function isOneOf<T extends string>(set: readonly T[], value: string): value is T {
  return (set as readonly string[]).includes(value);
}
