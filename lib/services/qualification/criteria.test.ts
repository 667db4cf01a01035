import { describe, expect, it } from 'vitest';
import { fieldErrorsOf } from '@/lib/errors';
import { qualificationCriteria, qualificationCriterion } from './criteria';

const errorsOf = (input: unknown) => {
  const result = qualificationCriteria.safeParse(input);
  return result.success ? {} : fieldErrorsOf(result.error);
};

describe('qualification criteria', () => {
  it('well-known fields get their natural type when none is declared', () => {
    const parsed = qualificationCriteria.parse([
      { field: 'budget', operator: '>=', value: 10000, weight: 30 },
      { field: 'decision_maker', operator: '==', value: true, weight: 25 },
      { field: 'pain_points', operator: 'contains_any', value: ['slow'], weight: 10 },
      { field: 'team_size', operator: '>', value: 5, weight: 5 },
      { field: 'industry', operator: '==', value: 'saas', weight: 5 },
    ]);
    expect(parsed.map((c) => c.type)).toEqual(['number', 'boolean', 'string_list', 'number', 'string']);
  });

  it.each([
    [[{ field: 'budget', operator: '>=', value: '10k', weight: 30 }], '0.value', 'budget is a number field: value must be a number'],
    [[{ field: 'budget', operator: '>=', value: 10000, weight: 0 }], '0.weight', 'budget: weight must be above 0'],
    [[{ field: 'decision_maker', operator: '>', value: true, weight: 10 }], '0.operator', 'operator > does not apply to a boolean field (decision_maker)'],
    [[{ field: 'timeline', operator: 'in', value: 'immediate', weight: 10 }], '0.value', 'timeline in needs a list of values'],
    [[{ field: 'timeline', operator: 'in', value: [], weight: 10 }], '0.value', 'timeline in needs at least one value'],
    [[{ field: 'team_size', operator: 'in', value: [5, 'ten'], weight: 10 }], '0.value', 'team_size is a number field: every value must be a number'],
    [[{ field: 'budget', operator: '>=', weight: 10 }], '0.value', 'value is required for budget >='],
    [[{ field: 'Budget Amount', operator: 'exists', weight: 10 }], '0.field', 'field must be snake_case, e.g. budget or decision_maker'],
    [
      [
        { field: 'budget', operator: 'exists', weight: 10 },
        { field: 'budget', operator: 'exists', weight: 20 },
      ],
      '1.field',
      'criterion budget is listed twice',
    ],
    [
      [
        { field: 'seats', type: 'number', operator: 'exists', weight: 10 },
        { field: 'seats', type: 'string', operator: '==', value: 'many', weight: 20 },
      ],
      '1.type',
      'seats is declared both number and string',
    ],
  ])('%j is refused, naming the criterion', (input, path, message) => {
    expect(errorsOf(input)).toMatchObject({ [path]: message });
  });

  it('exists needs no value', () => {
    expect(qualificationCriterion.safeParse({ field: 'current_tool', operator: 'exists', weight: 5 }).success).toBe(true);
  });
});
