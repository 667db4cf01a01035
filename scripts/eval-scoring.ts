// npm run eval:scoring — scores the development and held-out sets separately and exits non-zero when
// either is below target.
//   --verbose      list every miss, not only outcome misses
//   --ai           score with the default extractor (the AI when OPENAI_API_KEY is set) instead of offline
//   --set <name>   only one set: development or held-out
import { defaultExtractor } from '@/lib/services/qualification/extract/default-extractor';
import { offlineExtractor } from '@/lib/services/qualification/extract/offline/offline-extractor';
import { evalSets, fieldAccuracy, formatEvalReport, meetsTargets, outcomeAccuracy, runScoringEval } from '@/lib/services/qualification/eval/run-eval';

const argv = process.argv.slice(2);
const args = new Set(argv);
const onlySet = args.has('--set') ? argv[argv.indexOf('--set') + 1] : undefined;
const pct = (n: number) => `${(100 * n).toFixed(1)}%`;

async function main() {
  const extractor = args.has('--ai') ? defaultExtractor() : offlineExtractor;
  const summary: string[] = [];
  let pass = true;
  for (const set of evalSets.filter((s) => !onlySet || s.name === onlySet)) {
    const r = await runScoringEval({ extractor, cases: set.cases });
    process.stdout.write(formatEvalReport(r, { verbose: args.has('--verbose'), title: `Scoring evaluation, ${set.name}` }) + '\n\n');
    summary.push(`  ${set.name.padEnd(12)} ${String(r.cases).padStart(3)} calls   fields ${pct(fieldAccuracy(r)).padStart(6)}   outcomes ${pct(outcomeAccuracy(r)).padStart(6)}   ${meetsTargets(r) ? 'PASS' : 'FAIL'}`);
    pass &&= meetsTargets(r);
  }
  process.stdout.write(`By set (${extractor === offlineExtractor ? 'offline extractor' : 'default extractor'}):\n${summary.join('\n')}\n`);
  process.exitCode = pass ? 0 : 1;
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 2;
});
