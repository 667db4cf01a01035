import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { serialCursor, uuidCursor } from './keyset-cursor';

const at = '2026-03-01T09:30:00.123456Z';
const uuid = '0b8f6f9e-3c1a-4d2b-9e7f-5a6b7c8d9e0f';
const encoded = (text: string) => Buffer.from(text).toString('base64url');

describe('keyset cursors', () => {
  it('a cursor decodes to the position it was made from', () => {
    expect(uuidCursor.decode(uuidCursor.encode({ at, id: uuid }))).toEqual({ at, id: uuid });
    expect(serialCursor.decode(serialCursor.encode({ at, id: 4711 }))).toEqual({ at, id: 4711 });
  });

  it.each([
    ['not base64 of a position', 'bm90LWEtY3Vyc29y'],
    ['a time without microseconds', encoded(`2026-03-01T09:30:00.123Z|${uuid}`)],
    ['a third part', encoded(`${at}|${uuid}|x`)],
    ['no id', encoded(at)],
    ['a serial id for a uuid table', encoded(`${at}|4711`)],
  ])('a uuid cursor refuses %s', (_, cursor) => {
    expect(uuidCursor.decode(cursor)).toBeNull();
  });

  it.each([
    ['a uuid for a serial table', encoded(`${at}|${uuid}`)],
    ['a negative id', encoded(`${at}|-1`)],
    ['an id past what a number holds exactly', encoded(`${at}|9007199254740993`)],
  ])('a serial cursor refuses %s', (_, cursor) => {
    expect(serialCursor.decode(cursor)).toBeNull();
  });

  it('the query field takes no cursor or an empty one as the first page and names `cursor` on a foreign one', () => {
    const query = z.object({ cursor: serialCursor.query });
    expect(query.parse({})).toEqual({ cursor: undefined });
    expect(query.parse({ cursor: '' })).toEqual({ cursor: undefined });
    expect(query.parse({ cursor: serialCursor.encode({ at, id: 7 }) })).toEqual({ cursor: { at, id: 7 } });
    const refused = query.safeParse({ cursor: uuidCursor.encode({ at, id: uuid }) });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((issue) => issue.path)).toEqual([['cursor']]);
  });

  it('a page is the first rows asked for, with the cursor after its last row only when more rows follow', () => {
    const rows = [1, 2, 3].map((id) => ({ id, cursorAt: at, name: `row ${id}` }));
    const full = serialCursor.page(rows, 2);
    expect(full.rows).toEqual([
      { id: 1, name: 'row 1' },
      { id: 2, name: 'row 2' },
    ]);
    expect(serialCursor.decode(full.nextCursor!)).toEqual({ at, id: 2 });
    expect(serialCursor.page(rows, 3).nextCursor).toBeNull();
  });
});
