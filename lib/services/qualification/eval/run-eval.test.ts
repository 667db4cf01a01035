import { describe, expect, it } from 'vitest';
import { evaluateCriteria } from '../evaluate-criteria';
import { allEvalCases, developmentCases, evalSets, evalTargets, fieldAccuracy, formatEvalReport, heldOutCases, movedToDevelopment, outcomeAccuracy, runScoringEval } from './run-eval';
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

describe('development and held-out', () => {
  it('are two sets, each case in exactly one', () => {
    expect(evalSets.map((s) => s.name)).toEqual(['development', 'held-out']);
    const dev = new Set(developmentCases.map((c) => c.id));
    expect(heldOutCases.filter((c) => dev.has(c.id))).toEqual([]);
    expect(heldOutCases.length).toBeGreaterThanOrEqual(100);
  });

  it('a held-out case that was read to fix a miss counts as development', () => {
    const heldOut = new Set(heldOutCases.map((c) => c.id));
    const dev = new Set(developmentCases.map((c) => c.id));
    for (const id of Object.keys(movedToDevelopment)) {
      expect(heldOut.has(id), id).toBe(false);
      expect(dev.has(id), id).toBe(true);
    }
  });
});

describe('the offline extractor on the development set', () => {
  it(`reaches ${evalTargets.fieldAccuracy * 100}% field and ${evalTargets.outcomeAccuracy * 100}% outcome accuracy and catches every opt-out`, async () => {
    const report = await runScoringEval({ cases: developmentCases });
    const detail = formatEvalReport(report, { verbose: true, title: 'development' });
    expect(fieldAccuracy(report), detail).toBeGreaterThanOrEqual(evalTargets.fieldAccuracy);
    expect(outcomeAccuracy(report), detail).toBeGreaterThanOrEqual(evalTargets.outcomeAccuracy);
    expect(report.optOuts.correct, 'every opt-out is caught').toBe(report.optOuts.total);
  });
});

describe('the offline extractor on the held-out set', () => {
  it('is reported per field, per outcome and with a confusion table', async () => {
    const report = await runScoringEval({ cases: heldOutCases });
    const text = formatEvalReport(report, { title: 'held-out' });
    expect(report.cases).toBe(heldOutCases.length);
    expect(Object.keys(report.perField).sort()).toEqual(['budget', 'current_tool', 'decision_maker', 'pain_points', 'team_size', 'timeline']);
    expect(text).toContain('Confusion (rows: expected, columns: predicted)');
    expect(text).toMatch(/Opt-out accuracy/);
    expect(text).toMatch(/Callback times/);
  });
});
