// npm run eval:scoring — scores the development and held-out sets separately and exits non-zero when
// either is below target.
//   --verbose          list every miss, not only outcome misses
//   --set <name>       only one set: development or held-out
//   --ai               score with the default extractor: the AI when OPENAI_API_KEY is set (OPENAI_MODEL,
//                      OPENAI_BASE_URL as in .env), else offline
//   --ai-standin       score with the AI extractor through the real @ai-sdk/openai provider against the
//                      recorded-response stand-in (eval/openai-stand-in.ts); checks the wire and schema
//   --record-standin   rewrite eval/ai-recordings.json from the sets' expectations
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createOpenAI } from '@ai-sdk/openai';
import { createAiExtractor } from '@/lib/services/qualification/extract/ai-extractor';
import { defaultExtractor } from '@/lib/services/qualification/extract/default-extractor';
import { offlineExtractor } from '@/lib/services/qualification/extract/offline/offline-extractor';
import type { Extractor } from '@/lib/services/qualification/extraction';
import { recordExpectedAnswers } from '@/lib/services/qualification/eval/ai-recordings';
import recordings from '@/lib/services/qualification/eval/ai-recordings.json';
import { startOpenAiStandIn, type OpenAiStandIn, type StandInRecording } from '@/lib/services/qualification/eval/openai-stand-in';
import { allEvalCases, evalSets, fieldAccuracy, formatEvalReport, meetsTargets, outcomeAccuracy, runScoringEval } from '@/lib/services/qualification/eval/run-eval';
import { evalCriteria } from '@/lib/services/qualification/eval/transcripts';

const argv = process.argv.slice(2);
const args = new Set(argv);
const onlySet = args.has('--set') ? argv[argv.indexOf('--set') + 1] : undefined;
const pct = (n: number) => `${(100 * n).toFixed(1)}%`;
const out = (text: string) => process.stdout.write(text);

async function main() {
  if (args.has('--record-standin')) {
    const file = path.join(process.cwd(), 'lib/services/qualification/eval/ai-recordings.json');
    writeFileSync(file, `${JSON.stringify(recordExpectedAnswers(allEvalCases), null, 1)}\n`);
    out(`Wrote ${allEvalCases.length} recordings to ${path.relative(process.cwd(), file)}\n`);
    return;
  }
  let standIn: OpenAiStandIn | undefined;
  let extractor: Extractor = offlineExtractor;
  let name = 'offline extractor';
  if (args.has('--ai-standin')) {
    standIn = await startOpenAiStandIn({ recordings: recordings as StandInRecording[], criteria: evalCriteria });
    extractor = createAiExtractor({ model: createOpenAI({ apiKey: standIn.apiKey, baseURL: standIn.baseURL }).chat(standIn.model), maxRetries: 0 });
    name = 'AI extractor via the OpenAI stand-in (recorded answers)';
  } else if (args.has('--ai')) {
    extractor = defaultExtractor();
    name = extractor === offlineExtractor ? 'offline extractor (no OPENAI_API_KEY)' : 'AI extractor (OpenAI)';
  }
  try {
    const summary: string[] = [];
    let pass = true;
    for (const set of evalSets.filter((s) => !onlySet || s.name === onlySet)) {
      const r = await runScoringEval({ extractor, cases: set.cases });
      out(formatEvalReport(r, { verbose: args.has('--verbose'), title: `Scoring evaluation, ${set.name}` }) + '\n\n');
      summary.push(`  ${set.name.padEnd(12)} ${String(r.cases).padStart(3)} calls   fields ${pct(fieldAccuracy(r)).padStart(6)}   outcomes ${pct(outcomeAccuracy(r)).padStart(6)}   ${meetsTargets(r) ? 'PASS' : 'FAIL'}`);
      pass &&= meetsTargets(r);
      // The held-out set by the file its cases came from (s…, h2-…, h3-…): each blind set read on its own.
      if (set.name === 'held-out') {
        const sources = new Map<string, typeof set.cases>();
        for (const c of set.cases) {
          const source = c.id.includes('-') ? `${c.id.split('-')[0]}-…` : `${c.id.replace(/\d+$/, '')}…`;
          sources.set(source, [...(sources.get(source) ?? []), c]);
        }
        for (const [source, cases] of sources) {
          const part = await runScoringEval({ extractor, cases });
          const count = (x: { correct: number; total: number }) => `${x.correct}/${x.total}`;
          summary.push(`    of which ${source.padEnd(5)} ${String(part.cases).padStart(3)} calls   fields ${pct(fieldAccuracy(part)).padStart(6)} (${count(part.fields)})   outcomes ${pct(outcomeAccuracy(part)).padStart(6)} (${count(part.outcomes)})`);
        }
      }
    }
    out(`By set (${name}):\n${summary.join('\n')}\n`);
    if (standIn) {
      out(`Stand-in: ${standIn.answered} requests answered, ${standIn.problems.length} refused${standIn.problems.length ? `: ${[...new Set(standIn.problems)].join('; ')}` : ''}\n`);
      pass &&= standIn.problems.length === 0;
    }
    process.exitCode = pass ? 0 : 1;
  } finally {
    await standIn?.close();
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 2;
});
