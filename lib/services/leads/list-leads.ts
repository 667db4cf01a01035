import { and, asc, count, desc, eq, ilike, or, type SQL } from 'drizzle-orm';
import { schema, type Queryable } from '@/db';
import { getCampaignOrThrow } from '@/lib/services/campaigns/get-campaign-or-throw';
import { escapeLike } from './escape-like';
import { presentLead } from './present-lead';
import type { ListLeadsQuery } from './schemas';

export async function listLeads(db: Queryable, { workspaceId, campaignId, page, pageSize, search, status }: { workspaceId: string; campaignId: string } & ListLeadsQuery) {
  const campaign = await getCampaignOrThrow(db, { workspaceId, campaignId });
  const l = schema.leads;
  const where = and(eq(l.campaignId, campaign.id), status ? eq(l.status, status) : undefined, search ? matches(search) : undefined);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(l)
      .where(where)
      .orderBy(desc(l.createdAt), asc(l.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(l).where(where),
  ]);
  return { items: rows.map(presentLead), page, pageSize, total };
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
