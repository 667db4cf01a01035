// The short note a rep reads on the dashboard: "Qualified, 85/100: budget $50,000; decision maker; …".
import { DateTime } from 'luxon';
import type { CriterionResult } from './evaluate-criteria';
import type { CallSignals } from './extraction';
import type { FieldValue } from './field-value';
import { knownFieldKind, type Timeline } from './known-fields';
import type { JudgedOutcome } from '@/shared/call-outcomes';
import type { TerminalCallStatus } from '@/shared/statuses';

const money = (n: number) => `$${n.toLocaleString('en-US', { maximumFractionDigits: 0 })}`;
const timelineWords: Record<Timeline, string> = {
  immediate: 'wants to start right away',
  within_month: 'buying within a month',
  within_quarter: 'buying this quarter',
  later: 'buying later (3+ months)',
  none: 'no buying plans',
};

function describeField(field: string, value: FieldValue, label?: string): string | null {
  if (value === null || (Array.isArray(value) && value.length === 0)) return null;
  switch (knownFieldKind(field)) {
    case 'budget':
      return typeof value === 'number' ? (value === 0 ? 'no budget' : `budget ${money(value)}`) : `budget ${String(value)}`;
    case 'timeline':
      return typeof value === 'string' && value in timelineWords ? timelineWords[value as Timeline] : `timeline ${String(value)}`;
    case 'decision_maker':
      return value === true ? 'decision maker' : value === false ? 'not the decision maker' : null;
    case 'pain_points':
      return `pain: ${(Array.isArray(value) ? value : [String(value)]).map((p) => p.replace(/_/g, ' ')).join(', ')}`;
    case 'team_size':
      return `team of ${String(value)}`;
    case 'current_tool':
      return `uses ${String(value)}`;
    case 'wants_demo':
    case 'wants_proposal':
    case 'interested':
      return null;
    default: {
      const name = label ?? field.replace(/_/g, ' ');
      return `${name}: ${Array.isArray(value) ? value.join(', ') : typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value)}`;
    }
  }
}

export type NotesInput = {
  outcome: JudgedOutcome;
  callStatus: TerminalCallStatus;
  score: number | null;
  perCriterion: CriterionResult[];
  signals: CallSignals;
  optOut: boolean;
  callbackAt?: Date;
  timeZone: string;
};

function headline({ outcome, callStatus, score, optOut }: NotesInput): string {
  const scored = score !== null ? `, ${score}/100` : '';
  switch (outcome) {
    case 'qualified':
      return `Qualified${scored}`;
    case 'unqualified':
      return `Not qualified${scored}`;
    case 'callback_requested':
      return 'Asked for a call back';
    case 'not_interested':
      return optOut ? 'Opted out: do not call again' : 'Not interested';
    case 'wrong_number':
      return optOut ? 'Wrong number, asked to be removed' : 'Wrong number: the lead is not at this number';
    case 'voicemail':
      return 'Reached voicemail';
    case 'no_answer':
      return callStatus === 'busy' ? 'Line busy' : callStatus === 'completed' ? 'Answered, but nobody spoke' : 'No answer';
    case 'failed':
      return 'Call failed';
  }
}

/** One or two plain sentences: the outcome, then what the lead told us. */
export function writeNotes(input: NotesInput): string {
  const facts: string[] = [];
  const seen = new Set<string>();
  for (const c of input.perCriterion) {
    if (seen.has(c.field)) continue;
    seen.add(c.field);
    const fact = describeField(c.field, c.actual, c.label);
    if (fact) facts.push(fact);
  }
  if (input.signals.wantsDemo) facts.push('wants a demo');
  if (input.signals.wantsProposal) facts.push('asked for a proposal');
  if (input.callbackAt) {
    const at = DateTime.fromJSDate(input.callbackAt, { zone: input.timeZone });
    facts.push(`call back ${at.toFormat("ccc d LLL 'at' h:mm a")} (${input.timeZone})`);
  }
  const head = headline(input);
  if (['voicemail', 'no_answer', 'failed'].includes(input.outcome) || !facts.length) return `${head}.`;
  const text = `${head}: ${facts.join('; ')}.`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
