// A field the extractors don't know by name (industry, uses_salesforce, monthly_calls…): read the
// lead's answer to the agent's question about it, or find the values the campaign compares it with.
import type { CriterionType } from '../../criteria';
import { fieldTokens } from '../../known-fields';
import type { FieldValue } from '../../field-value';
import { amountsIn } from './amounts';
import { clausesOf, negatedBefore, replyPolarity, type LeadUtterance } from './utterances';

export type GenericField = { field: string; type: CriterionType; label?: string; values: string[] };

const filler = new Set(['is', 'has', 'have', 'the', 'a', 'an', 'of', 'do', 'does', 'uses', 'use', 'using', 'num', 'number', 'count', 'total', 'current', 'their', 'lead', 'any']);
const stem = (w: string) => w.replace(/(?:ies)$/, 'y').replace(/(?:es|s)$/, '');

function topicWords(f: GenericField): string[] {
  const words = [...fieldTokens(f.field), ...(f.label ? fieldTokens(f.label) : [])].filter((w) => !filler.has(w) && w.length > 2);
  return [...new Set(words.map(stem))];
}

function mentions(text: string, topic: string[]): boolean {
  const words = new Set(text.split(/[^a-z0-9]+/).map(stem));
  return topic.some((t) => words.has(t));
}

function valuesSaid(utterances: readonly LeadUtterance[], values: string[]): string[] {
  const found: string[] = [];
  for (const value of values) {
    const escaped = value.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[\s_-]+/g, '[ _-]?');
    const pattern = new RegExp(`\\b${escaped}\\b`);
    const said = utterances.some((u) =>
      clausesOf(u.text).some((c) => {
        const m = pattern.exec(c);
        return m !== null && !negatedBefore(c, m.index, 3);
      }),
    );
    if (said) found.push(value);
  }
  return found;
}

/** The lead's value for a field named only by the campaign; null when nothing answers it. */
export function extractGenericField(utterances: readonly LeadUtterance[], f: GenericField): FieldValue {
  const topic = topicWords(f);
  const answer = topic.length ? utterances.find((u) => u.question !== null && mentions(u.question, topic)) : undefined;
  switch (f.type) {
    case 'number': {
      const source = answer ? [answer] : utterances.filter((u) => mentions(u.text, topic));
      for (const u of source) {
        const first = clausesOf(u.digits).flatMap(amountsIn)[0];
        if (first) return first.value;
      }
      return null;
    }
    case 'boolean': {
      if (answer) {
        const polarity = replyPolarity(answer.text);
        if (polarity) return polarity === 'yes';
      }
      for (const u of utterances) {
        for (const clause of clausesOf(u.text)) {
          if (!mentions(clause, topic)) continue;
          const at = clause.split(/\s+/).findIndex((w) => topic.includes(stem(w.replace(/[^a-z0-9]/g, ''))));
          const index = clause.split(/\s+/).slice(0, Math.max(at, 0)).join(' ').length;
          return !negatedBefore(clause, index, 5);
        }
      }
      return null;
    }
    case 'string': {
      const [said] = valuesSaid(utterances, f.values);
      if (said) return said;
      return answer ? answer.raw.replace(/\s+/g, ' ').slice(0, 120) : null;
    }
    case 'string_list': {
      const said = valuesSaid(utterances, f.values);
      if (said.length) return said;
      if (!answer || replyPolarity(answer.text) === 'no') return null;
      const items = answer.text
        .replace(/[.!?]+$/, '')
        .split(/,|\band\b|\bor\b|\//)
        .map((s) => s.trim())
        .filter((s) => s && s.split(/\s+/).length <= 4);
      return items.length ? items : null;
    }
  }
}
