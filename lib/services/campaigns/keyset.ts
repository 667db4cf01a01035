// Keyset (cursor) pages for the big per-campaign tables, newest first by (created_at, id): a deep page costs what
// the first does, one index range from the cursor on, where an OFFSET walks and drops every row before it.
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { z } from 'zod';

export type Keyset = { at: string; id: string };

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const instantShape = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** The position after a row, opaque to clients: its created_at to the microsecond (a JS Date keeps only ms) and id. */
export function encodeCursor({ at, id }: Keyset): string {
  return Buffer.from(`${at}|${id}`).toString('base64url');
}

function decodeCursor(cursor: string): Keyset | null {
  const [at, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (rest.length > 0 || !instantShape.test(at ?? '') || !uuidShape.test(id ?? '')) return null;
  return { at, id };
}

/** `cursor` (from a previous page's nextCursor) and `limit`; `page` stays for clients that number pages. */
export const keysetQuery = {
  cursor: z
    .string()
    .max(200)
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === '') return undefined;
      const keyset = decodeCursor(value);
      if (!keyset) {
        ctx.addIssue({ code: 'custom', message: 'not a cursor this API returned' });
        return z.NEVER;
      }
      return keyset;
    }),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  page: z.coerce.number().int().min(1).optional(),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};

/** created_at as the cursor keeps it (UTC, microseconds). */
export function cursorInstant(createdAt: AnyColumn): SQL<string> {
  return sql<string>`to_char(${createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/** Rows after the cursor in (created_at desc, id desc) order: one row comparison the (…, created_at, id) index answers. */
export function afterCursor(createdAt: AnyColumn, id: AnyColumn, cursor: Keyset): SQL {
  return sql`(${createdAt}, ${id}) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)`;
}

/**
 * Fetches one row more than the page to learn whether another follows; returns the page and the cursor after it
 * (null on the last page).
 */
export function keysetPage<T extends { cursorAt: string; id: string }>(rows: T[], limit: number): { rows: Omit<T, 'cursorAt'>[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor = rows.length > limit && last ? encodeCursor({ at: last.cursorAt, id: last.id }) : null;
  return { rows: page.map(({ cursorAt: _at, ...row }) => row), nextCursor };
}

/** Rows after the keyset in (created_at, id) ascending order, for walks through a whole campaign (exports). */
export function afterKeysetAscending(createdAt: AnyColumn, id: AnyColumn, after: Keyset): SQL {
  return sql`(${createdAt}, ${id}) > (${after.at}::timestamptz, ${after.id}::uuid)`;
}

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
