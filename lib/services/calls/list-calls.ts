import { and, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { schema, type Queryable } from '@/db';
import { notFound } from '@/lib/errors';
import { isUuid } from '@/lib/services/campaigns/get-campaign-or-throw';
import { callStatuses } from '@/shared/statuses';
import { cursorInstant, keysetQuery, uuidCursor } from '@/lib/services/keyset';

export const listCallsQuery = z.object({
  ...keysetQuery,
  status: z.enum(callStatuses).optional(),
  outcome: z.string().trim().min(1).max(40).optional(),
});
export type ListCallsQuery = z.infer<typeof listCallsQuery>;

const c = schema.campaignCalls;
export const callColumns = {
  id: c.id,
  campaignId: c.campaignId,
  leadId: c.leadId,
  leadName: schema.leads.name,
  phone: c.phone,
  attemptNumber: c.attemptNumber,
  status: c.status,
  outcome: c.outcome,
  outcomeNote: c.outcomeNote,
  durationSeconds: c.durationSeconds,
  score: c.score,
  cost: c.cost,
  dialedAt: c.dialedAt,
  answeredAt: c.answeredAt,
  endedAt: c.endedAt,
  createdAt: c.createdAt,
};

/**
 * A campaign's calls, newest first, if the campaign is the workspace's. By cursor (`cursor`, `limit`; `nextCursor`
 * leads on) unless a `page` number is asked for (OFFSET, kept for clients that number pages). `total` comes from the
 * campaign's call rollups (migration 0018), by status and outcome: a few rows, where a count(*) on a campaign of
 * 1.5 M calls cost far more than the page. The page and the ownership check (with the total, one statement) go side
 * by side: a page of another workspace's campaign is read but never returned, so the answer costs one round trip.
 */
export async function listCalls(db: Queryable, { workspaceId, campaignId, status, outcome, page, pageSize, limit, cursor }: { workspaceId: string; campaignId: string } & ListCallsQuery) {
  if (!isUuid(campaignId)) throw notFound('Campaign');
  const size = limit ?? pageSize;
  const where = and(eq(c.campaignId, campaignId), status ? eq(c.status, status) : undefined, outcome ? eq(c.outcome, outcome) : undefined);
  const byPage = page !== undefined && !cursor;
  const rows = db
    .select({ ...callColumns, cursorAt: cursorInstant(c.createdAt) })
    .from(c)
    .innerJoin(schema.leads, eq(schema.leads.id, c.leadId))
    .where(cursor ? and(where, uuidCursor.after(c.createdAt, c.id, cursor)) : where)
    .orderBy(desc(c.createdAt), desc(c.id))
    .limit(size + 1);
  const k = schema.campaignCallCounts;
  const counted = and(eq(k.campaignId, schema.campaigns.id), status ? eq(k.status, status) : undefined, outcome ? eq(k.outcome, outcome) : undefined);
  const owned = db
    .select({ total: sql<string | null>`(select sum(${k.calls}) from ${k} where ${counted})` })
    .from(schema.campaigns)
    .where(and(eq(schema.campaigns.id, campaignId), eq(schema.campaigns.workspaceId, workspaceId)))
    .limit(1);
  const [found, [campaign]] = await Promise.all([byPage ? rows.offset((page - 1) * size) : rows, owned]);
  if (!campaign) throw notFound('Campaign');
  const { rows: items, nextCursor } = uuidCursor.page(found, size);
  return { items, ...(byPage ? { page } : {}), pageSize: size, total: Number(campaign.total ?? 0), nextCursor };
}
