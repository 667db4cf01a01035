// Settling a call, its first job: judge it. What the call's end, its report and its transcript say the outcome is
// (scored by the AI or the offline rules), and when the lead asked to be called back. Reads and writes nothing:
// settle-call.ts hands it the call it read and the campaign's settings, and runs it outside any transaction
// (scoring may call a model).
import type { schema } from '@/db';
import type { CampaignConfig } from '@/lib/services/campaigns/config';
import { callOutcome, type CallOutcome } from '@/lib/services/engine/rules';
import { isValidTimeZone } from '@/lib/time-zones';
import { scoreCall, type ScoreResult } from '@/lib/services/qualification';
import { openReport, openTranscript } from './call-personal-data';

type CallRow = typeof schema.campaignCalls.$inferSelect;
type Report = { answeringMachine?: boolean; optOut?: boolean; callbackAt?: string | null; summary?: string | null };

export type Verdict = {
  outcome: CallOutcome;
  note: string | null;
  score: number | null;
  qualification: Record<string, unknown> | null;
  scoredBy: string | null;
  optOut: boolean;
  callbackAt?: Date;
};

/** The verdict when scoring itself failed: the call is settled unscored rather than left open. */
export const unscoredVerdict: Verdict = { outcome: 'completed', note: 'Scoring failed', score: null, qualification: null, scoredBy: null, optOut: false };

/** What the verdict is judged from: if any of it changed before the verdict is written, the verdict is stale. */
export function judgedFrom(call: Pick<CallRow, 'status' | 'endedReason' | 'answeredAt' | 'endedAt' | 'report' | 'transcript'>): string {
  return JSON.stringify([call.status, call.endedReason, call.answeredAt, call.endedAt, call.report, call.transcript]);
}

/** The outcome of an ended call; `leadZone` is the zone a callback time the lead spoke is read in. */
export async function judgeCall(call: CallRow, config: CampaignConfig, leadZone: string, now: Date): Promise<Verdict> {
  const report: Report = openReport(call.report) ?? {};
  if (call.status !== 'completed') {
    const outcome = call.endedReason === 'invalid_number' ? 'invalid_number' : callOutcome.parse(call.status);
    return { outcome, note: null, score: null, qualification: null, scoredBy: null, optOut: false };
  }
  if (!call.transcript && !report.answeringMachine && call.endedReason !== 'voicemail') {
    return { outcome: 'completed', note: 'Answered, but no transcript was reported: not scored', score: null, qualification: null, scoredBy: null, optOut: false };
  }
  const result: ScoreResult = await scoreCall({
    transcript: openTranscript(call.transcript) ?? [],
    criteria: config.qualificationCriteria,
    minQualificationScore: config.minQualificationScore,
    callStatus: 'completed',
    answeringMachine: report.answeringMachine || call.endedReason === 'voicemail',
    optOutReported: report.optOut,
    callbackAtReported: report.callbackAt ? new Date(report.callbackAt) : undefined,
    now,
    leadTimeZone: leadZone,
    nextActions: config.nextActions,
  });
  return {
    outcome: callOutcome.parse(result.outcome),
    note: result.notes,
    score: result.score,
    qualification: {
      score: result.score,
      criteria: result.criteria,
      notes: result.notes,
      nextAction: result.nextAction,
      perCriterion: result.perCriterion,
      // The AI scored the call and the offline rules read it otherwise: kept beside the AI's verdict.
      ...(result.offlineOutcome ? { offlineOutcome: result.offlineOutcome } : {}),
    },
    scoredBy: result.scoredBy,
    optOut: result.optOut,
    callbackAt: result.callbackAt,
  };
}

/**
 * The zone a callback time the lead spoke ("call me at 3") is read in: the zone the lead declared, else its
 * only zone, else the campaign's when the lead may be in it, else the first. Lawfulness is not decided here:
 * the retry goes through the compliance check (nextLawfulRetryAt), which holds it to every zone in `zones`.
 */
export function scoringZone(declared: string | null, zones: readonly string[], campaignZone: string): string {
  if (declared && isValidTimeZone(declared)) return declared;
  if (zones.length === 1) return zones[0];
  return zones.includes(campaignZone) ? campaignZone : (zones[0] ?? campaignZone);
}
