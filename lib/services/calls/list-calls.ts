import { and, count, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema, type Queryable } from '@/db';
import { getCampaignOrThrow } from '@/lib/services/campaigns/get-campaign-or-throw';
import { afterCursor, cursorInstant, keysetPage, keysetQuery } from '@/lib/services/campaigns/keyset';

export const callStatuses = ['pending', 'calling', 'in_progress', 'completed', 'failed', 'no_answer', 'busy'] as const;

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
 * A campaign of the workspace's calls, newest first (another workspace's campaign is a 404). By cursor (`cursor`, `limit`;
 * `nextCursor` leads on) unless a `page` number is asked for (OFFSET, kept for clients that number pages). Calls
 * have no counter, so `total` is counted only for a numbered page: on a campaign of 1.5 M calls a count costs far
 * more than the page.
 */
export async function listCalls(db: Queryable, { workspaceId, campaignId, status, outcome, page, pageSize, limit, cursor }: { workspaceId: string; campaignId: string } & ListCallsQuery) {
  await getCampaignOrThrow(db, { workspaceId, campaignId });
  const size = limit ?? pageSize;
  const where = and(eq(c.campaignId, campaignId), status ? eq(c.status, status) : undefined, outcome ? eq(c.outcome, outcome) : undefined);
  const byPage = page !== undefined && !cursor;
  const rows = db
    .select({ ...callColumns, cursorAt: cursorInstant(c.createdAt) })
    .from(c)
    .innerJoin(schema.leads, eq(schema.leads.id, c.leadId))
    .where(cursor ? and(where, afterCursor(c.createdAt, c.id, cursor)) : where)
    .orderBy(desc(c.createdAt), desc(c.id))
    .limit(size + 1);
  const [found, total] = await Promise.all([
    byPage ? rows.offset((page - 1) * size) : rows,
    byPage ? db.select({ total: count() }).from(c).where(where).then(([r]) => r.total) : Promise.resolve(null),
  ]);
  const { rows: items, nextCursor } = keysetPage(found, size);
  return { items, ...(byPage ? { page } : {}), pageSize: size, total, nextCursor };
}
