import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { schema, type Queryable } from '@/db';
import { cursorInstant, serialCursor } from '@/lib/services/keyset';
import { AUDIT_ACTIONS } from '@/shared/audit-actions';

const a = schema.auditLog;

/** GET /api/audit's query: filters, then `cursor` (a previous page's nextCursor) and `limit`. */
export const listAuditQuery = z.object({
  campaignId: z.uuid({ message: 'campaignId is not a valid id' }).optional(),
  /** A user's id (or an API key's), or a user's email. */
  actor: z.string().trim().min(1).max(320).optional(),
  action: z.enum(AUDIT_ACTIONS, { message: 'action is not an audit action' }).optional(),
  cursor: serialCursor.query,
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListAuditQuery = z.infer<typeof listAuditQuery>;

export type AuditItem = {
  id: number;
  at: string;
  action: string;
  actor: { id: string; name: string | null; email: string | null } | null;
  campaign: { id: string; name: string | null } | null;
  details: Record<string, unknown> | null;
};

/**
 * The workspace's audit trail, newest first, one keyset page at a time: one range of the
 * (workspace_id, created_at desc, id desc) index from the cursor on. A deleted campaign's rows are still
 * listed (its name is then null), and so are a departed actor's.
 */
export async function listAudit(db: Queryable, { workspaceId, query }: { workspaceId: string; query: ListAuditQuery }): Promise<{ items: AuditItem[]; nextCursor: string | null }> {
  const where: SQL[] = [eq(a.workspaceId, workspaceId)];
  if (query.campaignId) where.push(eq(a.campaignId, query.campaignId));
  if (query.action) where.push(eq(a.action, query.action));
  if (query.actor) {
    where.push(
      query.actor.includes('@')
        ? sql`${a.actorId} in (select ${schema.users.id} from ${schema.users} where lower(${schema.users.email}) = ${query.actor.toLowerCase()})`
        : eq(a.actorId, query.actor),
    );
  }
  if (query.cursor) where.push(serialCursor.after(a.createdAt, a.id, query.cursor));
  const rows = await db
    .select({
      id: a.id,
      cursorAt: cursorInstant(a.createdAt),
      createdAt: a.createdAt,
      action: a.action,
      actorId: a.actorId,
      actorName: schema.users.name,
      actorEmail: schema.users.email,
      campaignId: a.campaignId,
      campaignName: schema.campaigns.name,
      details: a.details,
    })
    .from(a)
    .leftJoin(schema.users, eq(schema.users.id, a.actorId))
    // The campaign's name only while it is still this workspace's.
    .leftJoin(schema.campaigns, and(eq(schema.campaigns.id, a.campaignId), eq(schema.campaigns.workspaceId, workspaceId)))
    .where(and(...where))
    .orderBy(desc(a.createdAt), desc(a.id))
    .limit(query.limit + 1);
  const { rows: page, nextCursor } = serialCursor.page(rows, query.limit);
  return {
    items: page.map((r) => ({
      id: r.id,
      at: new Date(r.createdAt).toISOString(),
      action: r.action,
      actor: r.actorId ? { id: r.actorId, name: r.actorName, email: r.actorEmail } : null,
      campaign: r.campaignId ? { id: r.campaignId, name: r.campaignName } : null,
      details: r.details,
    })),
    nextCursor,
  };
}
