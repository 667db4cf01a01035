import type { schema } from '@/db';
import { isHashedDncEntry } from './dnc-keys';

export type DncRow = typeof schema.dncNumbers.$inferSelect;
export type DncSource = 'manual' | 'import' | 'opt_out';

/** `hashed`: an erased lead's number, kept as its keyed hash (the list still blocks the number; nobody can read it). */
export function presentDnc(row: DncRow) {
  return { phone: row.phone, hashed: isHashedDncEntry(row.phone), reason: row.reason, source: row.source as DncSource, createdAt: row.createdAt };
}
export type DncEntry = ReturnType<typeof presentDnc>;
