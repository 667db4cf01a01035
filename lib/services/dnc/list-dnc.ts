import { and, count, desc, eq, ilike, or, type SQL } from 'drizzle-orm';
import { schema, type Queryable } from '@/db';
import { escapeLike } from '@/lib/services/leads/escape-like';
import { presentDnc } from './present-dnc';

export async function listDnc(db: Queryable, { workspaceId, page, pageSize, search }: { workspaceId: string; page: number; pageSize: number; search?: string }) {
  const d = schema.dncNumbers;
  const where = and(eq(d.workspaceId, workspaceId), search ? matches(search) : undefined);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(d)
      .where(where)
      .orderBy(desc(d.createdAt), desc(d.phone))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(d).where(where),
  ]);
  return { items: rows.map(presentDnc), page, pageSize, total };
}

/** The number's digits, or the reason's text. */
function matches(search: string): SQL | undefined {
  const d = schema.dncNumbers;
  const digits = search.replace(/\D/g, '').replace(/^0+/, '');
  return or(ilike(d.reason, `%${escapeLike(search)}%`), ilike(d.phone, `%${escapeLike(search)}%`), digits ? ilike(d.phone, `%${digits}%`) : undefined);
}
