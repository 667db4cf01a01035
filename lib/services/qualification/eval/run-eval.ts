// Runs the scoring evaluation set and measures field, outcome and next-action accuracy.
import { DateTime } from 'luxon';
import { judgedOutcomes, type JudgedOutcome } from '@/shared/call-outcomes';
import { offlineExtractor } from '../extract/offline/offline-extractor';
import type { Extractor } from '../extraction';
import type { FieldValue } from '../field-value';
import { scoreCall } from '../score-call';
import { allEvalCases } from './eval-sets';
import { evalCriteria, evalMinScore, evalNow, evalTimeZone, transcriptOf, type EvalCase, type EvalFields } from './transcripts';

export { allEvalCases, developmentCases, evalSets, heldOutCases, movedToDevelopment, type EvalSetName } from './eval-sets';

/** The targets, the same for each set: held-out is the honest measure, development must not regress. */
export const evalTargets = { fieldAccuracy: 0.95, outcomeAccuracy: 0.95 } as const;

export const evalFieldNames = ['budget', 'timeline', 'decision_maker', 'pain_points', 'team_size', 'current_tool'] as const satisfies readonly (keyof EvalFields)[];

type Tally = { correct: number; total: number };
export type EvalMiss = { id: string; about: string; what: string; expected: unknown; actual: unknown };

export type EvalReport = {
  cases: number;
  /** Every field of every case, "not said" included. */
  fields: Tally;
  /** Only the fields a person found stated in the transcript. */
  statedFields: Tally;
  perField: Record<string, Tally>;
  outcomes: Tally;
  nextActions: Tally;
  optOuts: Tally;
  /** Cases where a call-back time was expected or produced. */
  callbackTimes: Tally;
  confusion: Record<JudgedOutcome, Record<JudgedOutcome, number>>;
  /** Calls the AI scored (the rest fell back to the offline rules or were offline from the start). */
  scoredByAi: number;
  /** AI-scored calls whose outcome the offline rules read differently (each call's notes say both). */
  offlineDisagreements: number;
  misses: EvalMiss[];
};

const ratio = (t: Tally) => (t.total ? t.correct / t.total : 1);
export const fieldAccuracy = (r: EvalReport) => ratio(r.fields);
export const outcomeAccuracy = (r: EvalReport) => ratio(r.outcomes);
export const meetsTargets = (r: EvalReport) => fieldAccuracy(r) >= evalTargets.fieldAccuracy && outcomeAccuracy(r) >= evalTargets.outcomeAccuracy;

function sameValue(expected: unknown, actual: FieldValue | undefined): boolean {
  const none = (v: unknown) => v === undefined || v === null || (Array.isArray(v) && v.length === 0);
  if (none(expected) || none(actual)) return none(expected) && none(actual);
  if (Array.isArray(expected) && Array.isArray(actual)) {
    const a = new Set(actual.map((v) => v.toLowerCase()));
    return expected.length === a.size && expected.every((v: string) => a.has(v.toLowerCase()));
  }
  // "Spreadsheet" and "spreadsheets" name the same tool.
  const word = (v: string) => v.trim().toLowerCase().replace(/s$/, '');
  if (typeof expected === 'string' && typeof actual === 'string') return word(expected) === word(actual);
  return expected === actual;
}

const localTime = (at: Date | undefined) => (at ? DateTime.fromJSDate(at, { zone: evalTimeZone }).toFormat("yyyy-MM-dd'T'HH:mm") : undefined);

