// The user's workspaces and which one is active.
import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { schema, type Queryable } from '@/db';
import { notFound } from '@/lib/errors';
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
