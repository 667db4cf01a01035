// One size limit for a lead's context, whichever way the lead arrives (JSON or a CSV row): the
// context travels to the agent in the dispatch metadata and into every call's record.
import { dataCipher } from '@/lib/data-cipher';

export const leadContextMaxBytes = 64 * 1024;

export const leadContextTooLarge = 'context is larger than 64 KB';

// JSON writes a UTF-16 unit as at most 6 bytes (a control character as \u00XX; other text at most 3 bytes in UTF-8).
const MAX_JSON_BYTES_PER_UNIT = 6;

/** Whether the context fits, measured as the UTF-8 JSON it is stored as. */
export function leadContextFits(context: Record<string, unknown>): boolean {
  // A CSV row's context is flat text: when even its worst-case JSON fits, there is nothing to measure.
  let units = 2;
  for (const key in context) {
    const value = context[key];
    if (typeof value !== 'string') return Buffer.byteLength(JSON.stringify(context), 'utf8') <= leadContextMaxBytes;
    units += key.length + value.length + 6;
  }
  return units * MAX_JSON_BYTES_PER_UNIT <= leadContextMaxBytes || Buffer.byteLength(JSON.stringify(context), 'utf8') <= leadContextMaxBytes;
}

/**
 * The context as the row stores it: sealed with the data key (shared/data-encryption.ts). Sealed where a
 * lead is built (lead-from-record.ts, add-lead.ts, update-lead.ts), so whatever writes the row writes
 * ciphertext. An empty context says nothing and is kept as `{}`.
 */
export function sealLeadContext(context: Record<string, unknown>): string {
  return Object.keys(context).length ? dataCipher().sealJson(context) : '{}';
}

/** The context of a stored row; one written before encryption is plaintext JSON and reads as it is. */
export function openLeadContext(stored: string): Record<string, unknown> {
  return dataCipher().openJson<Record<string, unknown>>(stored) ?? {};
}
