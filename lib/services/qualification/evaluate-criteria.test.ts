import { describe, expect, it } from 'vitest';
import type { CriterionOperator, CriterionType, QualificationCriterion } from './criteria';
import { criterionMet, evaluateCriteria } from './evaluate-criteria';

const c = (type: CriterionType, operator: CriterionOperator, value?: QualificationCriterion['value']): QualificationCriterion => ({
  field: 'f',
  type,
  operator,
  value,
  weight: 1,
});

describe('operators on number fields', () => {
  it.each([
    ['==', 50_000, 50_000, true],
    ['==', 50_000, 40_000, false],
    ['!=', 50_000, 40_000, true],
    ['!=', 50_000, 50_000, false],
    ['>', 10_000, 10_001, true],
    ['>', 10_000, 10_000, false],
    ['>=', 10_000, 10_000, true],
    ['>=', 10_000, 9_999, false],
    ['<', 100, 99, true],
    ['<', 100, 100, false],
    ['<=', 100, 100, true],
    ['<=', 100, 101, false],
    ['in', [5, 10, 20], 10, true],
    ['in', [5, 10, 20], 11, false],
    ['not_in', [5, 10], 11, true],
    ['not_in', [5, 10], 10, false],
    ['exists', undefined, 0, true],
    ['exists', undefined, null, false],
  ] as const)('%s %j against %j → %s', (operator, value, actual, met) => {
    expect(criterionMet(c('number', operator, value as QualificationCriterion['value']), actual)).toBe(met);
  });
});

describe('operators on string fields', () => {
  it.each([
    ['==', 'within_month', 'within_month', true],
    ['==', 'within_month', 'Within Month', true],
    ['==', 'within_month', 'later', false],
    ['!=', 'later', 'within_month', true],
    ['!=', 'later', 'LATER', false],
    ['in', ['immediate', 'within_month'], 'immediate', true],
    ['in', ['immediate', 'within_month'], 'later', false],
    ['not_in', ['none', 'later'], 'immediate', true],
    ['not_in', ['none', 'later'], 'none', false],
    ['contains_any', ['sales', 'hub'], 'Salesforce', true],
    ['contains_any', ['zoho'], 'Salesforce', false],
    ['contains_all', ['sales', 'force'], 'Salesforce', true],
    ['contains_all', ['sales', 'zoho'], 'Salesforce', false],
    ['exists', undefined, 'Excel', true],
    ['exists', undefined, '   ', false],
  ] as const)('%s %j against %j → %s', (operator, value, actual, met) => {
    expect(criterionMet(c('string', operator, value as QualificationCriterion['value']), actual)).toBe(met);
  });
});

describe('operators on boolean fields', () => {
  it.each([
    ['==', true, true, true],
    ['==', true, false, false],
    ['!=', true, false, true],
    ['!=', true, true, false],
    ['exists', undefined, false, true],
    ['exists', undefined, null, false],
  ] as const)('%s %j against %j → %s', (operator, value, actual, met) => {
    expect(criterionMet(c('boolean', operator, value), actual)).toBe(met);
  });
});

describe('operators on string-list fields', () => {
  it.each([
    ['contains_any', ['slow', 'manual'], ['manual', 'expensive'], true],
    ['contains_any', ['slow'], ['expensive'], false],
    ['contains_all', ['slow', 'manual'], ['manual', 'slow', 'expensive'], true],
    ['contains_all', ['slow', 'manual'], ['slow'], false],
    ['==', ['slow', 'manual'], ['Manual', 'slow'], true],
    ['==', ['slow', 'manual'], ['slow'], false],
    ['!=', ['slow'], ['slow', 'manual'], true],
    ['!=', ['slow'], ['slow'], false],
    ['exists', undefined, ['slow'], true],
    ['exists', undefined, [], false],
  ] as const)('%s %j against %j → %s', (operator, value, actual, met) => {
    expect(criterionMet(c('string_list', operator, value as unknown as string[]), actual)).toBe(met);
  });
});

describe('missing answers never meet a criterion', () => {
  it.each(['==', '!=', '>', '>=', '<', '<=', 'in', 'not_in', 'exists'] as const)('number %s with no answer', (operator) => {
    const value = operator === 'in' || operator === 'not_in' ? [1] : operator === 'exists' ? undefined : 1;
    expect(criterionMet(c('number', operator, value), null)).toBe(false);
    expect(criterionMet(c('number', operator, value), undefined)).toBe(false);
  });
  it.each(['==', '!=', 'in', 'not_in', 'contains_any', 'contains_all'] as const)('string %s with no answer', (operator) => {
    const value = ['==', '!='].includes(operator) ? 'x' : ['x'];
    expect(criterionMet(c('string', operator, value), null)).toBe(false);
  });
  it('boolean != with no answer', () => {
    expect(criterionMet(c('boolean', '!=', false), null)).toBe(false);
  });
});

describe('answers of the wrong type', () => {
  it.each([
    ['a number field read from "50,000"', c('number', '>=', 10_000), '50,000', true],
    ['a number field read from "$50k"', c('number', '>=', 10_000), '$50k', true],
    ['a number field given words', c('number', '>=', 10_000), 'lots', false],
    ['a number field given a boolean', c('number', '>=', 1), true, false],
    ['a boolean field read from "yes"', c('boolean', '==', true), 'yes', true],
    ['a boolean field given "maybe"', c('boolean', '==', true), 'maybe', false],
    ['a boolean field given a number', c('boolean', '==', true), 1, false],
    ['a string field given a number', c('string', '==', '5'), 5, true],
    ['a string-list field given one string', c('string_list', 'contains_any', ['slow']), 'slow', true],
    ['a string-list field given a number', c('string_list', 'exists'), 7, false],
    ['a number criterion compared with a string value', c('number', '>', '5' as unknown as number), 10, false],
  ] as const)('%s', (_, criterion, actual, met) => {
    expect(criterionMet(criterion, actual)).toBe(met);
  });
});

describe('the score', () => {
  const criteria: QualificationCriterion[] = [
    { field: 'budget', type: 'number', operator: '>=', value: 10_000, weight: 3 },
    { field: 'decision_maker', type: 'boolean', operator: '==', value: true, weight: 2 },
    { field: 'timeline', type: 'string', operator: 'in', value: ['immediate'], weight: 1 },
  ];

  it('is the weighted share of criteria met, rounded, whatever the weights add to', () => {
    const { score, perCriterion } = evaluateCriteria(criteria, { budget: 20_000, decision_maker: false, timeline: 'immediate' });
    expect(score).toBe(67);
    expect(perCriterion.map((p) => [p.field, p.actual, p.met])).toEqual([
      ['budget', 20_000, true],
      ['decision_maker', false, false],
      ['timeline', 'immediate', true],
    ]);
  });

  it('is 0 when nothing is known and 100 when everything is met', () => {
    expect(evaluateCriteria(criteria, {}).score).toBe(0);
    expect(evaluateCriteria(criteria, { budget: 10_000, decision_maker: true, timeline: 'immediate' }).score).toBe(100);
  });

  it('is null with no criteria', () => {
    expect(evaluateCriteria([], { budget: 1 }).score).toBeNull();
  });
});
