import { describe, expect, it } from 'vitest';
import { noSignals, type CallSignals } from './extraction';
import { decideOutcome, type OutcomeInput } from './outcome';

const input = (over: Partial<Omit<OutcomeInput, 'signals'>> & { signals?: Partial<CallSignals> } = {}): OutcomeInput => ({
  callStatus: 'completed',
  leadSpoke: true,
  score: 50,
  minQualificationScore: 70,
  ...over,
  signals: { ...noSignals, ...over.signals },
});

describe('outcome', () => {
  it.each([
    ['an unanswered dial', input({ callStatus: 'no_answer' }), 'no_answer'],
    ['a busy line', input({ callStatus: 'busy' }), 'no_answer'],
    ['a failed dial', input({ callStatus: 'failed' }), 'failed'],
    ['a machine flagged by telephony', input({ answeringMachine: true, score: 100 }), 'voicemail'],
    ['a greeting in the transcript', input({ signals: { voicemail: true } }), 'voicemail'],
    ['an answer where nobody spoke', input({ leadSpoke: false }), 'no_answer'],
    ['a wrong number, even with an opt-out', input({ signals: { wrongNumber: true, optOut: true } }), 'wrong_number'],
    ['an opt-out from a qualified lead', input({ score: 100, signals: { optOut: true } }), 'not_interested'],
    ['a no', input({ score: 100, signals: { notInterested: true } }), 'not_interested'],
    ['a score at the minimum', input({ score: 70 }), 'qualified'],
    ['a qualified lead asking for a call back', input({ score: 90, signals: { callbackRequested: true } }), 'qualified'],
    ['a call-back request below the minimum', input({ score: 10, signals: { callbackRequested: true } }), 'callback_requested'],
    ['a score below the minimum', input({ score: 69 }), 'unqualified'],
    ['no criteria and a demo request', input({ score: null, signals: { wantsDemo: true } }), 'qualified'],
    ['no criteria and no interest', input({ score: null }), 'unqualified'],
  ] as const)('%s → %s', (_, value, expected) => {
    expect(decideOutcome(value)).toBe(expected);
  });
});
