// User-declared blackouts (a state of emergency, a local ban): no calls to leads in the region while one holds.
// The claim and the check API read them through loadWorkspaceComplianceContext.
import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { schema, type Queryable } from '@/db';
import { notFound } from '@/lib/errors';
import { recordAudit } from '@/lib/services/audit';
import { isUuid } from '@/lib/services/campaigns/get-campaign-or-throw';
import type { CreateBlackoutBody } from './api-schemas';

const b = schema.complianceBlackouts;
const columns = { id: b.id, region: b.region, startsAt: b.startsAt, endsAt: b.endsAt, reason: b.reason, createdAt: b.createdAt };
type BlackoutRow = { id: string; region: string; startsAt: Date; endsAt: Date; reason: string | null; createdAt: Date };

export type Blackout = BlackoutRow & { state: 'upcoming' | 'in_force' | 'ended' };

function present(row: BlackoutRow, now: Date): Blackout {
  const t = now.getTime();
  return { ...row, state: t < row.startsAt.getTime() ? 'upcoming' : t < row.endsAt.getTime() ? 'in_force' : 'ended' };
}

/** The owner's blackouts, latest start first (a list a person reads: a few dozen, never thousands). */
export async function listBlackouts(db: Queryable, { workspaceId, now }: { workspaceId: string; now: Date }): Promise<{ items: Blackout[] }> {
  const rows = await db.select(columns).from(b).where(eq(b.workspaceId, workspaceId)).orderBy(desc(b.startsAt), desc(b.id)).limit(500);
  return { items: rows.map((r) => present(r, now)) };
}

export async function createBlackout(db: Queryable, { workspaceId, actorId, input, now }: { workspaceId: string; actorId: string; input: CreateBlackoutBody; now: Date }): Promise<Blackout> {
  const [row] = await db
    .insert(b)
    .values({ workspaceId, region: input.region, startsAt: input.startsAt, endsAt: input.endsAt, reason: input.reason?.trim() || null, createdAt: now })
    .returning(columns);
  await recordAudit(db, { actorId, campaignId: null, action: 'compliance.blackout_added', details: { id: row.id, region: row.region, startsAt: row.startsAt, endsAt: row.endsAt }, at: now });
  return present(row, now);
}

/** Someone else's blackout, or none, is the same 404. */
export async function deleteBlackout(db: Queryable, { workspaceId, actorId, id, now }: { workspaceId: string; actorId: string; id: string; now: Date }): Promise<{ deleted: true; id: string }> {
  if (!isUuid(id)) throw notFound('Blackout');
  const [row] = await db.delete(b).where(and(eq(b.id, id), eq(b.workspaceId, workspaceId))).returning({ id: b.id, region: b.region });
  if (!row) throw notFound('Blackout');
  await recordAudit(db, { actorId, campaignId: null, action: 'compliance.blackout_removed', details: { id: row.id, region: row.region }, at: now });
  return { deleted: true, id: row.id };
}
