import { and, count, desc, eq, getTableColumns, ilike, or, type SQL } from 'drizzle-orm';
import { schema, type Queryable } from '@/db';
import { isUuid } from '@/lib/services/campaigns/get-campaign-or-throw';
import { notFound } from '@/lib/errors';
import { cursorInstant, uuidCursor } from '@/lib/services/keyset';
import { leadCounterOf, type LeadCounts } from '@/lib/services/campaigns/lead-counts';
import { escapeLike } from './escape-like';
import { presentLead } from './present-lead';
import type { ListLeadsQuery } from './schemas';


/**
 * A page of the campaign's leads, newest first. By cursor (`cursor`, `limit`; `nextCursor` leads on) unless a `page`
 * number is asked for (OFFSET, kept for clients that number pages). `total` comes from the campaign's lead counters
 * (one row) unless a search is given; a search's total is counted on its first page only. The page and the
 * ownership check (with the counters, one statement) go side by side: a page of another workspace's campaign is
 * read but never returned, so the answer costs one round trip, not two in a row.
 */
export async function listLeads(db: Queryable, { workspaceId, campaignId, page, pageSize, limit, cursor, search, status }: { workspaceId: string; campaignId: string } & ListLeadsQuery) {
  if (!isUuid(campaignId)) throw notFound('Campaign');
  const l = schema.leads;
  const size = limit ?? pageSize;
  const where = and(eq(l.campaignId, campaignId), status ? eq(l.status, status) : undefined, search ? matches(search) : undefined);
  const byPage = page !== undefined && !cursor;
  const rows = db
    .select({ ...getTableColumns(l), cursorAt: cursorInstant(l.createdAt) })
    .from(l)
    .where(cursor ? and(where, uuidCursor.after(l.createdAt, l.id, cursor)) : where)
    .orderBy(desc(l.createdAt), desc(l.id))
    .limit(size + 1);
  const searched = search && (byPage || !cursor) ? db.select({ total: count() }).from(schema.leads).where(where).then(([r]) => r.total) : Promise.resolve(null);
  const [found, owned, searchTotal] = await Promise.all([byPage ? rows.offset((page - 1) * size) : rows, ownedCounts(db, workspaceId, campaignId), searched]);
  if (!owned) throw notFound('Campaign');
  const total = search ? searchTotal : status ? owned[leadCounterOf[status]] : owned.total;
  const { rows: items, nextCursor } = uuidCursor.page(found, size);
  return { items: items.map(presentLead), ...(byPage ? { page } : {}), pageSize: size, total, nextCursor };
}

/** The workspace's campaign's lead counters (zeros before its first lead); null when it is not the workspace's. */
async function ownedCounts(db: Queryable, workspaceId: string, campaignId: string): Promise<LeadCounts | null> {
  const c = schema.campaigns;
  const k = schema.campaignLeadCounts;
  const [row] = await db
    .select({ counts: getTableColumns(k) })
    .from(c)
    .leftJoin(k, eq(k.campaignId, c.id))
    .where(and(eq(c.id, campaignId), eq(c.workspaceId, workspaceId)))
    .limit(1);
  if (!row) return null;
  const { campaignId: _id, ...counts } = row.counts ?? { campaignId, total: 0, pending: 0, calling: 0, retryScheduled: 0, completed: 0, exhausted: 0, doNotCall: 0, needsConsent: 0, called: 0, qualified: 0 };
  return counts;
}

/**
 * Name, company or phone contain the text. Phones are stored as +14155550123, so the digits of
 * "(415) 555-01" are matched on their own, and without a national leading 0 ("020 7946" finds +44207946…).
 */
function matches(search: string): SQL | undefined {
  const l = schema.leads;
  const text = `%${escapeLike(search)}%`;
  const digits = search.replace(/\D/g, '');
  const national = digits.replace(/^0+/, '');
  return or(
    ilike(l.name, text),
    ilike(l.company, text),
    ilike(l.phone, text),
    digits ? ilike(l.phone, `%${digits}%`) : undefined,
    national && national !== digits ? ilike(l.phone, `%${national}%`) : undefined,
  );
}
