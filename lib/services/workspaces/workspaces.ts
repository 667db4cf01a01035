// The user's workspaces, which one is active, and making and renaming shared ones.
import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { schema, type Db, type Queryable } from '@/db';
import { notFound } from '@/lib/errors';
import { recordAudit } from '@/lib/services/audit';
import { isUuid } from '@/lib/services/campaigns/get-campaign-or-throw';
import { resolveWorkspace } from './access';

const m = schema.workspaceMembers;
const w = schema.workspaces;

/** Every workspace the user is a member of, with their role there; `active` marks the one a request without X-Workspace-Id acts in. */
export async function listWorkspaces(db: Queryable, { user, now }: { user: { id: string; name: string; email: string }; now: Date }) {
  const active = await resolveWorkspace(db, { user, now });
  const rows = await db
    .select({ id: w.id, name: w.name, role: m.role, personal: w.personalOf, createdAt: w.createdAt })
    .from(m)
    .innerJoin(w, eq(w.id, m.workspaceId))
    .where(eq(m.userId, user.id))
    .orderBy(asc(w.createdAt), asc(w.id));
  return { items: rows.map((r) => ({ id: r.id, name: r.name, role: r.role, personal: r.personal === user.id, active: r.id === active.id, createdAt: r.createdAt })) };
}

/** Makes the workspace the user's active one (for requests without X-Workspace-Id, on every session of theirs); 404 unless a member. */
export async function activateWorkspace(db: Queryable, { userId, workspaceId, now }: { userId: string; workspaceId: string; now: Date }) {
  if (!isUuid(workspaceId)) throw notFound('Workspace');
  const [row] = await db.update(m).set({ activatedAt: now }).where(and(eq(m.userId, userId), eq(m.workspaceId, workspaceId))).returning({ workspaceId: m.workspaceId, role: m.role });
  if (!row) throw notFound('Workspace');
  return { id: row.workspaceId, role: row.role, active: true };
}

/**
 * A shared workspace (not anyone's personal one): its creator is its owner and acts in it from now on, as
 * after switching to it.
 */
export async function createWorkspace(db: Db, { user, name, now }: { user: { id: string }; name: string; now: Date }) {
  return db.transaction(async (tx) => {
    const [made] = await tx.insert(w).values({ name, createdAt: now }).returning({ id: w.id, name: w.name, createdAt: w.createdAt });
    await tx.insert(m).values({ workspaceId: made.id, userId: user.id, role: 'owner', activatedAt: now, createdAt: now });
    await recordAudit(tx, { actorId: user.id, campaignId: null, workspaceId: made.id, action: 'workspace.created', details: { workspaceId: made.id, name }, at: now });
    return { ...made, role: 'owner' as const, personal: false, active: true };
  });
}

/** Renames the workspace (the route lets owners only); the old and new names go to the audit log. */
export async function renameWorkspace(db: Db, { workspaceId, actorId, name, now }: { workspaceId: string; actorId: string; name: string; now: Date }) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select({ name: w.name }).from(w).where(eq(w.id, workspaceId)).for('update');
    if (!before) throw notFound('Workspace');
    const [row] = await tx.update(w).set({ name }).where(eq(w.id, workspaceId)).returning({ id: w.id, name: w.name });
    if (before.name !== name) await recordAudit(tx, { actorId, campaignId: null, workspaceId, action: 'workspace.renamed', details: { workspaceId, from: before.name, to: name }, at: now });
    return row;
  });
}
