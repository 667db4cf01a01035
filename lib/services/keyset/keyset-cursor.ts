// Keyset (cursor) pages for the big tables, newest first by (created_at, id): a deep page costs what the first does,
// one index range from the cursor on, where an OFFSET walks and drops every row before it. One codec per kind of id
// (uuid, bigserial), so every list reads, writes and checks its cursor the same way.
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { isUuid } from '@/lib/services/campaigns/get-campaign-or-throw';

/** A row's position: its created_at to the microsecond (a JS Date keeps only ms, see `cursorInstant`) and its id. */
export type Keyset<Id extends string | number = string> = { at: string; id: Id };

type KeyKind<Id extends string | number> = {
  /** Whether a decoded id is one of this kind. */
  accepts: (text: string) => boolean;
  read: (text: string) => Id;
  /** The id column's type, for the parameter's cast. */
  sqlType: 'uuid' | 'bigint';
};

const instantShape = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** created_at as the cursor keeps it (UTC, microseconds). */
export function cursorInstant(createdAt: AnyColumn): SQL<string> {
  return sql<string>`to_char(${createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

function keysetCursor<Id extends string | number>(kind: KeyKind<Id>) {
  const idParam = (id: Id) => sql`${id}::${sql.raw(kind.sqlType)}`;

  /** The position after a row, opaque to clients. */
  function encode({ at, id }: Keyset<Id>): string {
    return Buffer.from(`${at}|${id}`).toString('base64url');
  }

  function decode(cursor: string): Keyset<Id> | null {
    const [at, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
    if (rest.length > 0 || !instantShape.test(at ?? '') || !kind.accepts(id ?? '')) return null;
    return { at, id: kind.read(id) };
  }

  return {
    encode,
    decode,
    /** The `cursor` query field (a previous page's nextCursor): absent or empty is the first page; anything this API did not return is a 400 naming `cursor`. */
    query: z
      .string()
      .max(200)
      .optional()
      .transform((value, ctx) => {
        if (value === undefined || value === '') return undefined;
        const keyset = decode(value);
        if (!keyset) {
          ctx.addIssue({ code: 'custom', message: 'not a cursor this API returned' });
          return z.NEVER;
        }
        return keyset;
      }),
    /** Rows after the cursor in (created_at desc, id desc) order: one row comparison the (…, created_at, id) index answers. */
    after: (createdAt: AnyColumn, id: AnyColumn, cursor: Keyset<Id>): SQL => sql`(${createdAt}, ${id}) < (${cursor.at}::timestamptz, ${idParam(cursor.id)})`,
    /** Rows after the keyset in (created_at, id) ascending order, for walks through a whole campaign (exports). */
    afterAscending: (createdAt: AnyColumn, id: AnyColumn, after: Keyset<Id>): SQL => sql`(${createdAt}, ${id}) > (${after.at}::timestamptz, ${idParam(after.id)})`,
    /**
     * Takes rows fetched one more than the page (to learn whether another follows); returns the page and the cursor
     * after it (null on the last page).
     */
    page<T extends { cursorAt: string; id: Id }>(rows: T[], limit: number): { rows: Omit<T, 'cursorAt'>[]; nextCursor: string | null } {
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      const nextCursor = rows.length > limit && last ? encode({ at: last.cursorAt, id: last.id }) : null;
      return { rows: page.map(({ cursorAt: _at, ...row }) => row), nextCursor };
    },
  };
}

/** Tables keyed by uuid: campaigns' leads and calls. */
export const uuidCursor = keysetCursor({ accepts: isUuid, read: (text) => text, sqlType: 'uuid' });

/** Tables keyed by a bigserial (in number mode): the audit log. */
export const serialCursor = keysetCursor({ accepts: (text) => /^\d{1,16}$/.test(text) && Number.isSafeInteger(Number(text)), read: Number, sqlType: 'bigint' });
