import { describe, expect, it } from 'vitest';
import type { TranscriptTurn } from '@/db/schema/calls';
import type { QualificationCriterion } from '../../criteria';
import { extractOffline } from './offline-extractor';

const now = new Date('2025-03-11T14:00:00Z');
const say = (...lines: string[]): TranscriptTurn[] => lines.map((l) => ({ speaker: l.startsWith('A:') ? 'agent' : 'lead', text: l.slice(2).trim() }));
const extract = (criteria: QualificationCriterion[], ...lines: string[]) => extractOffline({ transcript: say(...lines), criteria, now, timeZone: 'UTC' });

describe('offline extractor', () => {
  it('reads each campaign field by what its name stands for, in the declared type', () => {
    const { fields } = extract(
      [
        { field: 'annual_budget', type: 'number', operator: '>=', value: 1, weight: 1 },
        { field: 'purchase_timeline', type: 'string', operator: 'exists', weight: 1 },
        { field: 'headcount', type: 'string', operator: 'exists', weight: 1 },
        { field: 'pain_points', type: 'string', operator: 'exists', weight: 1 },
        { field: 'crm', type: 'string', operator: 'exists', weight: 1 },
      ],
      'A: Budget?',
      'L: Around 10 to 20 grand.',
      'A: How many reps?',
      'L: Twelve.',
      "L: We're on HubSpot, it's slow and expensive. We want it next month.",
    );
    expect(fields).toEqual({ annual_budget: 10000, purchase_timeline: 'within_month', headcount: '12', pain_points: 'slow, expensive', crm: 'HubSpot' });
  });

  it('never takes the agent’s words as the lead’s answer', () => {
    const { fields, signals } = extract(
      [
        { field: 'budget', type: 'number', operator: 'exists', weight: 1 },
        { field: 'pain_points', type: 'string_list', operator: 'exists', weight: 1 },
        { field: 'current_tool', type: 'string', operator: 'exists', weight: 1 },
      ],
      'A: Most teams spend $80,000, their CRM is slow, they use Salesforce, and they say stop calling me. Right?',
      'L: Hm.',
    );
    expect(fields).toEqual({ budget: null, pain_points: null, current_tool: null });
    expect(signals.optOut).toBe(false);
  });

  it('reads fields it does not know by name from the answer to the agent’s question', () => {
    const { fields } = extract([{ field: 'uses_salesforce', type: 'boolean', operator: '==', value: true, weight: 1 }], 'A: Do you use Salesforce today?', 'L: Yep.');
    expect(fields).toEqual({ uses_salesforce: true });
  });

  it('gathers the outcome signals', () => {
    const { signals } = extract([], "L: I'm driving. Call me back tomorrow at 9.");
    expect(signals).toMatchObject({ callbackRequested: true, callbackAt: new Date('2025-03-12T09:00:00Z'), optOut: false, voicemail: false });
  });
});
