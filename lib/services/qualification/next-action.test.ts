import { describe, expect, it } from 'vitest';
import { decideNextAction, nextActionRules } from './next-action';
import { judgedOutcomes } from '@/shared/call-outcomes';

describe('next action', () => {
  it.each([
    ['qualified', false, 'schedule_demo'],
    ['qualified', true, 'send_proposal'],
    ['unqualified', false, 'nurture'],
    ['unqualified', true, 'send_proposal'],
    ['callback_requested', false, 'callback'],
    ['callback_requested', true, 'callback'],
    ['not_interested', true, 'none'],
    ['wrong_number', false, 'none'],
    ['voicemail', false, 'none'],
    ['no_answer', false, 'none'],
    ['failed', false, 'none'],
  ] as const)('by default, %s (proposal asked: %s) → %s', (outcome, wantsProposal, expected) => {
    expect(decideNextAction({ outcome, optOut: false, wantsProposal })).toBe(expected);
  });

  it.each(judgedOutcomes)('an opt-out is do_not_call whatever the outcome (%s) and the campaign say', (outcome) => {
    const allCallback = Object.fromEntries(judgedOutcomes.map((o) => [o, 'callback' as const]));
    expect(decideNextAction({ outcome, optOut: true, wantsProposal: true }, allCallback)).toBe('do_not_call');
  });

  it('a campaign overrides the defaults it names and keeps the rest', () => {
    const overrides = { qualified: 'send_proposal', not_interested: 'nurture' } as const;
    expect(decideNextAction({ outcome: 'qualified', optOut: false, wantsProposal: false }, overrides)).toBe('send_proposal');
    expect(decideNextAction({ outcome: 'not_interested', optOut: false, wantsProposal: false }, overrides)).toBe('nurture');
    expect(decideNextAction({ outcome: 'unqualified', optOut: false, wantsProposal: false }, overrides)).toBe('nurture');
  });

  it('the rules schema refuses an unknown action or outcome', () => {
    expect(nextActionRules.safeParse({ qualified: 'send_flowers' }).success).toBe(false);
    expect(nextActionRules.safeParse({ maybe: 'none' }).success).toBe(false);
  });
});
