import { and, count, desc, eq } from 'drizzle-orm';
import { schema, type Queryable } from '@/db';
import { readLeadCountsOf } from './lead-counts';
import { presentCampaign } from './present';
import type { CampaignStatus } from './schemas';

export async function listCampaigns(db: Queryable, { workspaceId, status, page, pageSize }: { workspaceId: string; status?: CampaignStatus; page: number; pageSize: number }) {
  const where = and(eq(schema.campaigns.workspaceId, workspaceId), status ? eq(schema.campaigns.status, status) : undefined);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(schema.campaigns)
      .where(where)
      .orderBy(desc(schema.campaigns.createdAt), desc(schema.campaigns.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(schema.campaigns).where(where),
  ]);
  // Live counters, one row per card: a draft's card shows its leads as remaining before it ever runs.
  const counts = await readLeadCountsOf(db, rows.map((r) => r.id));
  return { items: rows.map((row) => presentCampaign(row, counts.get(row.id)!)), page, pageSize, total };
}
