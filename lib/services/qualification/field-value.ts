// What an extractor found for one field, and how it is made to fit the type the campaign declared.
import type { CriterionType } from './criteria';

export type FieldValue = number | string | boolean | string[] | null;

/** Field name → value; null when the lead never said. */
export type ExtractedFields = Record<string, FieldValue>;

const yesWords = new Set(['yes', 'y', 'true', 'yeah', 'yep', 'confirmed']);
const noWords = new Set(['no', 'n', 'false', 'nope']);

function numberFrom(value: string): number | null {
  const cleaned = value.replace(/[$,\s]/g, '').toLowerCase();
  const match = /^(-?\d+(?:\.\d+)?)(k|m)?$/.exec(cleaned);
  if (!match) return null;
  const scale = match[2] === 'k' ? 1_000 : match[2] === 'm' ? 1_000_000 : 1;
  return Number(match[1]) * scale;
}

/**
 * The value in the declared type, or null when it cannot be read as one. An AI answer or a stored
 * record may hold "50,000" for a number field or "yes" for a boolean; nothing else is guessed.
 */
export function coerceFieldValue(value: unknown, type: CriterionType): FieldValue {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'number': {
      if (typeof value === 'number') return Number.isFinite(value) ? value : null;
      if (typeof value === 'string') return numberFrom(value);
      return null;
    }
    case 'boolean': {
      if (typeof value === 'boolean') return value;
      if (typeof value === 'string') {
        const word = value.trim().toLowerCase();
        if (yesWords.has(word)) return true;
        if (noWords.has(word)) return false;
      }
      return null;
    }
    case 'string': {
      if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
      if (typeof value === 'number' && Number.isFinite(value)) return String(value);
      if (Array.isArray(value)) {
        const parts = value.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
        return parts.length ? parts.join(', ') : null;
      }
      return null;
    }
    case 'string_list': {
      if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim());
      if (typeof value === 'string') return value.trim() === '' ? [] : [value.trim()];
      return null;
    }
  }
}
