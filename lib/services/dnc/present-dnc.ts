import type { schema } from '@/db';

export type DncRow = typeof schema.dncNumbers.$inferSelect;
export type DncSource = 'manual' | 'import' | 'opt_out';

export function presentDnc(row: DncRow) {
  return { phone: row.phone, reason: row.reason, source: row.source as DncSource, createdAt: row.createdAt };
}
export type DncEntry = ReturnType<typeof presentDnc>;
