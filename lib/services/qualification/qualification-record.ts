// The JSON kept on the call and on the lead (their `qualification` column) for the dashboard.
import type { CriterionResult } from './evaluate-criteria';
import type { ScoredBy } from './extraction';
import type { ExtractedFields } from './field-value';
import type { NextAction } from './next-action';
import type { JudgedOutcome } from '@/shared/call-outcomes';
import type { ScoreResult } from './score-call';

export type QualificationRecord = {
  score: number | null;
  criteria: ExtractedFields;
  notes: string;
  nextAction: NextAction;
  perCriterion: CriterionResult[];
  outcome: JudgedOutcome;
  optOut: boolean;
  callbackAt: string | null;
  scoredBy: ScoredBy;
  /** The offline extractor's outcome when it differs from the AI's. */
  offlineOutcome?: JudgedOutcome;
};

export function qualificationRecord(result: ScoreResult): QualificationRecord {
  return {
    score: result.score,
    criteria: result.criteria,
    notes: result.notes,
    nextAction: result.nextAction,
    perCriterion: result.perCriterion,
    outcome: result.outcome,
    optOut: result.optOut,
    callbackAt: result.callbackAt ? result.callbackAt.toISOString() : null,
    scoredBy: result.scoredBy,
    ...(result.offlineOutcome ? { offlineOutcome: result.offlineOutcome } : {}),
  };
}
