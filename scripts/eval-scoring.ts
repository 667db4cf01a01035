// npm run eval:scoring — runs the qualification evaluation set and exits non-zero below target.
//   --verbose   list every miss, not only outcome misses
//   --ai        score with the default extractor (the AI when OPENAI_API_KEY is set) instead of offline
import { defaultExtractor } from '@/lib/services/qualification/extract/default-extractor';
import { offlineExtractor } from '@/lib/services/qualification/extract/offline/offline-extractor';
import { evalSets, fieldAccuracy, formatEvalReport, meetsTargets, outcomeAccuracy, runScoringEval } from '@/lib/services/qualification/eval/run-eval';

const args = new Set(process.argv.slice(2));
const pct = (n: number) => `${(100 * n).toFixed(1)}%`;

async function main() {
  const extractor = args.has('--ai') ? defaultExtractor() : offlineExtractor;
  const report = await runScoringEval({ extractor });
  process.stdout.write(formatEvalReport(report, { verbose: args.has('--verbose') }) + '\n\nBy set:\n');
  for (const set of evalSets) {
    const r = await runScoringEval({ extractor, cases: set.cases });
    process.stdout.write(`  ${set.name.padEnd(18)} ${String(r.cases).padStart(3)} calls   fields ${pct(fieldAccuracy(r)).padStart(6)}   outcomes ${pct(outcomeAccuracy(r)).padStart(6)}\n`);
  }
  process.exitCode = meetsTargets(report) ? 0 : 1;
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 2;
});
