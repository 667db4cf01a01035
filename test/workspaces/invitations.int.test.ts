// Invitations by e-mail through the real routes and a real SMTP server on 127.0.0.1 (test/smtp-stand-in.ts): the
// message on the wire names the workspace, the inviter and the role, and holds a link whose token joins the invitee
// once, at that role. Only the token's SHA-256 is stored; sign-up alone joins nothing. Refusals: another account
// 403, a wrong or revoked token 404, a used or expired one 409. A mail server down, or none configured, loses no
// invitation: the answer says no e-mail went and the link still works.
import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { schema } from '@/db';
import { POST as acceptRoute } from '@/app/api/invitations/accept/route';
import { DELETE as revokeRoute } from '@/app/api/team/invitations/[id]/route';
import { GET as listMembers, POST as addMember } from '@/app/api/team/members/route';
import { GET as listWorkspaces } from '@/app/api/workspaces/route';
import { ManualClock, setAppClock } from '@/lib/clock';
import { env } from '@/lib/env';
import { BASE, call, signUp, type TestUser, useTestDb, type TestDb } from '@/test/fixtures';
import { startSmtpStandIn, unreachableSmtpUrl } from '@/test/smtp-stand-in';

let db: TestDb;
let smtp: Awaited<ReturnType<typeof startSmtpStandIn>>;
let owner: TestUser;
const saved = { SMTP_URL: env.SMTP_URL, MAIL_FROM: env.MAIL_FROM };

beforeAll(async () => {
  db = await useTestDb();
  smtp = await startSmtpStandIn({ user: 'mailer', password: 'mail-pass' });
  owner = await signUp('Olive Owner');
});
beforeEach(() => {
  Object.assign(env, { SMTP_URL: smtp.url, MAIL_FROM: 'Invitations <invites@calls.example>' });
});
afterEach(() => setAppClock(undefined));
afterAll(async () => {
  Object.assign(env, saved);
  await smtp?.close();
  await db?.drop();
});

const newEmail = (who: string) => `${who}-${crypto.randomBytes(4).toString('hex')}@example.com`;
const invite = (email: string, role = 'manager', as: TestUser = owner) => call(addMember, { path: '/api/team/members', method: 'POST', token: as.token, body: { email, role } });
const accept = (user: TestUser, token: unknown) => call(acceptRoute, { path: '/api/invitations/accept', method: 'POST', token: user.token, body: { token } });
const tokenOf = (joinUrl: string) => new URL(joinUrl).searchParams.get('token')!;
const workspacesOf = async (user: TestUser) => (await call(listWorkspaces, { path: '/api/workspaces', token: user.token })).body.items as { id: string; role: string; active: boolean }[];

describe('an invitation e-mail', () => {
  it('arrives over SMTP from MAIL_FROM to the invitee, naming the workspace, the inviter and the role, with the one link that joins', async () => {
    const email = newEmail('ivy');
    const before = smtp.messages.length;
    const res = await invite(email.toUpperCase(), 'manager');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ status: 'invited', invitation: { email, role: 'manager' }, emailSent: true, emailError: null });
    expect(res.body.joinUrl).toMatch(new RegExp(`^${BASE}/team/join\\?token=[A-Za-z0-9_-]{43}$`));
    expect(Date.parse(res.body.invitation.expiresAt) - Date.parse(res.body.invitation.invitedAt)).toBe(7 * 24 * 3600_000);

    await expect.poll(() => smtp.messages.length).toBe(before + 1);
    const mail = smtp.messages[before];
    expect(mail.user).toBe('mailer');
    expect(mail.mailFrom).toBe('invites@calls.example');
    expect(mail.rcptTo).toEqual([email]);
    expect(mail.headers.from).toContain('<invites@calls.example>');
    expect(mail.headers.to).toBe(email);
    expect(mail.headers.subject).toBe("Olive Owner invited you to Olive Owner's workspace");
    expect(mail.body).toContain(`Olive Owner (${owner.email}) invited you to join the workspace "Olive Owner's workspace" as a manager`);
    const links = mail.body.match(/https?:\/\/\S+\/team\/join\?token=\S+/g);
    expect(links).toEqual([res.body.joinUrl]);

    // Stored only as its SHA-256: neither the row nor the member list holds the token.
    const token = tokenOf(links![0]);
    const [row] = await db.db.select().from(schema.workspaceInvitations).where(eq(schema.workspaceInvitations.id, res.body.invitation.id));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.tokenHash).toBe(crypto.createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify((await call(listMembers, { path: '/api/team/members', token: owner.token })).body)).not.toContain(token);

    // Signing up with the address joins nothing; the link does, at the role, and the workspace becomes the active one.
    const invitee = await signUp('Ivy Invitee', email);
    expect((await workspacesOf(invitee)).map((w) => w.id)).toEqual([invitee.workspaceId]);
    const joined = await accept(invitee, token);
    expect(joined.status, JSON.stringify(joined.body)).toBe(200);
    expect(joined.body).toEqual({ joined: true, workspace: { id: owner.workspaceId, name: "Olive Owner's workspace", role: 'manager', active: true } });
    expect((await workspacesOf(invitee)).find((w) => w.id === owner.workspaceId)).toMatchObject({ role: 'manager', active: true });
    const [audit] = await db.db.select().from(schema.auditLog).where(and(eq(schema.auditLog.workspaceId, owner.workspaceId), eq(schema.auditLog.action, 'member.joined')));
    expect(audit).toMatchObject({ actorId: invitee.id, details: { userId: invitee.id, role: 'manager', invitationId: res.body.invitation.id } });

    // Single use.
    const again = await accept(invitee, token);
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'conflict', message: 'This invitation has already been used', fields: { token: 'has been used' } });
    expect((await call(listMembers, { path: '/api/team/members', token: owner.token })).body.invitations.map((i: { email: string }) => i.email)).not.toContain(email);
  });
});

