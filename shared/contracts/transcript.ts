// A transcript is [{ speaker: 'agent' | 'lead', text, startMs? }] everywhere in the product (the agent's
// report, the call row, the extractor), bounded by the limits of a real call (shared/transcript-limits.ts),
// so the extractor's time is bounded too. Relative imports only: the agent compiles shared/ as well.
import { z } from 'zod';
import { transcriptLimits } from '../transcript-limits';

export { transcriptLimits };

export const transcriptTurn = z.object({
  speaker: z.enum(['agent', 'lead'], { message: "speaker must be 'agent' or 'lead'" }),
  text: z.string().max(transcriptLimits.maxTurnChars, `a turn holds at most ${transcriptLimits.maxTurnChars} characters`),
  startMs: z.number().int().min(0).optional(),
});

export type TranscriptTurn = z.infer<typeof transcriptTurn>;

export const callTranscript = z
  .array(transcriptTurn)
  .max(transcriptLimits.maxTurns, `a transcript holds at most ${transcriptLimits.maxTurns} turns (a two-hour call)`)
  .superRefine((turns, ctx) => {
    let total = 0;
    for (const turn of turns) total += turn.text.length;
    if (total > transcriptLimits.maxTotalChars) {
      ctx.addIssue({ code: 'custom', message: `a transcript holds at most ${transcriptLimits.maxTotalChars} characters (a two-hour call); this one has ${total}` });
    }
  });
