// Settling a call, its first job: judge it. What the call's end, its report and its transcript say the outcome is
// (scored by the AI or the offline rules), and when the lead asked to be called back. Reads nothing and writes
// nothing: settle-call.ts hands it the call and the campaign's settings it read once.
import type { schema } from '@/db';
import type { CampaignConfig } from '@/lib/services/campaigns/config';
import { callOutcome, type CallOutcome } from '@/lib/services/engine/rules';
import { leadTimeZones } from '@/lib/services/compliance/lead-time-zones';
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

/** The outcome of an ended call. Scoring may call a model: run it outside any transaction. */
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
 * number's when there is one, else the campaign's. Lawfulness is not decided here: the retry goes through
 * the compliance check (nextLawfulRetryAt), which holds the call to every zone the lead may be in.
 */
export function scoringZone(lead: { phone: string; timezone: string | null }, config: Pick<CampaignConfig, 'timezone' | 'defaultRegion'>): string {
  if (lead.timezone && isValidTimeZone(lead.timezone)) return lead.timezone;
  const { zones } = leadTimeZones(lead.phone, null, config.defaultRegion);
  if (zones.length === 1) return zones[0];
  return zones.includes(config.timezone) ? config.timezone : (zones[0] ?? config.timezone);
}
