import { z } from 'zod';
import { uuidCursor, type Keyset } from './keyset-cursor';

/** A list's paging query: `cursor` (from a previous page's nextCursor) and `limit`; `page` stays for clients that number pages. */
export const keysetQuery = {
  cursor: uuidCursor.query,
  limit: z.coerce.number().int().min(1).max(200).optional(),
  page: z.coerce.number().int().min(1).optional(),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};

/**
 * Every row of an ascending keyset query, one page at a time: `page(after)` reads up to `pageSize` rows after the
 * keyset (from the start when null). Each page costs the same however deep the walk is.
 */
export async function* walkKeyset<R extends { cursorAt: string; id: string }>(page: (after: Keyset | null) => Promise<R[]>, pageSize: number): AsyncGenerator<R[]> {
  for (let rows = await page(null); ; ) {
    yield rows;
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1];
    rows = await page({ at: last.cursorAt, id: last.id });
  }
}
