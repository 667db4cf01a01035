// What the sales team does next, per outcome; a campaign may override the defaults.
import { z } from 'zod';
import type { JudgedOutcome } from '@/shared/call-outcomes';

export const nextActions = ['schedule_demo', 'send_proposal', 'nurture', 'callback', 'do_not_call', 'none'] as const;
export type NextAction = (typeof nextActions)[number];

const action = z.enum(nextActions);

/**
 * A campaign's next actions. `proposalRequested` applies when a lead who is not turning us down asks for
 * a proposal or pricing (sending one costs nothing). Voicemail, no answer and failed default to none:
 * the dialer's retry rules already call again.
 */
export const nextActionRules = z
  .object({
    qualified: action.default('schedule_demo'),
    proposalRequested: action.default('send_proposal'),
    unqualified: action.default('nurture'),
    callback_requested: action.default('callback'),
    not_interested: action.default('none'),
    wrong_number: action.default('none'),
    voicemail: action.default('none'),
    no_answer: action.default('none'),
    failed: action.default('none'),
  })
  .strict();

export type NextActionRules = z.infer<typeof nextActionRules>;
export type NextActionOverrides = z.input<typeof nextActionRules>;

export const defaultNextActions: NextActionRules = nextActionRules.parse({});

export type NextActionInput = { outcome: JudgedOutcome; optOut: boolean; wantsProposal: boolean };

/** The next action. An opt-out is always do_not_call, whatever the campaign says: that is the law, not a preference. */
export function decideNextAction({ outcome, optOut, wantsProposal }: NextActionInput, overrides: NextActionOverrides = {}): NextAction {
  if (optOut) return 'do_not_call';
  const rules = { ...defaultNextActions, ...stripUndefined(overrides) };
  if (wantsProposal && (outcome === 'qualified' || outcome === 'unqualified')) return rules.proposalRequested;
  return rules[outcome];
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
