import { describe, expect, it } from 'vitest';
import { evaluateCriteria } from '../evaluate-criteria';
import { allEvalCases, evalSets, evalTargets, fieldAccuracy, formatEvalReport, outcomeAccuracy, runScoringEval } from './run-eval';
import { evalCriteria, evalMinScore } from './transcripts';

describe('the evaluation set', () => {
  it('holds at least 80 transcripts with unique ids', () => {
    expect(allEvalCases.length).toBeGreaterThanOrEqual(80);
    expect(new Set(allEvalCases.map((c) => c.id)).size).toBe(allEvalCases.length);
  });

  it('covers every outcome', () => {
    const seen = new Set(allEvalCases.map((c) => c.expected.outcome));
    expect([...seen].sort()).toEqual(['callback_requested', 'failed', 'no_answer', 'not_interested', 'qualified', 'unqualified', 'voicemail', 'wrong_number']);
  });

  // A check on the people who wrote the expectations: a qualified/unqualified verdict must follow from
  // the fields they recorded, scored by the campaign's criteria.
  it.each(allEvalCases.filter((c) => c.expected.outcome === 'qualified' || c.expected.outcome === 'unqualified').map((c) => [c.id, c] as const))(
    '%s: the expected verdict agrees with the expected fields',
    (_, c) => {
      const { score } = evaluateCriteria(evalCriteria, { ...c.expected.fields });
      expect(score! >= evalMinScore ? 'qualified' : 'unqualified').toBe(c.expected.outcome);
    },
  );

  it('an expected opt-out always expects do_not_call', () => {
    for (const c of allEvalCases.filter((x) => x.expected.optOut)) expect(c.expected.nextAction, c.id).toBe('do_not_call');
  });
});

describe('the offline extractor on the evaluation set', () => {
  it(`reaches ${evalTargets.fieldAccuracy * 100}% field and ${evalTargets.outcomeAccuracy * 100}% outcome accuracy`, async () => {
    const report = await runScoringEval();
    const detail = formatEvalReport(report, { verbose: true });
    expect(fieldAccuracy(report), detail).toBeGreaterThanOrEqual(evalTargets.fieldAccuracy);
    expect(outcomeAccuracy(report), detail).toBeGreaterThanOrEqual(evalTargets.outcomeAccuracy);
    expect(report.optOuts.correct, 'every opt-out is caught').toBe(report.optOuts.total);
  });

  it('runs every set', () => {
    expect(evalSets.map((s) => s.name)).toEqual(['development', 'held-out round 1', 'held-out round 2', 'held-out round 3']);
  });
});
