// What the sales team does next, per outcome: the vocabulary and a campaign's overrides, part of the campaign's
// settings (campaign-config.ts); the rule that picks one is lib/services/qualification/next-action.ts.
import { z } from 'zod';

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