describe('accepting', () => {
  it('two accepts at once join once', async () => {
    const email = newEmail('twice');
    const token = tokenOf((await invite(email, 'viewer')).body.joinUrl);
    const invitee = await signUp('Twice', email);
    const answers = await Promise.all([accept(invitee, token), accept(invitee, token)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const members = await db.db.select().from(schema.workspaceMembers).where(and(eq(schema.workspaceMembers.workspaceId, owner.workspaceId), eq(schema.workspaceMembers.userId, invitee.id)));
    expect(members).toHaveLength(1);
    const joins = await db.db.select().from(schema.auditLog).where(and(eq(schema.auditLog.action, 'member.joined'), eq(schema.auditLog.actorId, invitee.id)));
    expect(joins).toHaveLength(1);
  });

  it('another account gets a 403 naming the invited address and nothing of the workspace; the link still works for its owner', async () => {
    const email = newEmail('meant');
    const token = tokenOf((await invite(email, 'viewer')).body.joinUrl);
    const stranger = await signUp('Sam Stranger');
    const refused = await accept(stranger, token);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe(`This invitation is for ${email}; you are signed in as ${stranger.email}. Sign in as ${email} to accept it.`);
    expect(JSON.stringify(refused.body)).not.toContain(owner.workspaceId);
    expect(JSON.stringify(refused.body)).not.toContain('Olive');
    expect((await workspacesOf(stranger)).map((w) => w.id)).toEqual([stranger.workspaceId]);
    const meant = await signUp('Meant', email);
    expect((await accept(meant, token)).status).toBe(200);
  });

  it('an expired link is a 409; inviting the address again sends a new link and the old one names nothing', async () => {
    const clock = new ManualClock(new Date());
    setAppClock(clock);
    const email = newEmail('late');
    const first = tokenOf((await invite(email, 'viewer')).body.joinUrl);
    expect((await invite(email, 'viewer')).status).toBe(409);
    const invitee = await signUp('Late', email);
    clock.advance(7 * 24 * 3600_000);
    const expired = await accept(invitee, first);
    expect(expired.status).toBe(409);
    expect(expired.body.error).toMatchObject({ message: 'This invitation has expired: ask the workspace owner for a new one', fields: { token: 'has expired' } });
    // Inviting again once the link has expired replaces the invitation: the old link names nothing, the new one joins.
    const fresh = newEmail('fresh');
    const old = tokenOf((await invite(fresh, 'viewer')).body.joinUrl);
    clock.advance(7 * 24 * 3600_000 + 1);
    const renewed = await invite(fresh, 'manager');
    expect(renewed.status, JSON.stringify(renewed.body)).toBe(201);
    const freshUser = await signUp('Fresh', fresh);
    expect((await accept(freshUser, old)).status).toBe(404);
    const joined = await accept(freshUser, tokenOf(renewed.body.joinUrl));
    expect(joined.status).toBe(200);
    expect(joined.body.workspace.role).toBe('manager');
  });

  it('a wrong token is a 404 and a missing one a 422 naming it', async () => {
    const someone = await signUp('Someone');
    const wrong = await accept(someone, crypto.randomBytes(32).toString('base64url'));
    expect(wrong.status).toBe(404);
    expect(wrong.body.error.message).toBe('Invitation not found');
    const missing = await accept(someone, undefined);
    expect(missing.status).toBe(422);
    expect(missing.body.error.fields).toHaveProperty('token');
  });
});

describe('revoking', () => {
  it("a revoked invitation's link is a 404; another workspace's owner cannot revoke it", async () => {
    const email = newEmail('revoked');
    const res = await invite(email, 'viewer');
    const id = res.body.invitation.id as string;
    const otherOwner = await signUp('Other Owner');
    const revoke = (user: TestUser) => call(revokeRoute, { path: `/api/team/invitations/${id}`, method: 'DELETE', token: user.token, params: { id } });
    expect((await revoke(otherOwner)).status).toBe(404);
    expect((await revoke(owner)).status).toBe(200);
    const invitee = await signUp('Revoked', email);
    expect((await accept(invitee, tokenOf(res.body.joinUrl))).status).toBe(404);
    expect((await workspacesOf(invitee)).map((w) => w.id)).toEqual([invitee.workspaceId]);
  });
});

describe('when no e-mail can go', () => {
  it('a mail server that is down: the invitation is made, the answer says the e-mail was not sent, and the link joins', async () => {
    env.SMTP_URL = await unreachableSmtpUrl();
    const email = newEmail('down');
    const res = await invite(email, 'viewer');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ status: 'invited', emailSent: false, emailError: 'send_failed' });
    expect((await call(listMembers, { path: '/api/team/members', token: owner.token })).body.invitations.map((i: { email: string }) => i.email)).toContain(email);
    const invitee = await signUp('Down', email);
    expect((await accept(invitee, tokenOf(res.body.joinUrl))).status).toBe(200);
  });

  it('no SMTP_URL: no e-mail is sent and the answer says so', async () => {
    env.SMTP_URL = undefined;
    const before = smtp.messages.length;
    const res = await invite(newEmail('quiet'), 'viewer');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'invited', emailSent: false, emailError: 'not_configured' });
    expect(res.body.joinUrl).toContain('/team/join?token=');
    // Sent mail is on the wire before the answer (the send is awaited), so none has come now.
    expect(smtp.messages.length).toBe(before);
  });
});
