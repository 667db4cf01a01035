import { describe, expect, it } from 'vitest';
import { evaluateCriteria } from './evaluate-criteria';
import { noSignals } from './extraction';
import type { QualificationCriterion } from './criteria';
import { writeNotes } from './notes';

const criteria: QualificationCriterion[] = [
  { field: 'budget', type: 'number', operator: '>=', value: 10000, weight: 30 },
  { field: 'decision_maker', type: 'boolean', operator: '==', value: true, weight: 25 },
  { field: 'timeline', type: 'string', operator: 'in', value: ['within_month'], weight: 20 },
  { field: 'industry', type: 'string', operator: 'exists', weight: 5, label: 'Industry' },
];

describe('notes', () => {
  it('read like a rep wrote them', () => {
    const { perCriterion } = evaluateCriteria(criteria, { budget: 50000, decision_maker: true, timeline: 'within_month', industry: 'logistics' });
    const notes = writeNotes({ outcome: 'qualified', callStatus: 'completed', score: 100, perCriterion, signals: { ...noSignals, wantsDemo: true }, optOut: false, timeZone: 'UTC' });
    expect(notes).toBe('Qualified, 100/100: budget $50,000; decision maker; buying within a month; Industry: logistics; wants a demo.');
  });

  it('give the call-back time in the lead’s zone', () => {
    const notes = writeNotes({
      outcome: 'callback_requested',
      callStatus: 'completed',
      score: 0,
      perCriterion: [],
      signals: noSignals,
      optOut: false,
      callbackAt: new Date('2025-03-13T19:00:00Z'),
      timeZone: 'America/New_York',
    });
    expect(notes).toBe('Asked for a call back: call back Thu 13 Mar at 3:00 PM (America/New_York).');
  });

  it.each([
    ['voicemail', 'completed', false, 'Reached voicemail.'],
    ['no_answer', 'busy', false, 'Line busy.'],
    ['not_interested', 'completed', true, 'Opted out: do not call again.'],
    ['wrong_number', 'completed', false, 'Wrong number: the lead is not at this number.'],
  ] as const)('%s (%s) → %s', (outcome, callStatus, optOut, expected) => {
    expect(writeNotes({ outcome, callStatus, score: null, perCriterion: [], signals: noSignals, optOut, timeZone: 'UTC' })).toBe(expected);
  });
});
