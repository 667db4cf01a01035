// Invitations to a workspace for an e-mail with no account yet. Each has a single-use link (invitation-token.ts)
// that expires; the signed-in user with that address accepts it and joins at its role. Signing up with the
// address joins nothing: addresses are not verified, the link reaching the mailbox is the proof.
import 'server-only';
import { and, eq, isNull, lte, or } from 'drizzle-orm';
import { schema, type Db, type Tx } from '@/db';
import { AppError, conflict, notFound } from '@/lib/errors';
import { recordAudit } from '@/lib/services/audit';
import { isUuid } from '@/lib/services/campaigns/get-campaign-or-throw';
import type { WorkspaceRole } from '@/shared/workspace-roles';
import { INVITATION_TTL_MS, invitationTokenHash, newInvitationToken } from './invitation-token';

const i = schema.workspaceInvitations;
const m = schema.workspaceMembers;
const w = schema.workspaces;

/** An invitation as lists and answers show it: never its token or hash. */
export const invitationColumns = { id: i.id, email: i.email, role: i.role, invitedAt: i.createdAt, expiresAt: i.expiresAt };

/**
 * Records an invitation in the caller's transaction and returns it with its token (for the link, this once).
 * An open invitation for the address whose link has expired, or one from before links, gives way to the new
 * one; a live one is a 409.
 */
export async function createInvitation(tx: Tx, { workspaceId, email, role, invitedBy, now }: { workspaceId: string; email: string; role: WorkspaceRole; invitedBy: string; now: Date }) {
  await tx.delete(i).where(and(eq(i.workspaceId, workspaceId), eq(i.email, email), isNull(i.acceptedAt), or(isNull(i.tokenHash), lte(i.expiresAt, now))));
  const { token, tokenHash } = newInvitationToken();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
  const [invitation] = await tx.insert(i).values({ workspaceId, email, role, invitedBy, createdAt: now, tokenHash, expiresAt }).onConflictDoNothing().returning(invitationColumns);
  if (!invitation) throw conflict(`${email} is already invited`, { email: 'is already invited' });
  return { invitation: { ...invitation, expiresAt }, token };
}

/**
 * The signed-in user accepts the invitation their link carries: 404 for a token that names none (mistyped, or
 * revoked), 403 naming the address when it is another user's (before anything else, so a stranger learns nothing
 * of its workspace or state), 409 once used or expired. The invitation row is locked, so two accepts at once join
 * once. The user joins at its role (a member already keeps their role) and acts in the workspace from now on.
 */
export async function acceptInvitation(db: Db, { user, token, now }: { user: { id: string; email: string }; token: string; now: Date }) {
  return db.transaction(async (tx) => {
    const [invitation] = await tx
      .select({ id: i.id, workspaceId: i.workspaceId, email: i.email, role: i.role, acceptedAt: i.acceptedAt, expiresAt: i.expiresAt })
      .from(i)
      .where(eq(i.tokenHash, invitationTokenHash(token)))
      .limit(1)
      .for('update');
    if (!invitation) throw notFound('Invitation');
    if (invitation.email !== user.email.trim().toLowerCase()) {
      throw new AppError('forbidden', `This invitation is for ${invitation.email}; you are signed in as ${user.email}. Sign in as ${invitation.email} to accept it.`, { token: `is for ${invitation.email}` });
    }
    if (invitation.acceptedAt) throw conflict('This invitation has already been used', { token: 'has been used' });
    if (!invitation.expiresAt || invitation.expiresAt <= now) throw conflict('This invitation has expired: ask the workspace owner for a new one', { token: 'has expired' });

    const { workspaceId } = invitation;
    const [joined] = await tx.insert(m).values({ workspaceId, userId: user.id, role: invitation.role, activatedAt: now, createdAt: now }).onConflictDoNothing().returning({ role: m.role });
    const [member] = joined ? [joined] : await tx.update(m).set({ activatedAt: now }).where(and(eq(m.workspaceId, workspaceId), eq(m.userId, user.id))).returning({ role: m.role });
    await tx.update(i).set({ acceptedAt: now }).where(eq(i.id, invitation.id));
    if (joined) await recordAudit(tx, { actorId: user.id, campaignId: null, workspaceId, action: 'member.joined', details: { workspaceId, userId: user.id, role: invitation.role, invitationId: invitation.id }, at: now });
    const [workspace] = await tx.select({ id: w.id, name: w.name }).from(w).where(eq(w.id, workspaceId));
    return { joined: Boolean(joined), workspace: { ...workspace, role: member.role, active: true as const } };
  });
}

/** Revokes an open invitation of this workspace (its link then answers 404); 404 for another workspace's or an accepted one. */
export async function revokeInvitation(db: Db, { workspaceId, actorId, invitationId, now }: { workspaceId: string; actorId: string; invitationId: string; now: Date }) {
  if (!isUuid(invitationId)) throw notFound('Invitation');
  return db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(i)
      .where(and(eq(i.id, invitationId), eq(i.workspaceId, workspaceId), isNull(i.acceptedAt)))
      .returning({ id: i.id, email: i.email, role: i.role });
    if (!gone) throw notFound('Invitation');
    await recordAudit(tx, { actorId, campaignId: null, workspaceId, action: 'member.invitation_revoked', details: { workspaceId, invitationId, email: gone.email, role: gone.role }, at: now });
    return { revoked: true as const, id: gone.id };
  });
}
