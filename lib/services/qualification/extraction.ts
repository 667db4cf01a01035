// What an extractor reads from a transcript: the campaign's fields and the signals that decide the
// outcome. The offline rules and the AI both produce this shape.
import type { TranscriptTurn } from '@/db/schema/calls';
import type { QualificationCriterion } from './criteria';
import type { ExtractedFields } from './field-value';

export type ScoredBy = 'ai' | 'offline';

export type CallSignals = {
  voicemail: boolean;
  wrongNumber: boolean;
  optOut: boolean;
  notInterested: boolean;
  callbackRequested: boolean;
  callbackAt?: Date;
  wantsDemo: boolean;
  wantsProposal: boolean;
  interested: boolean;
};

export type Extraction = {
  fields: ExtractedFields;
  signals: CallSignals;
  scoredBy: ScoredBy;
  /** The offline rules' reading beside the AI's, so a call where they disagree can say so. */
  offlineReading?: { fields: ExtractedFields; signals: CallSignals };
};

export type ExtractionRequest = {
  transcript: readonly TranscriptTurn[];
  criteria: readonly QualificationCriterion[];
  now: Date;
  /** The lead's IANA zone; callback times like "Thursday at 3" are read in it. */
  timeZone: string;
};

export interface Extractor {
  extract(request: ExtractionRequest): Promise<Extraction>;
}

export const noSignals: CallSignals = {
  voicemail: false,
  wrongNumber: false,
  optOut: false,
  notInterested: false,
  callbackRequested: false,
  wantsDemo: false,
  wantsProposal: false,
  interested: false,
};

/** One entry per field, first declaration wins (the schema already refuses conflicting types). */
export function fieldsOf(criteria: readonly QualificationCriterion[]): QualificationCriterion[] {
  const seen = new Map<string, QualificationCriterion>();
  for (const c of criteria) if (!seen.has(c.field)) seen.set(c.field, c);
  return [...seen.values()];
}
