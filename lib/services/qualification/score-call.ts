// The entry point: a finished call in, the numbers a sales team acts on out.
import type { TranscriptTurn } from '@/db/schema/calls';
import type { QualificationCriterion } from './criteria';
import { evaluateCriteria, type CriterionResult } from './evaluate-criteria';
import { defaultExtractor } from './extract/default-extractor';
import { fieldsOf, noSignals, type Extraction, type Extractor, type ScoredBy } from './extraction';
import type { ExtractedFields } from './field-value';
import { decideNextAction, type NextAction, type NextActionOverrides } from './next-action';
import { writeNotes } from './notes';
import type { JudgedOutcome } from '@/shared/call-outcomes';
import type { TerminalCallStatus } from '@/shared/statuses';
import { decideOutcome, unscoredOutcomes } from './outcome';

export type ScoreCallInput = {
  transcript: readonly TranscriptTurn[];
  criteria: readonly QualificationCriterion[];
  minQualificationScore: number;
  callStatus: TerminalCallStatus;
  /** Telephony or the agent detected a machine. */
  answeringMachine?: boolean;
  /** The voice agent recorded an opt-out during the call. */
  optOutReported?: boolean;
  /** The voice agent recorded a call-back time; it wins over one read from the transcript. */
  callbackAtReported?: Date;
  now: Date;
  /** The lead's IANA zone, for "Thursday at 3"; UTC when unknown. */
  leadTimeZone?: string;
  /** Defaults to the AI when OPENAI_API_KEY is set, else the offline rules. */
  extractor?: Extractor;
  /** The campaign's next-action overrides. */
  nextActions?: NextActionOverrides;
};

export type ScoreResult = {
  outcome: JudgedOutcome;
  /** 0–100; null when not scored (nobody was talked to, or the campaign has no criteria). */
  score: number | null;
  /** What was extracted, per campaign field; null when the lead never said. */
  criteria: ExtractedFields;
  perCriterion: CriterionResult[];
  notes: string;
  nextAction: NextAction;
  optOut: boolean;
  callbackAt?: Date;
  scoredBy: ScoredBy;
  /** Set when the AI scored the call and the offline rules read a different outcome. */
  offlineOutcome?: JudgedOutcome;
};

function emptyExtraction(criteria: readonly QualificationCriterion[]): Extraction {
  return { fields: Object.fromEntries(fieldsOf(criteria).map((c) => [c.field, null])), signals: { ...noSignals }, scoredBy: 'offline' };
}

export async function scoreCall(input: ScoreCallInput): Promise<ScoreResult> {
  const timeZone = input.leadTimeZone ?? 'UTC';
  const leadSpoke = input.transcript.some((t) => t.speaker === 'lead' && t.text?.trim());
  // Only a conversation is worth reading; a machine or an unanswered dial is decided by its status.
  const conversation = input.callStatus === 'completed' && !input.answeringMachine && leadSpoke;
  const extractor = input.extractor ?? defaultExtractor();
  const extraction = conversation
    ? await extractor.extract({ transcript: input.transcript, criteria: input.criteria, now: input.now, timeZone })
    : emptyExtraction(input.criteria);

  const optOut = Boolean(input.optOutReported) || extraction.signals.optOut;
  const signals = {
    ...extraction.signals,
    optOut,
    callbackRequested: extraction.signals.callbackRequested || input.callbackAtReported !== undefined,
  };
  const evaluation = evaluateCriteria([...input.criteria], extraction.fields);
  const outcome = decideOutcome({
    callStatus: input.callStatus,
    answeringMachine: input.answeringMachine,
    leadSpoke,
    signals,
    score: evaluation.score,
    minQualificationScore: input.minQualificationScore,
  });
  const score = unscoredOutcomes.includes(outcome) ? null : evaluation.score;
  // A call-back time matters only while we may still call: not after an opt-out or to a wrong number.
  const keepsCallback = !optOut && (outcome === 'callback_requested' || outcome === 'qualified' || outcome === 'unqualified');
  const callbackAt = keepsCallback ? (input.callbackAtReported ?? signals.callbackAt) : undefined;
  const nextAction = decideNextAction({ outcome, optOut, wantsProposal: signals.wantsProposal }, input.nextActions);
  const offlineOutcome = extraction.scoredBy === 'ai' ? offlineOutcomeOf(extraction, input, leadSpoke) : undefined;
  const disagreement = offlineOutcome && offlineOutcome !== outcome ? offlineOutcome : undefined;
  const notes =
    writeNotes({ outcome, callStatus: input.callStatus, score, perCriterion: evaluation.perCriterion, signals, optOut, callbackAt, timeZone }) +
    (disagreement ? ` The AI read ${outcome}; the offline extractor read ${disagreement}.` : '');

  // A machine or a dial that never connected says nothing about the lead: no field is known.
  const criteria = outcome === 'voicemail' || outcome === 'no_answer' || outcome === 'failed' ? emptyExtraction(input.criteria).fields : extraction.fields;
  return {
    outcome,
    score,
    criteria,
    perCriterion: evaluation.perCriterion,
    notes,
    nextAction,
    optOut,
    ...(callbackAt ? { callbackAt } : {}),
    scoredBy: extraction.scoredBy,
    ...(disagreement ? { offlineOutcome: disagreement } : {}),
  };
}

/** The outcome the offline rules' reading gives under the same precedence, for a second opinion on an AI-scored call. */
function offlineOutcomeOf(extraction: Extraction, input: ScoreCallInput, leadSpoke: boolean): JudgedOutcome | undefined {
  const reading = extraction.offlineReading;
  if (!reading) return undefined;
  const optOut = Boolean(input.optOutReported) || reading.signals.optOut;
  return decideOutcome({
    callStatus: input.callStatus,
    answeringMachine: input.answeringMachine,
    leadSpoke,
    signals: { ...reading.signals, optOut, callbackRequested: reading.signals.callbackRequested || input.callbackAtReported !== undefined },
    score: evaluateCriteria([...input.criteria], reading.fields).score,
    minQualificationScore: input.minQualificationScore,
  });
}
