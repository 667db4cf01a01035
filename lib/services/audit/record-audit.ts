import { sql } from 'drizzle-orm';
import { schema, type Queryable } from '@/db';
import type { AuditAction } from '@/shared/audit-actions';

export type AuditEntry = {
  /** The user (or API key) that acted; null when the engine acted on its own. */
  actorId: string | null;
  campaignId: string | null;
  /** The workspace whose trail this joins; when left out, the campaign's workspace, else the actor's personal one. */
  workspaceId?: string | null;
  action: AuditAction;
  details?: Record<string, unknown>;
  at: Date;
};

/** Appends one row to the audit log; pass the transaction of the change it records, so both land or neither. */
export async function recordAudit(db: Queryable, entry: AuditEntry) {
  const workspaceId =
    entry.workspaceId ??
    sql`coalesce(
      (select ${schema.campaigns.workspaceId} from ${schema.campaigns} where ${schema.campaigns.id} = ${entry.campaignId}::uuid),
      (select ${schema.workspaces.id} from ${schema.workspaces} where ${schema.workspaces.personalOf} = ${entry.actorId}::text)
    )`;
  await db.insert(schema.auditLog).values({
    workspaceId,
    actorId: entry.actorId,
    campaignId: entry.campaignId,
    action: entry.action,
    details: entry.details ?? null,
    createdAt: entry.at,
  });
}
