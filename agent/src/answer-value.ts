// A lead's answer as the model hears it ("about fifty k", "yep") made into the value the
// criterion's declared type needs, so the app scores what it expects and the model learns at once
// when it recorded something that does not fit.
import type { CriterionType } from '../../shared/contracts/agent-dispatch';

export type AnswerValue = number | string | boolean | string[];
export type ParsedAnswer = { ok: true; value: AnswerValue } | { ok: false; error: string };

const maxTextLength = 500;
const yes = new Set(['yes', 'y', 'true', 'yeah', 'yep', 'yup', 'sure', 'correct', 'right', 'affirmative']);
const no = new Set(['no', 'n', 'false', 'nope', 'nah', 'not', 'negative', 'incorrect']);
const multipliers: Record<string, number> = { k: 1e3, thousand: 1e3, m: 1e6, mm: 1e6, million: 1e6, b: 1e9, bn: 1e9, billion: 1e9 };

export function parseAnswer(type: CriterionType, raw: unknown): ParsedAnswer {
  switch (type) {
    case 'number':
      return parseNumber(raw);
    case 'boolean':
      return parseBoolean(raw);
    case 'string_list':
      return parseList(raw);
    case 'string':
      return parseText(raw);
  }
}

function parseNumber(raw: unknown): ParsedAnswer {
  if (typeof raw === 'number') return Number.isFinite(raw) ? { ok: true, value: raw } : { ok: false, error: 'expected a finite number' };
  if (typeof raw !== 'string') return { ok: false, error: 'expected a number, e.g. 50000' };
  const cleaned = raw.trim().toLowerCase().replace(/[$€£¥,_\s]|usd|eur|gbp|dollars?|euros?|pounds?/g, '');
  const match = /^(-?\d+(?:\.\d+)?)(k|thousand|mm|m|million|bn|b|billion)?$/.exec(cleaned);
  if (!match) return { ok: false, error: `expected a number, e.g. 50000, but got "${raw}"` };
  const value = Number(match[1]) * (match[2] ? multipliers[match[2]] : 1);
  return { ok: true, value };
}

function parseBoolean(raw: unknown): ParsedAnswer {
  if (typeof raw === 'boolean') return { ok: true, value: raw };
  const word = String(raw).trim().toLowerCase().replace(/[.!]+$/, '');
  if (yes.has(word)) return { ok: true, value: true };
  if (no.has(word)) return { ok: true, value: false };
  return { ok: false, error: `expected yes or no, but got "${String(raw)}"` };
}

function parseText(raw: unknown): ParsedAnswer {
  if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') return { ok: false, error: 'expected a short text answer' };
  const text = String(raw).trim();
  if (!text) return { ok: false, error: 'the answer is empty' };
  return { ok: true, value: text.slice(0, maxTextLength) };
}

function parseList(raw: unknown): ParsedAnswer {
  const items = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(/,|;|\band\b/i) : null;
  if (!items) return { ok: false, error: 'expected a list of items, separated by commas' };
  const values = items
    .filter((item) => typeof item === 'string' || typeof item === 'number')
    .map((item) => String(item).trim().slice(0, maxTextLength))
    .filter(Boolean);
  if (!values.length) return { ok: false, error: 'the list is empty' };
  return { ok: true, value: values };
}
