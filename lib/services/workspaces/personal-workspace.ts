// Every user has a personal workspace, made at sign-up (lib/auth.ts's user hook), where they are the owner;
// invitations recorded for their email are accepted at the same time.
import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { schema, type Queryable } from '@/db';

export function personalWorkspaceName(user: { name: string; email: string }): string {
  const who = user.name.trim() || user.email;
  return `${who}'s workspace`;
}

/**
 * Makes the user's personal workspace, with them as its owner, unless they have one already (at most one
 * however many callers race). A personal workspace the user was later removed from is not given back.
 */
export async function ensurePersonalWorkspace(db: Queryable, { user, now }: { user: { id: string; name: string; email: string }; now: Date }): Promise<void> {
  const [made] = await db
    .insert(schema.workspaces)
    .values({ name: personalWorkspaceName(user), personalOf: user.id, createdAt: now })
    .onConflictDoNothing({ target: schema.workspaces.personalOf })
    .returning({ id: schema.workspaces.id });
  if (made) await db.insert(schema.workspaceMembers).values({ workspaceId: made.id, userId: user.id, role: 'owner', activatedAt: now, createdAt: now }).onConflictDoNothing();
}

/** At sign-up: the personal workspace, then every open invitation for the user's email becomes a membership. */
export async function setUpNewUser(db: Queryable, { user, now }: { user: { id: string; name: string; email: string }; now: Date }): Promise<void> {
  await ensurePersonalWorkspace(db, { user, now });
  const i = schema.workspaceInvitations;
  const open = await db
    .update(i)
    .set({ acceptedAt: now })
    .where(and(eq(i.email, user.email.toLowerCase()), isNull(i.acceptedAt)))
    .returning({ workspaceId: i.workspaceId, role: i.role });
  if (open.length) {
    await db
      .insert(schema.workspaceMembers)
      .values(open.map((inv) => ({ workspaceId: inv.workspaceId, userId: user.id, role: inv.role, createdAt: now })))
      .onConflictDoNothing();
  }
}
