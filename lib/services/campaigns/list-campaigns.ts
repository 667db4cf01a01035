import { and, count, desc, eq } from 'drizzle-orm';
import { schema, type Queryable } from '@/db';
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
  return { items: rows.map(presentCampaign), page, pageSize, total };
}
