import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { schema, type Queryable } from '@/db';
import { AUDIT_ACTIONS } from '@/shared/audit-actions';

const a = schema.auditLog;
const instantShape = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

type AuditCursor = { at: string; id: number };

/** The position after a row, opaque to clients: its created_at to the microsecond and its id. */
function encodeCursor({ at, id }: AuditCursor): string {
  return Buffer.from(`${at}|${id}`).toString('base64url');
}

function decodeCursor(cursor: string): AuditCursor | null {
  const [at, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (rest.length > 0 || !instantShape.test(at ?? '') || !/^\d{1,18}$/.test(id ?? '')) return null;
  return { at, id: Number(id) };
}

/** GET /api/audit's query: filters, then `cursor` (a previous page's nextCursor) and `limit`. */
export const listAuditQuery = z.object({
  campaignId: z.uuid({ message: 'campaignId is not a valid id' }).optional(),
  /** A user's id (or an API key's), or a user's email. */
  actor: z.string().trim().min(1).max(320).optional(),
  action: z.enum(AUDIT_ACTIONS, { message: 'action is not an audit action' }).optional(),
  cursor: z
    .string()
    .max(200)
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === '') return undefined;
      const cursor = decodeCursor(value);
      if (!cursor) {
        ctx.addIssue({ code: 'custom', message: 'not a cursor this API returned' });
        return z.NEVER;
      }
      return cursor;
    }),
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
  if (query.cursor) where.push(sql`(${a.createdAt}, ${a.id}) < (${query.cursor.at}::timestamptz, ${query.cursor.id})`);
  const rows = await db
    .select({
      id: a.id,
      cursorAt: sql<string>`to_char(${a.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
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
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      id: r.id,
      at: new Date(r.createdAt).toISOString(),
      action: r.action,
      actor: r.actorId ? { id: r.actorId, name: r.actorName, email: r.actorEmail } : null,
      campaign: r.campaignId ? { id: r.campaignId, name: r.campaignName } : null,
      details: r.details,
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.cursorAt, id: last.id }) : null,
  };
}
