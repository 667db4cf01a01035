import { and, count, desc, eq, getTableColumns, ilike, or, type SQL } from 'drizzle-orm';
import { schema, type Queryable } from '@/db';
import { getCampaignOrThrow } from '@/lib/services/campaigns/get-campaign-or-throw';
import { afterCursor, cursorInstant, keysetPage } from '@/lib/services/campaigns/keyset';
import { leadCounterOf, readLeadCounts } from '@/lib/services/campaigns/lead-counts';
import type { LeadStatus } from '@/shared/statuses';
import { escapeLike } from './escape-like';
import { presentLead } from './present-lead';
import type { ListLeadsQuery } from './schemas';


/**
 * A page of the campaign's leads, newest first. By cursor (`cursor`, `limit`; `nextCursor` leads on) unless a `page`
 * number is asked for (OFFSET, kept for clients that number pages). `total` comes from the campaign's lead counters
 * (one row) unless a search is given; a search's total is counted on its first page only.
 */
export async function listLeads(db: Queryable, { workspaceId, campaignId, page, pageSize, limit, cursor, search, status }: { workspaceId: string; campaignId: string } & ListLeadsQuery) {
  const campaign = await getCampaignOrThrow(db, { workspaceId, campaignId });
  const l = schema.leads;
  const size = limit ?? pageSize;
  const where = and(eq(l.campaignId, campaign.id), status ? eq(l.status, status) : undefined, search ? matches(search) : undefined);
  const byPage = page !== undefined && !cursor;
  const rows = db
    .select({ ...getTableColumns(l), cursorAt: cursorInstant(l.createdAt) })
    .from(l)
    .where(cursor ? and(where, afterCursor(l.createdAt, l.id, cursor)) : where)
    .orderBy(desc(l.createdAt), desc(l.id))
    .limit(size + 1);
  const [found, total] = await Promise.all([byPage ? rows.offset((page - 1) * size) : rows, leadTotal(db, campaign.id, { status, search, counted: byPage || !cursor, where })]);
  const { rows: items, nextCursor } = keysetPage(found, size);
  return { items: items.map(presentLead), ...(byPage ? { page } : {}), pageSize: size, total, nextCursor };
}

async function leadTotal(db: Queryable, campaignId: string, { status, search, counted, where }: { status?: LeadStatus; search?: string; counted: boolean; where: SQL | undefined }): Promise<number | null> {
  if (!search) {
    const counts = await readLeadCounts(db, campaignId);
    return status ? counts[leadCounterOf[status]] : counts.total;
  }
  if (!counted) return null;
  const [{ total }] = await db.select({ total: count() }).from(schema.leads).where(where);
  return total;
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
