import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { QualificationCriterion } from './criteria';
import { extractionSchema } from './extraction-schema';

const criteria: QualificationCriterion[] = [
  { field: 'budget', type: 'number', operator: '>=', value: 10000, weight: 30 },
  { field: 'timeline', type: 'string', operator: 'in', value: ['immediate', 'within_month'], weight: 20 },
  { field: 'pain_points', type: 'string_list', operator: 'exists', weight: 10 },
  { field: 'decision_maker', type: 'boolean', operator: '==', value: true, weight: 25 },
  { field: 'industry', type: 'string', operator: 'in', value: ['saas', 'fintech'], weight: 5, label: 'Their industry' },
  { field: 'budget', type: 'number', operator: '<', value: 1000000, weight: 1 },
];

describe('extraction schema', () => {
  const json = z.toJSONSchema(extractionSchema(criteria)) as unknown as {
    properties: { fields: { properties: Record<string, { description?: string; anyOf?: unknown[] }>; required: string[] }; signals: { required: string[] } };
  };

  it('has one required, nullable property per field, in its declared type', () => {
    const fields = json.properties.fields;
    expect(Object.keys(fields.properties)).toEqual(['budget', 'timeline', 'pain_points', 'decision_maker', 'industry']);
    expect(fields.required).toEqual(['budget', 'timeline', 'pain_points', 'decision_maker', 'industry']);
    expect(fields.properties.budget).toMatchObject({ type: ['number', 'null'] });
    expect(fields.properties.decision_maker).toMatchObject({ type: ['boolean', 'null'] });
  });

  it('holds known fields to their vocabulary', () => {
    expect(JSON.stringify(json.properties.fields.properties.timeline)).toContain('"enum":["immediate","within_month","within_quarter","later","none"]');
    expect(JSON.stringify(json.properties.fields.properties.pain_points)).toContain('"poor_integration"');
  });

  it('tells the model what each field means and what it is compared with', () => {
    expect(json.properties.fields.properties.industry.description).toBe('Their industry The campaign compares it with: saas, fintech. null when the lead never said.');
  });

  it('asks for every outcome signal', () => {
    expect(json.properties.signals.required).toEqual(['voicemail', 'wrong_number', 'opt_out', 'not_interested', 'callback_requested', 'callback_time', 'wants_demo', 'wants_proposal', 'interested']);
  });

  it('accepts a complete answer and refuses a wrong type', () => {
    const schema = extractionSchema(criteria);
    const signals = { voicemail: false, wrong_number: false, opt_out: false, not_interested: false, callback_requested: false, callback_time: null, wants_demo: true, wants_proposal: false, interested: true };
    const fields = { budget: 50000, timeline: 'within_month', pain_points: ['slow'], decision_maker: true, industry: null };
    expect(schema.safeParse({ fields, signals }).success).toBe(true);
    expect(schema.safeParse({ fields: { ...fields, budget: '50k' }, signals }).success).toBe(false);
    expect(schema.safeParse({ fields: { ...fields, timeline: 'soon' }, signals }).success).toBe(false);
  });
});
