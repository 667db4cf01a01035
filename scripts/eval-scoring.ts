// npm run eval:scoring — runs the qualification evaluation set and exits non-zero below target.
//   --verbose   list every miss, not only outcome misses
//   --ai        score with the default extractor (the AI when OPENAI_API_KEY is set) instead of offline
import { defaultExtractor } from '@/lib/services/qualification/extract/default-extractor';
import { offlineExtractor } from '@/lib/services/qualification/extract/offline/offline-extractor';
import { formatEvalReport, meetsTargets, runScoringEval } from '@/lib/services/qualification/eval/run-eval';

const args = new Set(process.argv.slice(2));

async function main() {
  const extractor = args.has('--ai') ? defaultExtractor() : offlineExtractor;
  const report = await runScoringEval({ extractor });
  process.stdout.write(formatEvalReport(report, { verbose: args.has('--verbose') }) + '\n');
  process.exitCode = meetsTargets(report) ? 0 : 1;
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 2;
});