export async function runScoringEval({ extractor = offlineExtractor, cases = allEvalCases }: { extractor?: Extractor; cases?: EvalCase[] } = {}): Promise<EvalReport> {
  const tally = (): Tally => ({ correct: 0, total: 0 });
  const report: EvalReport = {
    cases: cases.length,
    fields: tally(),
    statedFields: tally(),
    perField: Object.fromEntries(evalFieldNames.map((f) => [f, tally()])),
    outcomes: tally(),
    nextActions: tally(),
    optOuts: tally(),
    callbackTimes: tally(),
    confusion: Object.fromEntries(judgedOutcomes.map((o) => [o, Object.fromEntries(judgedOutcomes.map((p) => [p, 0]))])) as EvalReport['confusion'],
    scoredByAi: 0,
    offlineDisagreements: 0,
    misses: [],
  };
  const count = (t: Tally, ok: boolean) => {
    t.total++;
    if (ok) t.correct++;
  };

  for (const c of cases) {
    const result = await scoreCall({
      transcript: transcriptOf(c),
      criteria: evalCriteria,
      minQualificationScore: evalMinScore,
      callStatus: c.callStatus ?? 'completed',
      answeringMachine: c.answeringMachine,
      now: evalNow,
      leadTimeZone: evalTimeZone,
      extractor,
    });
    if (result.scoredBy === 'ai') report.scoredByAi++;
    if (result.offlineOutcome) report.offlineDisagreements++;
    const miss = (what: string, expected: unknown, actual: unknown) => report.misses.push({ id: c.id, about: c.about, what, expected, actual });

    for (const field of evalFieldNames) {
      const expected = c.expected.fields?.[field];
      const actual = result.criteria[field];
      const ok = sameValue(expected, actual);
      count(report.fields, ok);
      count(report.perField[field], ok);
      if (expected !== undefined) count(report.statedFields, ok);
      if (!ok) miss(field, expected ?? null, actual ?? null);
    }

    count(report.outcomes, result.outcome === c.expected.outcome);
    report.confusion[c.expected.outcome][result.outcome]++;
    if (result.outcome !== c.expected.outcome) miss('outcome', c.expected.outcome, `${result.outcome} (${result.notes})`);

    count(report.nextActions, result.nextAction === c.expected.nextAction);
    if (result.nextAction !== c.expected.nextAction) miss('nextAction', c.expected.nextAction, result.nextAction);

    const optOut = c.expected.optOut ?? false;
    count(report.optOuts, result.optOut === optOut);
    if (result.optOut !== optOut) miss('optOut', optOut, result.optOut);

    const callbackAt = localTime(result.callbackAt);
    if (c.expected.callbackAt || callbackAt) {
      count(report.callbackTimes, callbackAt === c.expected.callbackAt);
      if (callbackAt !== c.expected.callbackAt) miss('callbackAt', c.expected.callbackAt ?? null, callbackAt ?? null);
    }
  }
  return report;
}

const pct = (t: Tally) => `${(100 * ratio(t)).toFixed(1)}% (${t.correct}/${t.total})`;
const short: Record<JudgedOutcome, string> = {
  qualified: 'qual',
  unqualified: 'unqual',
  callback_requested: 'callback',
  not_interested: 'not_int',
  wrong_number: 'wrong#',
  voicemail: 'vmail',
  no_answer: 'no_ans',
  failed: 'failed',
};

export function formatEvalReport(r: EvalReport, { verbose = false, title = 'Scoring evaluation' }: { verbose?: boolean; title?: string } = {}): string {
  const lines: string[] = [];
  lines.push(`${title}: ${r.cases} transcripts`);
  lines.push('');
  lines.push(`Field accuracy        ${pct(r.fields)}   target ≥ ${evalTargets.fieldAccuracy * 100}%`);
  lines.push(`  stated fields only  ${pct(r.statedFields)}`);
  for (const [field, t] of Object.entries(r.perField)) lines.push(`  ${field.padEnd(18)}  ${pct(t)}`);
  lines.push(`Outcome accuracy      ${pct(r.outcomes)}   target ≥ ${evalTargets.outcomeAccuracy * 100}%`);
  for (const o of judgedOutcomes) {
    const total = judgedOutcomes.reduce((sum, p) => sum + r.confusion[o][p], 0);
    if (total) lines.push(`  ${o.padEnd(18)}  ${pct({ correct: r.confusion[o][o], total })}`);
  }
  lines.push(`Next-action accuracy  ${pct(r.nextActions)}`);
  lines.push(`Opt-out accuracy      ${pct(r.optOuts)}`);
  lines.push(`Callback times        ${pct(r.callbackTimes)}`);
  if (r.scoredByAi) {
    lines.push(`Scored by the AI      ${r.scoredByAi}/${r.cases} (the rest: nothing to read, or a fallback to offline)`);
    lines.push(`  offline disagreed   ${r.offlineDisagreements} outcomes (noted on each call)`);
  }
  lines.push('');
  lines.push('Confusion (rows: expected, columns: predicted)');
  const width = 9;
  lines.push(''.padEnd(width) + judgedOutcomes.map((o) => short[o].padStart(width)).join(''));
  for (const expected of judgedOutcomes) {
    const row = judgedOutcomes.map((p) => String(r.confusion[expected][p] || '.').padStart(width)).join('');
    lines.push(short[expected].padEnd(width) + row);
  }
  const shown = verbose ? r.misses : r.misses.filter((m) => m.what === 'outcome');
  if (shown.length) {
    lines.push('');
    lines.push(verbose ? 'Misses:' : 'Outcome misses (run with --verbose for every miss):');
    for (const m of shown) lines.push(`  ${m.id} ${m.what}: expected ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.actual)}  — ${m.about}`);
  }
  lines.push('');
  lines.push(meetsTargets(r) ? 'PASS: targets met' : 'FAIL: below target');
  return lines.join('\n');
}
