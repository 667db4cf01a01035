// The members of a workspace and their roles. Only an owner changes them (the route says so); the last owner
// can be neither removed nor demoted (409), checked under a lock on the workspace's owner rows.
import 'server-only';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { schema, type Db, type Queryable, type Tx } from '@/db';
import { conflict, notFound } from '@/lib/errors';
import { recordAudit } from '@/lib/services/audit';
import type { WorkspaceRole } from '@/shared/workspace-roles';
import { isUuid } from '@/lib/services/campaigns/get-campaign-or-throw';
import type { AddMemberBody } from './schemas';

const m = schema.workspaceMembers;
const u = schema.users;
const i = schema.workspaceInvitations;

export async function listMembers(db: Queryable, { workspaceId }: { workspaceId: string }) {
  const [members, invitations] = await Promise.all([
    db
      .select({ userId: m.userId, email: u.email, name: u.name, role: m.role, joinedAt: m.createdAt })
      .from(m)
      .innerJoin(u, eq(u.id, m.userId))
      .where(eq(m.workspaceId, workspaceId))
      .orderBy(asc(m.createdAt), asc(u.email)),
    db
      .select({ id: i.id, email: i.email, role: i.role, invitedAt: i.createdAt })
      .from(i)
      .where(and(eq(i.workspaceId, workspaceId), isNull(i.acceptedAt)))
      .orderBy(asc(i.createdAt)),
  ]);
  return { items: members, invitations };
}

/**
 * Adds the user with this email at `role`; an email with no account yet is recorded as an invitation, which
 * its sign-up accepts. Already a member, or already invited: 409.
 */
export async function addMember(db: Db, { workspaceId, actorId, input, now }: { workspaceId: string; actorId: string; input: AddMemberBody; now: Date }) {
  const email = input.email.trim().toLowerCase();
  return db.transaction(async (tx) => {
    const [user] = await tx.select({ id: u.id, name: u.name, email: u.email }).from(u).where(sql`lower(${u.email}) = ${email}`).limit(1);
    if (!user) {
      const [invitation] = await tx.insert(i).values({ workspaceId, email, role: input.role, invitedBy: actorId, createdAt: now }).onConflictDoNothing().returning({ id: i.id, email: i.email, role: i.role, invitedAt: i.createdAt });
      if (!invitation) throw conflict(`${email} is already invited`, { email: 'is already invited' });
      await recordAudit(tx, { actorId, campaignId: null, workspaceId, action: 'member.invited', details: { workspaceId, email, role: input.role }, at: now });
      return { status: 'invited' as const, invitation };
    }
    const [member] = await tx.insert(m).values({ workspaceId, userId: user.id, role: input.role, createdAt: now }).onConflictDoNothing().returning({ userId: m.userId, role: m.role, joinedAt: m.createdAt });
    if (!member) throw conflict(`${email} is already a member`, { email: 'is already a member' });
    await recordAudit(tx, { actorId, campaignId: null, workspaceId, action: 'member.added', details: { workspaceId, userId: user.id, role: input.role }, at: now });
    return { status: 'added' as const, member: { ...member, email: user.email, name: user.name } };
  });
}

export async function updateMemberRole(db: Db, { workspaceId, actorId, userId, role, now }: { workspaceId: string; actorId: string; userId: string; role: WorkspaceRole; now: Date }) {
  return db.transaction(async (tx) => {
    const current = await lockedMember(tx, workspaceId, userId);
    if (current.role === 'owner' && role !== 'owner') await assertAnotherOwner(tx, workspaceId, userId, 'demoted');
    const [row] = await tx.update(m).set({ role }).where(and(eq(m.workspaceId, workspaceId), eq(m.userId, userId))).returning({ userId: m.userId, role: m.role });
    await recordAudit(tx, { actorId, campaignId: null, workspaceId, action: 'member.role_changed', details: { workspaceId, userId, from: current.role, to: role }, at: now });
    return row;
  });
}

export async function removeMember(db: Db, { workspaceId, actorId, userId, now }: { workspaceId: string; actorId: string; userId: string; now: Date }) {
  return db.transaction(async (tx) => {
    const current = await lockedMember(tx, workspaceId, userId);
    if (current.role === 'owner') await assertAnotherOwner(tx, workspaceId, userId, 'removed');
    await tx.delete(m).where(and(eq(m.workspaceId, workspaceId), eq(m.userId, userId)));
    await recordAudit(tx, { actorId, campaignId: null, workspaceId, action: 'member.removed', details: { workspaceId, userId, role: current.role }, at: now });
    return { removed: true as const, userId };
  });
}

/** Revokes an open invitation of this workspace (its sign-up then joins nothing); 404 for another workspace's or an accepted one. */
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

/** Locks the workspace's owner rows first (one order for every caller), then reads the member: two owners demoting each other at once cannot both succeed. */
async function lockedMember(tx: Tx, workspaceId: string, userId: string) {
  await tx.select({ userId: m.userId }).from(m).where(and(eq(m.workspaceId, workspaceId), eq(m.role, 'owner'))).orderBy(asc(m.userId)).for('update');
  const [row] = await tx.select({ role: m.role }).from(m).where(and(eq(m.workspaceId, workspaceId), eq(m.userId, userId))).limit(1).for('update');
  if (!row) throw notFound('Member');
  return row;
}

async function assertAnotherOwner(tx: Tx, workspaceId: string, userId: string, verb: 'removed' | 'demoted') {
  const [{ owners }] = await tx.select({ owners: sql<number>`count(*)::int` }).from(m).where(and(eq(m.workspaceId, workspaceId), eq(m.role, 'owner'), sql`${m.userId} <> ${userId}`));
  if (owners === 0) throw conflict(`The last owner of a workspace cannot be ${verb}: make another member an owner first`, { userId: `is the last owner` });
}
