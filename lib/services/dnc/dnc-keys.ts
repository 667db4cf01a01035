// How a number is looked up on the DNC list: as itself, and as the keyed hashes an erased lead's
// number is kept as (one per data key, so a rotated key still finds what an older one hashed).
import { dataCipher } from '@/lib/data-cipher';

/** How every hashed entry begins (the data cipher's `h1:<keyId>:…`); the index of hashed entries reads it too (0024). */
export const hashedDncEntryPrefix = 'h1:';

/** A number kept on the list only as its hash (an erased lead who had opted out). */
export const isHashedDncEntry = (phone: string) => phone.startsWith(hashedDncEntryPrefix);

/** The number's hashed entry as it is written now (with the sealing key). */
export function hashedDncEntry(phone: string): string {
  return dataCipher().hashes(phone)[0];
}

/** The keyed hashes a number may be listed under, besides itself (bulk imports stage them beside the number). */
export function dncHashKeys(phone: string): string[] {
  return dataCipher().hashes(phone);
}

/** Every list key a number may be stored under, and which number each key stands for. */
export function dncLookupKeys(phones: readonly string[]): { keys: string[]; phoneOf: Map<string, string> } {
  const phoneOf = new Map<string, string>();
  for (const phone of phones) {
    phoneOf.set(phone, phone);
    for (const hash of dataCipher().hashes(phone)) phoneOf.set(hash, phone);
  }
  return { keys: [...phoneOf.keys()], phoneOf };
}
