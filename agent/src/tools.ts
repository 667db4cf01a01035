// The agent's tools as plain functions over the call state. The worker wraps each in an
// @livekit/agents `llm.tool` and acts on the outcome: tell the model, reject the call, or hang up.
import { parseAnswer } from './answer-value';
import { parseCallbackTime } from './callback-time';
import type { CallState } from './call-state';
import type { DispatchCriterion } from '../../shared/contracts/agent-dispatch';

export type ToolOutcome =
  /** Carry on talking; `reply` goes back to the model. */
  | { kind: 'continue'; state: CallState; reply: string }
  /** The model called the tool wrongly; it sees `error` and may try again. State is unchanged. */
  | { kind: 'rejected'; state: CallState; error: string }
  /** End the call: wait for the current speech, say `say` if given, then hang up. */
  | { kind: 'hang_up'; state: CallState; say?: string };

export const endReasons = ['completed', 'not_interested', 'wrong_person', 'callback_requested', 'lead_unavailable', 'other'] as const;
export type EndReason = (typeof endReasons)[number];

/** Said by the tool itself, not left to the model: an opt-out must end politely and at once. */
export const optOutGoodbye = "Understood. I'll make sure you're not contacted again. Sorry for the interruption, and goodbye.";

export function recordAnswer(state: CallState, criteria: DispatchCriterion[], input: { field: string; value: unknown }): ToolOutcome {
  const criterion = criteria.find((c) => c.field === input.field);
  if (!criterion) {
    const fields = [...new Set(criteria.map((c) => c.field))];
    return { kind: 'rejected', state, error: `Unknown field "${input.field}". Record one of: ${fields.join(', ') || '(none: this campaign asks no questions)'}.` };
  }
  const parsed = parseAnswer(criterion.type, input.value);
  if (!parsed.ok) return { kind: 'rejected', state, error: `${criterion.field} is a ${criterion.type} field: ${parsed.error}.` };
  const answers = { ...state.answers, [criterion.field]: parsed.value };
  const remaining = [...new Set(criteria.map((c) => c.field))].filter((field) => !(field in answers));
  return {
    kind: 'continue',
    state: { ...state, answers },
    reply: remaining.length ? `Recorded ${criterion.field}. Still to find out: ${remaining.join(', ')}.` : `Recorded ${criterion.field}. Every question is answered.`,
  };
}

export function detectedAnsweringMachine(state: CallState, metadata: { voicemail_message?: string | null }): ToolOutcome {
  const message = metadata.voicemail_message?.trim();
  const next: CallState = { ...state, answeringMachine: true, voicemailLeft: !!message, endedReason: 'voicemail' };
  return message ? { kind: 'hang_up', state: next, say: message } : { kind: 'hang_up', state: next };
}

export function optOut(state: CallState): ToolOutcome {
  return { kind: 'hang_up', state: { ...state, optOut: true, endedReason: 'opt_out' }, say: optOutGoodbye };
}

export function scheduleCallback(state: CallState, input: { when: string }, context: { now: Date; timeZone: string }): ToolOutcome {
  const when = input.when.trim();
  if (!when) return { kind: 'rejected', state, error: "Say when to call back: an ISO 8601 date-time, or the lead's own words." };
  const parsed = parseCallbackTime(when, context);
  if (parsed.ok) {
    return {
      kind: 'continue',
      state: { ...state, callbackAt: parsed.at.toISOString(), callbackRequest: null },
      reply: `Callback noted for ${parsed.at.toISOString()} (UTC). Confirm the day and time with the lead, say goodbye, then call end_call with reason callback_requested.`,
    };
  }
  if (parsed.reason === 'past') {
    return { kind: 'rejected', state, error: `"${when}" is already in the past for the lead. Ask for a later day and time.` };
  }
  // Keep the lead's words even when no time can be read from them: a person can still act on them.
  return {
    kind: 'continue',
    state: { ...state, callbackRequest: when.slice(0, 200) },
    reply: `Noted "${when}", but it is not a specific time. If the lead is willing, ask for a day and time and call schedule_callback again; otherwise say goodbye and call end_call with reason callback_requested.`,
  };
}

export function endCall(state: CallState, input: { reason: string }): ToolOutcome {
  const reason = endReasons.find((r) => r === input.reason);
  if (!reason) return { kind: 'rejected', state, error: `Unknown reason "${input.reason}". Use one of: ${endReasons.join(', ')}.` };
  // An opt-out or a voicemail already named how the call ended; a later end_call must not hide it.
  return { kind: 'hang_up', state: state.endedReason ? state : { ...state, endedReason: reason } };
}
