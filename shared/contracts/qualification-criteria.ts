// The campaign's qualification criteria: what the extractor looks for and how the scorer weighs it.
import { z } from 'zod';
import { criterionTypes, type CriterionType } from './agent-dispatch';
import { defaultFieldType } from './known-fields';

// The types are the agent's too (it asks and records by type), so they are named once, in the contract.
export { criterionTypes, type CriterionType };
export const criterionOperators = ['==', '!=', '>', '>=', '<', '<=', 'in', 'not_in', 'contains_any', 'contains_all', 'exists'] as const;

export type CriterionOperator = (typeof criterionOperators)[number];

const criterionValue = z.union([z.number(), z.string(), z.boolean(), z.array(z.union([z.string(), z.number()]))]);

export const operatorsByType: Record<CriterionType, readonly CriterionOperator[]> = {
  number: ['==', '!=', '>', '>=', '<', '<=', 'in', 'not_in', 'exists'],
  string: ['==', '!=', 'in', 'not_in', 'contains_any', 'contains_all', 'exists'],
  boolean: ['==', '!=', 'exists'],
  string_list: ['contains_any', 'contains_all', 'exists', '==', '!='],
};

export const listOperators: readonly CriterionOperator[] = ['in', 'not_in', 'contains_any', 'contains_all'];

export const qualificationCriterion = z
  .object({
    field: z
      .string()
      .trim()
      .min(1, 'field is required')
      .max(64)
      .regex(/^[a-z][a-z0-9_]*$/, 'field must be snake_case, e.g. budget or decision_maker'),
    // Optional: a well-known name (budget, timeline, decision_maker, pain_points, team_size,
    // current_tool…) gets its natural type, anything else is a string.
    type: z.enum(criterionTypes).optional(),
    operator: z.enum(criterionOperators),
    value: criterionValue.optional(),
    weight: z.number(),
    label: z.string().max(200).optional(),
  })
  .transform((c) => ({ ...c, type: c.type ?? defaultFieldType(c.field) }))
  .superRefine((c, ctx) => {
    // Every message names the field, so a list of twenty criteria says which one is wrong.
    if (!(c.weight > 0)) ctx.addIssue({ code: 'custom', path: ['weight'], message: `${c.field}: weight must be above 0` });
    if (c.weight > 1000) ctx.addIssue({ code: 'custom', path: ['weight'], message: `${c.field}: weight must be at most 1000` });
    if (!operatorsByType[c.type].includes(c.operator)) {
      ctx.addIssue({ code: 'custom', path: ['operator'], message: `operator ${c.operator} does not apply to a ${c.type} field (${c.field})` });
    }
    if (c.operator === 'exists') return;
    if (c.value === undefined) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `value is required for ${c.field} ${c.operator}` });
      return;
    }
    const listOperator = listOperators.includes(c.operator);
    if (listOperator && !Array.isArray(c.value)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `${c.field} ${c.operator} needs a list of values` });
      return;
    }
    if (listOperator && Array.isArray(c.value) && c.value.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `${c.field} ${c.operator} needs at least one value` });
    }
    if (listOperator && c.type === 'number' && Array.isArray(c.value) && c.value.some((v) => typeof v !== 'number')) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `${c.field} is a number field: every value must be a number` });
    }
    if (!listOperator && c.type === 'number' && typeof c.value !== 'number') {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `${c.field} is a number field: value must be a number` });
    }
    if (!listOperator && c.type === 'boolean' && typeof c.value !== 'boolean') {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `${c.field} is a boolean field: value must be true or false` });
    }
    if (!listOperator && c.type === 'string' && typeof c.value !== 'string') {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `${c.field} is a string field: value must be text` });
    }
  });

export type QualificationCriterion = z.infer<typeof qualificationCriterion>;

export const qualificationCriteria = z
  .array(qualificationCriterion)
  .max(50)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    const typeOf = new Map<string, CriterionType>();
    list.forEach((c, i) => {
      const key = `${c.field}|${c.operator}|${JSON.stringify(c.value)}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i, 'field'], message: `criterion ${c.field} is listed twice` });
      seen.add(key);
      // The extractor produces one value per field, so a field has one type.
      const earlier = typeOf.get(c.field);
      if (earlier && earlier !== c.type) ctx.addIssue({ code: 'custom', path: [i, 'type'], message: `${c.field} is declared both ${earlier} and ${c.type}` });
      typeOf.set(c.field, c.type);
    });
  });

export const minQualificationScore = z.number().min(0).max(100);
