// Score a pasted transcript against draft criteria, as if the call had been answered. Nothing is stored.
import { z } from 'zod';
import { appClock, type Clock } from '@/lib/clock';
import { isValidTimeZone } from '@/lib/time-zones';
import { minQualificationScore, qualificationCriteria } from './criteria';
import type { Extractor } from './extraction';
import { nextActionRules } from './next-action';
import { scoreCall, type ScoreResult } from './score-call';
import { callTranscript } from '@/shared/contracts/transcript';

export const previewQualificationBody = z.object({
  transcript: callTranscript,
  qualificationCriteria,
  minQualificationScore: minQualificationScore.default(70),
  leadTimeZone: z.string().refine(isValidTimeZone, 'leadTimeZone must be an IANA time zone such as America/New_York').optional(),
  nextActions: nextActionRules.partial().optional(),
});
export type PreviewQualificationBody = z.infer<typeof previewQualificationBody>;

export type QualificationPreview = Omit<ScoreResult, 'callbackAt'> & { callbackAt?: string };

export async function previewQualification(
  body: PreviewQualificationBody,
  { clock = appClock(), extractor }: { clock?: Clock; extractor?: Extractor } = {},
): Promise<QualificationPreview> {
  const result = await scoreCall({
    transcript: body.transcript,
    criteria: body.qualificationCriteria,
    minQualificationScore: body.minQualificationScore,
    callStatus: 'completed',
    now: clock.now(),
    leadTimeZone: body.leadTimeZone,
    nextActions: body.nextActions,
    extractor,
  });
  const { callbackAt, ...rest } = result;
  return { ...rest, ...(callbackAt ? { callbackAt: callbackAt.toISOString() } : {}) };
}
