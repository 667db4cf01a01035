// The fields the extractors understand by name. A campaign may call them what it likes (budget,
// annual_budget, headcount…): the name is matched to one of these kinds, which decides how the offline
// rules read the transcript and what the AI is told to look for. Other names are still extracted, by
// the generic question-and-answer reading.
import type { CriterionType } from './agent-dispatch';

export const timelineValues = ['immediate', 'within_month', 'within_quarter', 'later', 'none'] as const;
export type Timeline = (typeof timelineValues)[number];

export const painPointValues = ['slow', 'expensive', 'manual', 'unreliable', 'hard_to_use', 'poor_support', 'poor_integration', 'poor_reporting'] as const;
export type PainPoint = (typeof painPointValues)[number];

export type KnownFieldKind = 'budget' | 'timeline' | 'team_size' | 'pain_points' | 'decision_maker' | 'current_tool' | 'wants_demo' | 'wants_proposal' | 'interested';

type KnownField = { type: CriterionType; matches: (tokens: string[]) => boolean; description: string };

const has = (tokens: string[], ...words: string[]) => words.some((w) => tokens.includes(w));

// Order matters: the first kind whose rule matches wins (timeline before decision, so
// decision_timeline is a timeline; budget first, so tool_budget is a budget).
export const knownFields: Record<KnownFieldKind, KnownField> = {
  budget: {
    type: 'number',
    matches: (t) => has(t, 'budget', 'spend', 'spending', 'afford'),
    description: 'Dollars the lead says they can spend or have set aside (a range → its low end; "no budget" → 0). Not what they pay today for a current tool.',
  },
  timeline: {
    type: 'string',
    matches: (t) => has(t, 'timeline', 'timeframe', 'timing', 'urgency', 'when'),
    description: `When the lead wants to buy or be live: ${timelineValues.join(', ')} (later = beyond three months; none = no plans).`,
  },
  team_size: {
    type: 'number',
    matches: (t) => has(t, 'headcount', 'employees', 'seats', 'staff', 'reps', 'agents', 'users') || (has(t, 'team', 'company', 'org') && has(t, 'size', 'count')),
    description: 'How many people are on the team that would use it (a range → its low end).',
  },
  pain_points: {
    type: 'string_list',
    matches: (t) => has(t, 'pain', 'pains', 'challenges', 'problems', 'issues', 'frustrations'),
    description: `Problems the lead has today with how they work now, from: ${painPointValues.join(', ')}. Not ones they deny.`,
  },
  decision_maker: {
    type: 'boolean',
    matches: (t) => has(t, 'decision', 'authority', 'approver', 'signer', 'dm'),
    description: 'True when the lead decides or signs off (alone or jointly); false when someone else decides or approval is needed.',
  },
  current_tool: {
    type: 'string',
    matches: (t) => has(t, 'tool', 'tools', 'solution', 'vendor', 'crm', 'software', 'system', 'platform', 'provider', 'stack', 'competitor'),
    description: 'The product the lead uses today for this job (the first named when several), e.g. Salesforce or Excel.',
  },
  wants_demo: { type: 'boolean', matches: (t) => has(t, 'demo'), description: 'True when the lead asks for or agrees to a demo.' },
  wants_proposal: {
    type: 'boolean',
    matches: (t) => has(t, 'proposal', 'quote', 'pricing'),
    description: 'True when the lead asks to be sent a proposal, quote or pricing.',
  },
  interested: { type: 'boolean', matches: (t) => has(t, 'interest', 'interested'), description: 'True when the lead says they are interested.' },
};

export function fieldTokens(field: string): string[] {
  return field.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}

/** The kind a campaign's field name stands for, or null for a field the extractors read generically. */
export function knownFieldKind(field: string): KnownFieldKind | null {
  const tokens = fieldTokens(field);
  for (const [kind, known] of Object.entries(knownFields) as [KnownFieldKind, KnownField][]) {
    if (known.matches(tokens)) return kind;
  }
  return null;
}

/** The type a field gets when the campaign does not declare one. */
export function defaultFieldType(field: string): CriterionType {
  const kind = knownFieldKind(field);
  return kind ? knownFields[kind].type : 'string';
}
