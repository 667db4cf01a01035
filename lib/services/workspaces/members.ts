// The members of a workspace and their roles. Only an owner changes them (the route says so); the last owner
// can be neither removed nor demoted (409), checked under a lock on the workspace's owner rows.
import 'server-only';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { schema, type Db, type Queryable, type Tx } from '@/db';
import { conflict, notFound } from '@/lib/errors';
import { recordAudit } from '@/lib/services/audit';
import type { WorkspaceRole } from '@/shared/workspace-roles';
import type { WorkspaceAccess } from './access';
import { sendInvitationEmail } from './invitation-email';
import { joinLink } from './invitation-token';
import { createInvitation, invitationColumns } from './invitations';
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
      .select(invitationColumns)
      .from(i)
      .where(and(eq(i.workspaceId, workspaceId), isNull(i.acceptedAt)))
      .orderBy(asc(i.createdAt)),
  ]);
  return { items: members, invitations };
}

/**
 * Adds the user with this email at `role`. An email with no account yet gets an invitation instead: its join link
 * (on `origin`) is in this answer only, and is e-mailed once the transaction has committed, so a slow or failing
 * SMTP server holds no lock and loses no invitation. Already a member, or invited with a live link: 409.
 */
export async function addMember(
  db: Db,
  { workspace, actor, input, origin, now }: { workspace: Pick<WorkspaceAccess, 'id' | 'name'>; actor: { id: string; name: string; email: string }; input: AddMemberBody; origin: string; now: Date },
) {
  const workspaceId = workspace.id;
  const email = input.email.trim().toLowerCase();
  const result = await db.transaction(async (tx) => {
    const [user] = await tx.select({ id: u.id, name: u.name, email: u.email }).from(u).where(sql`lower(${u.email}) = ${email}`).limit(1);
    if (!user) {
      const invited = await createInvitation(tx, { workspaceId, email, role: input.role, invitedBy: actor.id, now });
      await recordAudit(tx, { actorId: actor.id, campaignId: null, workspaceId, action: 'member.invited', details: { workspaceId, email, role: input.role }, at: now });
      return { status: 'invited' as const, ...invited };
    }
    const [member] = await tx.insert(m).values({ workspaceId, userId: user.id, role: input.role, createdAt: now }).onConflictDoNothing().returning({ userId: m.userId, role: m.role, joinedAt: m.createdAt });
    if (!member) throw conflict(`${email} is already a member`, { email: 'is already a member' });
    await recordAudit(tx, { actorId: actor.id, campaignId: null, workspaceId, action: 'member.added', details: { workspaceId, userId: user.id, role: input.role }, at: now });
    return { status: 'added' as const, member: { ...member, email: user.email, name: user.name } };
  });
  if (result.status === 'added') return result;
  const { invitation, token } = result;
  const link = joinLink(origin, token);
  const sent = await sendInvitationEmail({ invitationId: invitation.id, to: invitation.email, workspaceName: workspace.name, inviter: actor, role: invitation.role, link, expiresAt: invitation.expiresAt });
  return { status: 'invited' as const, invitation, joinUrl: link, ...sent };
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
