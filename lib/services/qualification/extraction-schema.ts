// The structured answer the AI must give, built from the campaign's fields: each field in its declared
// type (nullable, for "never said"), plus the signals that decide the outcome. Every property is
// required and nullable rather than optional, which OpenAI's strict JSON schema mode demands.
import { z } from 'zod';
import type { QualificationCriterion } from './criteria';
import { fieldsOf } from './extraction';
import { knownFieldKind, knownFields, painPointValues, timelineValues } from './known-fields';

function describe(c: QualificationCriterion, values: unknown[]): string {
  const kind = knownFieldKind(c.field);
  const parts = [c.label, kind ? knownFields[kind].description : null].filter(Boolean) as string[];
  if (values.length) parts.push(`The campaign compares it with: ${values.map(String).join(', ')}.`);
  parts.push('null when the lead never said.');
  return parts.join(' ');
}

function fieldSchema(c: QualificationCriterion) {
  const kind = knownFieldKind(c.field);
  switch (c.type) {
    case 'number':
      return z.number();
    case 'boolean':
      return z.boolean();
    case 'string':
      return kind === 'timeline' ? z.enum(timelineValues) : z.string();
    case 'string_list':
      return kind === 'pain_points' ? z.array(z.enum(painPointValues)) : z.array(z.string());
  }
}

export const callSignalsSchema = z.object({
  voicemail: z.boolean().describe('The "lead" side is a voicemail greeting or carrier message, not a person.'),
  wrong_number: z.boolean().describe('The person says the lead is not at this number (wrong number, left the company, reassigned number).'),
  opt_out: z.boolean().describe('The lead asks not to be called again or to be removed from the list.'),
  not_interested: z.boolean().describe('The lead turns the offer down and does not take it back later in the call.'),
  callback_requested: z.boolean().describe('The lead asks to be called another time, or says now is a bad time.'),
  callback_time: z.string().nullable().describe('The lead\'s own words for when to call back, e.g. "Thursday at 3" or "tomorrow morning"; null if none.'),
  wants_demo: z.boolean().describe('The lead asks for or agrees to a demo.'),
  wants_proposal: z.boolean().describe('The lead asks to be sent a proposal, quote or pricing.'),
  interested: z.boolean().describe('The lead says the offer sounds interesting or useful.'),
});

/** The schema the AI answers against, for this campaign's criteria. */
export function extractionSchema(criteria: readonly QualificationCriterion[]) {
  const shape: Record<string, z.ZodType> = {};
  for (const c of fieldsOf(criteria)) {
    const values = criteria.filter((x) => x.field === c.field).flatMap((x) => (Array.isArray(x.value) ? x.value : x.value === undefined ? [] : [x.value]));
    shape[c.field] = fieldSchema(c).nullable().describe(describe(c, values));
  }
  return z.object({ fields: z.object(shape), signals: callSignalsSchema });
}

export type AiExtraction = { fields: Record<string, unknown>; signals: z.infer<typeof callSignalsSchema> };
