import { formatEvalReport, runScoringEval } from '@/lib/services/qualification/eval/run-eval';
import { heldOutRoundOne, heldOutRoundTwo } from '@/lib/services/qualification/eval/holdout-transcripts';
import { evalCases } from '@/lib/services/qualification/eval/transcripts';
(async () => {
  for (const [name, cases] of [['dev', evalCases], ['r1', heldOutRoundOne], ['r2', heldOutRoundTwo]] as const) {
    const r = await runScoringEval({ cases: [...cases] });
    console.log(`== ${name}`); console.log(formatEvalReport(r, { verbose: true }).split('\n').filter((l) => /^(Field|Outcome|  stated)|^  [a-z]\d\d /.test(l)).join('\n'));
  }
})();
