// What the agent learned during one call. The tools change it, the worker holds it, and at the end
// it becomes the report the app stores. Every change returns a new state, so a tool's effect is
// plain to test and a rejected tool call leaves nothing half-written.
import type { AnswerValue } from './answer-value';
import type { CallReport, TranscriptTurn } from './report-client';

export type CallState = {
  answers: Record<string, AnswerValue>;
  answeringMachine: boolean;
  voicemailLeft: boolean;
  optOut: boolean;
  /** The agreed callback time, ISO 8601 in UTC. */
  callbackAt: string | null;
  /** The lead's own words when they asked for a callback the agent could not pin to a time. */
  callbackRequest: string | null;
  endedReason: string | null;
};

export function initialCallState(): CallState {
  return { answers: {}, answeringMachine: false, voicemailLeft: false, optOut: false, callbackAt: null, callbackRequest: null, endedReason: null };
}

/** The lead hung up first: the call ended on their side unless the agent had already ended it. */
export function leadHungUp(state: CallState): CallState {
  return state.endedReason ? state : { ...state, endedReason: 'lead_hung_up' };
}

/** The body the app's /api/livekit/agent-report expects. */
export function callReport(state: CallState, transcript: TranscriptTurn[]): CallReport {
  const summary = summarise(state);
  return {
    transcript,
    answeringMachine: state.answeringMachine,
    optOut: state.optOut,
    ...(state.callbackAt ? { callbackAt: state.callbackAt } : {}),
    ...(summary ? { summary } : {}),
    ...(state.endedReason ? { endedReason: state.endedReason } : {}),
  };
}

/**
 * The report has no field for recorded answers (the app extracts them from the transcript), so
 * they travel in the summary where a person reading the call can see them too.
 */
function summarise(state: CallState): string | undefined {
  const lines: string[] = [];
  if (state.answeringMachine) {
    lines.push(state.voicemailLeft ? "Answering machine: left the campaign's voicemail message." : 'Answering machine: hung up without a message.');
  }
  if (state.optOut) lines.push('The lead asked not to be called again.');
  if (state.callbackAt) lines.push(`Callback agreed for ${state.callbackAt}.`);
  else if (state.callbackRequest) lines.push(`The lead asked to be called back: "${state.callbackRequest}" (no exact time agreed).`);
  const answers = Object.entries(state.answers);
  if (answers.length) lines.push(`Answers: ${answers.map(([field, value]) => `${field} = ${formatAnswer(value)}`).join('; ')}.`);
  return lines.length ? lines.join(' ').slice(0, 10_000) : undefined;
}

function formatAnswer(value: AnswerValue): string {
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}
