// The campaign's qualification criteria: what the extractor looks for and how the scorer weighs it.
import { z } from 'zod';

export const criterionTypes = ['number', 'string', 'boolean', 'string_list'] as const;
export const criterionOperators = ['==', '!=', '>', '>=', '<', '<=', 'in', 'not_in', 'contains_any', 'contains_all', 'exists'] as const;

export type CriterionType = (typeof criterionTypes)[number];
export type CriterionOperator = (typeof criterionOperators)[number];

const criterionValue = z.union([z.number(), z.string(), z.boolean(), z.array(z.union([z.string(), z.number()]))]);

const operatorsByType: Record<CriterionType, readonly CriterionOperator[]> = {
  number: ['==', '!=', '>', '>=', '<', '<=', 'in', 'not_in', 'exists'],
  string: ['==', '!=', 'in', 'not_in', 'contains_any', 'contains_all', 'exists'],
  boolean: ['==', '!=', 'exists'],
  string_list: ['contains_any', 'contains_all', 'exists', '==', '!='],
};

export const qualificationCriterion = z
  .object({
    field: z
      .string()
      .trim()
      .min(1, 'field is required')
      .max(64)
      .regex(/^[a-z][a-z0-9_]*$/, 'field must be snake_case, e.g. budget or decision_maker'),
    type: z.enum(criterionTypes).default('string'),
    operator: z.enum(criterionOperators),
    value: criterionValue.optional(),
    weight: z.number().positive('weight must be above 0').max(1000),
    label: z.string().max(200).optional(),
  })
  .superRefine((c, ctx) => {
    if (!operatorsByType[c.type].includes(c.operator)) {
      ctx.addIssue({ code: 'custom', path: ['operator'], message: `operator ${c.operator} does not apply to a ${c.type} field (${c.field})` });
    }
    if (c.operator === 'exists') return;
    if (c.value === undefined) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `value is required for ${c.field} ${c.operator}` });
      return;
    }
    const listOperator = ['in', 'not_in', 'contains_any', 'contains_all'].includes(c.operator);
    if (listOperator && !Array.isArray(c.value)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `${c.field} ${c.operator} needs a list of values` });
    }
    if (!listOperator && c.type === 'number' && typeof c.value !== 'number') {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `${c.field} is a number field: value must be a number` });
    }
    if (!listOperator && c.type === 'boolean' && typeof c.value !== 'boolean') {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `${c.field} is a boolean field: value must be true or false` });
    }
  });

export type QualificationCriterion = z.infer<typeof qualificationCriterion>;

export const qualificationCriteria = z.array(qualificationCriterion).max(50).superRefine((list, ctx) => {
  const seen = new Set<string>();
  list.forEach((c, i) => {
    const key = `${c.field}|${c.operator}|${JSON.stringify(c.value)}`;
    if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i, 'field'], message: `criterion ${c.field} is listed twice` });
    seen.add(key);
  });
});

export const minQualificationScore = z.number().min(0).max(100);
