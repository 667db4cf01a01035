// Postgres refuses U+0000 in text and jsonb, so a NUL that got through would end in a 500.
// Requests are checked once at the edge (jsonBody, queryOf, form fields) instead of per field.

const NUL = '\u0000';

export const nulMessage = (field: string) => `${field} contains a NUL character (\\u0000), which cannot be stored`;

/** The dotted path of the first string (or key) holding a NUL, '_' for the top level; null when there is none. */
export function nulPath(value: unknown, path: string[] = []): string | null {
  if (typeof value === 'string') return value.includes(NUL) ? path.join('.') || '_' : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulPath(value[i], [...path, String(i)]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      // A key cannot be named back safely: the field is the object holding it.
      if (key.includes(NUL)) return path.join('.') || '_';
      const found = nulPath(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/** The value with every NUL removed from its strings and keys. */
export function withoutNul<T>(value: T): T {
  if (typeof value === 'string') return (value.includes(NUL) ? value.replaceAll(NUL, '') : value) as T;
  if (Array.isArray(value)) return value.map(withoutNul) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key.replaceAll(NUL, ''), withoutNul(item)])) as T;
  }
  return value;
}

export const hasNul = (text: string) => text.includes(NUL);
export const stripNul = (text: string) => text.replaceAll(NUL, '');
