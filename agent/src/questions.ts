// One natural question per qualification field, so the agent asks "who signs off on this?" rather
// than reading out "decision_maker". Fields are matched by their snake_case words; a field no
// topic knows falls back to its label.
import type { CriterionType, DispatchCriterion } from '../../shared/contracts/agent-dispatch';

export type FieldQuestion = { field: string; type: CriterionType; label?: string; question: string };

const topics: { words: string[]; question: string }[] = [
  { words: ['budget', 'spend', 'spending', 'deal'], question: 'What kind of budget do you have set aside for this?' },
  { words: ['revenue', 'turnover', 'arr'], question: "Roughly what's your annual revenue?" },
  { words: ['decision', 'decider', 'signoff', 'sign', 'authority', 'approver', 'dm'], question: 'Are you the one who signs off on a decision like this, or is someone else involved?' },
  { words: ['timeline', 'timeframe', 'timing', 'start', 'deadline', 'when', 'urgency'], question: 'When would you be looking to get started?' },
  { words: ['employee', 'headcount', 'staff', 'seat', 'user', 'size'], question: 'Roughly how many people are on your team?' },
  { words: ['industry', 'sector', 'vertical'], question: 'What industry are you in?' },
  { words: ['current', 'provider', 'vendor', 'solution', 'tool', 'stack'], question: 'What are you using for this today?' },
  { words: ['pain', 'need', 'challenge', 'problem', 'goal'], question: "What's the main challenge you're hoping to solve?" },
  { words: ['interest', 'interested'], question: "Is this something you'd be interested in exploring?" },
  { words: ['location', 'region', 'country', 'city', 'state'], question: 'Where are you based?' },
];

const typeHints: Record<CriterionType, string> = { number: 'a number', string: 'a short answer', boolean: 'yes or no', string_list: 'a list' };

export function typeHint(type: CriterionType): string {
  return typeHints[type];
}

function questionFor(criterion: DispatchCriterion): string {
  const words = criterion.field.split('_').map((word) => word.replace(/s$/, ''));
  const topic = topics.find((t) => t.words.some((w) => words.includes(w)));
  if (topic) return topic.question;
  const subject = criterion.label?.trim() || criterion.field.replace(/_/g, ' ');
  return criterion.type === 'boolean' ? `Could you tell me whether this applies to you: ${subject}?` : `Could you tell me about ${subject}?`;
}

/** One question per distinct field, in the campaign's order; a field's first criterion sets its type. */
export function fieldQuestions(criteria: DispatchCriterion[]): FieldQuestion[] {
  const seen = new Set<string>();
  const questions: FieldQuestion[] = [];
  for (const criterion of criteria) {
    if (seen.has(criterion.field)) continue;
    seen.add(criterion.field);
    questions.push({ field: criterion.field, type: criterion.type, label: criterion.label, question: questionFor(criterion) });
  }
  return questions;
}
