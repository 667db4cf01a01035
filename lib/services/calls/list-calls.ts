import { and, count, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema, type Queryable } from '@/db';
import { pagination } from '@/lib/services/campaigns/schemas';

export const callStatuses = ['pending', 'calling', 'in_progress', 'completed', 'failed', 'no_answer', 'busy'] as const;

export const listCallsQuery = z.object({
  ...pagination,
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

/** A campaign's calls, newest first (the caller has checked the campaign is the user's). */
export async function listCalls(db: Queryable, { campaignId, status, outcome, page, pageSize }: { campaignId: string } & ListCallsQuery) {
  const where = and(eq(c.campaignId, campaignId), status ? eq(c.status, status) : undefined, outcome ? eq(c.outcome, outcome) : undefined);
  const [items, [{ total }]] = await Promise.all([
    db
      .select(callColumns)
      .from(c)
      .innerJoin(schema.leads, eq(schema.leads.id, c.leadId))
      .where(where)
      .orderBy(desc(c.createdAt), desc(c.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(c).where(where),
  ]);
  return { items, page, pageSize, total };
}
