import { schema, type Queryable } from '@/db';

export type AuditEntry = { actorId: string | null; campaignId: string | null; action: string; details?: Record<string, unknown>; at: Date };

export async function recordAudit(db: Queryable, entry: AuditEntry) {
  await db.insert(schema.auditLog).values({
    actorId: entry.actorId,
    campaignId: entry.campaignId,
    action: entry.action,
    details: entry.details ?? null,
    createdAt: entry.at,
  });
}
