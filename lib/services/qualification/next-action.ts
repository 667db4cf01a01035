// What the sales team does next, per outcome; a campaign may override the defaults (shared/contracts/next-actions.ts).
import type { JudgedOutcome } from '@/shared/call-outcomes';
import { defaultNextActions, type NextAction, type NextActionOverrides } from '@/shared/contracts/next-actions';

export { defaultNextActions, nextActionRules, nextActions, type NextAction, type NextActionOverrides, type NextActionRules } from '@/shared/contracts/next-actions';

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
