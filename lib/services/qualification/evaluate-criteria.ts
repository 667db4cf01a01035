// The score: the weighted share of the campaign's criteria the lead meets, 0–100.
import type { CriterionOperator, QualificationCriterion } from './criteria';
import { coerceFieldValue, type ExtractedFields, type FieldValue } from './field-value';

export type CriterionResult = {
  field: string;
  label?: string;
  operator: CriterionOperator;
  value: QualificationCriterion['value'];
  weight: number;
  actual: FieldValue;
  met: boolean;
};

export type CriteriaEvaluation = {
  /** null when the campaign has no criteria: there is nothing to score against. */
  score: number | null;
  perCriterion: CriterionResult[];
};

type Scalar = string | number | boolean;

// Text compares loosely: case, spacing and _/- don't matter ("Within month" == "within_month").
const normText = (v: string) => v.trim().toLowerCase().replace(/[\s_-]+/g, ' ');

function same(actual: Scalar, expected: unknown): boolean {
  if (typeof actual === 'number') {
    const n = typeof expected === 'number' ? expected : typeof expected === 'string' ? Number(expected) : NaN;
    return Number.isFinite(n) && actual === n;
  }
  if (typeof actual === 'boolean') return actual === (typeof expected === 'string' ? normText(expected) === String(actual) : expected);
  return (typeof expected === 'string' || typeof expected === 'number') && normText(actual) === normText(String(expected));
}

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
const includes = (list: unknown[], actual: Scalar) => list.some((v) => same(actual, v));
const textContains = (actual: string, part: unknown) => (typeof part === 'string' || typeof part === 'number') && normText(actual).includes(normText(String(part)));

function compare(actual: number, operator: '>' | '>=' | '<' | '<=', value: unknown): boolean {
  if (typeof value !== 'number') return false;
  switch (operator) {
    case '>':
      return actual > value;
    case '>=':
      return actual >= value;
    case '<':
      return actual < value;
    case '<=':
      return actual <= value;
  }
}

function isPresent(value: FieldValue): boolean {
  if (value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/**
 * Whether one criterion is met by what the lead said. A missing answer never meets a criterion, not
 * even != or not_in: a criterion is met only by something the lead actually said.
 */
export function criterionMet(criterion: QualificationCriterion, raw: unknown): boolean {
  const actual = coerceFieldValue(raw, criterion.type);
  const { operator, value } = criterion;
  if (operator === 'exists') return isPresent(actual);
  if (!isPresent(actual) || actual === null) return false;

  if (Array.isArray(actual)) {
    const wanted = asList(value);
    const has = (v: unknown) => actual.some((a) => same(a, v));
    switch (operator) {
      case '==':
        return wanted.length === actual.length && wanted.every(has) && actual.every((a) => includes(wanted, a));
      case '!=':
        return !(wanted.length === actual.length && wanted.every(has) && actual.every((a) => includes(wanted, a)));
      case 'contains_any':
        return wanted.some(has);
      case 'contains_all':
        return wanted.length > 0 && wanted.every(has);
      case 'in':
        return actual.every((a) => includes(wanted, a));
      case 'not_in':
        return !actual.some((a) => includes(wanted, a));
      default:
        return false;
    }
  }

  switch (operator) {
    case '==':
      return !Array.isArray(value) && same(actual, value);
    case '!=':
      return !Array.isArray(value) && value !== undefined && !same(actual, value);
    case '>':
    case '>=':
    case '<':
    case '<=':
      return typeof actual === 'number' && compare(actual, operator, value);
    case 'in':
      return includes(asList(value), actual);
    case 'not_in':
      return !includes(asList(value), actual);
    case 'contains_any':
      return typeof actual === 'string' ? asList(value).some((v) => textContains(actual, v)) : includes(asList(value), actual);
    case 'contains_all': {
      const wanted = asList(value);
      return typeof actual === 'string' ? wanted.length > 0 && wanted.every((v) => textContains(actual, v)) : wanted.length > 0 && wanted.every((v) => same(actual, v));
    }
  }
}

/** Each criterion met or not, and the weighted share met (weights need not add to 100). */
export function evaluateCriteria(criteria: QualificationCriterion[], fields: ExtractedFields): CriteriaEvaluation {
  const perCriterion = criteria.map((c) => {
    const actual = coerceFieldValue(fields[c.field], c.type);
    return {
      field: c.field,
      ...(c.label ? { label: c.label } : {}),
      operator: c.operator,
      value: c.value,
      weight: c.weight,
      actual,
      met: criterionMet(c, actual),
    };
  });
  const total = perCriterion.reduce((sum, c) => sum + c.weight, 0);
  if (total <= 0) return { score: null, perCriterion };
  const met = perCriterion.reduce((sum, c) => sum + (c.met ? c.weight : 0), 0);
  return { score: Math.round((100 * met) / total), perCriterion };
}
