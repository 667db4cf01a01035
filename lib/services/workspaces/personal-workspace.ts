// Every user has a personal workspace, made at sign-up (lib/auth.ts's user hook), where they are the owner.
// Sign-up joins nothing else: an e-mail address is not verified, so an invitation is accepted only through the
// link sent to it (invitations.ts).
import 'server-only';
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
