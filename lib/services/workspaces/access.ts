// Which workspace a request acts in, and with which role: the one the X-Workspace-Id header names (the user
// must be a member, else 404 as for any resource of another workspace), else the user's active one.
import 'server-only';
import { and, desc, eq, sql } from 'drizzle-orm';
import { schema, type Queryable } from '@/db';
import { AppError, notFound } from '@/lib/errors';
import { roleAtLeast, type WorkspaceRole } from '@/shared/workspace-roles';
import { isUuid } from '@/lib/services/campaigns/get-campaign-or-throw';
import { ensurePersonalWorkspace } from './personal-workspace';

export type WorkspaceAccess = { id: string; name: string; role: WorkspaceRole };

const m = schema.workspaceMembers;
const w = schema.workspaces;
const columns = { id: w.id, name: w.name, role: m.role };

export async function resolveWorkspace(
  db: Queryable,
  { user, requested, now }: { user: { id: string; name: string; email: string }; requested?: string | null; now: Date },
): Promise<WorkspaceAccess> {
  if (requested) {
    if (!isUuid(requested)) throw notFound('Workspace');
    const [row] = await db.select(columns).from(m).innerJoin(w, eq(w.id, m.workspaceId)).where(and(eq(m.userId, user.id), eq(m.workspaceId, requested))).limit(1);
    if (!row) throw notFound('Workspace');
    return row;
  }
  const active = await activeWorkspace(db, user.id);
  if (active) return active;
  // A user from before workspaces' sign-up hook, or one whose memberships are all gone, gets their personal workspace back.
  await ensurePersonalWorkspace(db, { user, now });
  const again = await activeWorkspace(db, user.id);
  if (!again) throw new AppError('forbidden', 'You are not a member of any workspace');
  return again;
}

async function activeWorkspace(db: Queryable, userId: string): Promise<WorkspaceAccess | null> {
  const [row] = await db
    .select(columns)
    .from(m)
    .innerJoin(w, eq(w.id, m.workspaceId))
    .where(eq(m.userId, userId))
    .orderBy(sql`${m.activatedAt} desc nulls last`, desc(m.createdAt))
    .limit(1);
  return row ?? null;
}

/** 403 naming the role needed, for a member whose role is below it. */
export function assertRole(access: Pick<WorkspaceAccess, 'role'>, needed: WorkspaceRole): void {
  if (!roleAtLeast(access.role, needed)) {
    throw new AppError('forbidden', `This needs the ${needed} role in this workspace; you are a ${access.role}`, { role: `needs ${needed}` });
  }
}
