// Workspaces and roles through the real routes: 401 without a session, 404 for another workspace's resources
// (or a workspace the user is not in), 403 naming the role for a write above the member's role, managers
// write, owners manage members; the last owner stays; an invitation is accepted through its link, never by
// signing up with the address; switching.
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as listWorkspaces } from '@/app/api/workspaces/route';
import { POST as activate } from '@/app/api/workspaces/[id]/activate/route';
import { GET as listMembers, POST as addMember } from '@/app/api/team/members/route';
import { PATCH as patchMember, DELETE as removeMember } from '@/app/api/team/members/[userId]/route';
import { POST as acceptInvitation } from '@/app/api/invitations/accept/route';
import { GET as listCampaigns, POST as createCampaignRoute } from '@/app/api/campaigns/route';
import { GET as getCampaign, PATCH as patchCampaign, DELETE as deleteCampaign } from '@/app/api/campaigns/[id]/route';
import { POST as addLead } from '@/app/api/campaigns/[id]/leads/add/route';
import { GET as exportCalls } from '@/app/api/campaigns/[id]/calls/export/route';
import { GET as listDnc, POST as addDnc } from '@/app/api/dnc/route';
import { call, signUp, validCampaign, type TestUser, createCampaign, campaignAction, apiFixtures } from '@/test/fixtures';

const { users: [owner, manager, viewer, stranger] } = apiFixtures('Olive Owner', 'Max Manager', 'Val Viewer', 'Sam Stranger');
let campaignId: string;
const as = (user: TestUser) => ({ token: user.token, headers: { 'x-workspace-id': owner.workspaceId } });

beforeAll(async () => {
  for (const [user, role] of [[manager, 'manager'], [viewer, 'viewer']] as const) {
    const res = await call(addMember, { path: '/api/team/members', method: 'POST', token: owner.token, body: { email: user.email.toUpperCase(), role } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ status: 'added', member: { userId: user.id, role } });
  }
  campaignId = await createCampaign(owner);
});

describe('who may do what', () => {
  it('no session is a 401 on every kind of route', async () => {
    for (const [handler, method, path] of [[listCampaigns, 'GET', '/api/campaigns'], [patchCampaign, 'PATCH', `/api/campaigns/${campaignId}`], [listWorkspaces, 'GET', '/api/workspaces'], [addMember, 'POST', '/api/team/members']] as const) {
      const res = await call(handler as never, { path, method, params: { id: campaignId }, body: method === 'GET' ? undefined : {} });
      expect(res.status, `${method} ${path}`).toBe(401);
    }
  });

  it("another workspace's campaign is a 404, and so is naming a workspace one is not a member of", async () => {
    expect((await call(getCampaign, { path: `/api/campaigns/${campaignId}`, token: stranger.token, params: { id: campaignId } })).status).toBe(404);
    expect((await call(patchCampaign, { path: `/api/campaigns/${campaignId}`, method: 'PATCH', token: stranger.token, params: { id: campaignId }, body: { name: 'x' } })).status).toBe(404);
    const named = await call(listCampaigns, { path: '/api/campaigns', ...as(stranger) });
    expect(named.status).toBe(404);
    expect(named.body.error.message).toMatch(/workspace/i);
    expect((await call(listCampaigns, { path: '/api/campaigns', token: owner.token, headers: { 'x-workspace-id': 'not-a-uuid' } })).status).toBe(404);
    // The stranger's own workspace has none of the owner's campaigns.
    expect((await call(listCampaigns, { path: '/api/campaigns', token: stranger.token })).body.total).toBe(0);
  });

  it('a viewer reads, and gets a 403 naming the role on every write, on exports and on member changes', async () => {
    expect((await call(getCampaign, { path: `/api/campaigns/${campaignId}`, ...as(viewer), params: { id: campaignId } })).status).toBe(200);
    expect((await call(listDnc, { path: '/api/dnc', ...as(viewer) })).status).toBe(200);
    expect((await call(listMembers, { path: '/api/team/members', ...as(viewer) })).status).toBe(200);
    const writes = [
      await call(patchCampaign, { path: `/api/campaigns/${campaignId}`, method: 'PATCH', ...as(viewer), params: { id: campaignId }, body: { name: 'renamed' } }),
      await call(createCampaignRoute, { path: '/api/campaigns', method: 'POST', ...as(viewer), body: validCampaign }),
      await call(addLead, { path: `/api/campaigns/${campaignId}/leads/add`, method: 'POST', ...as(viewer), params: { id: campaignId }, body: { name: 'A', phone: '+14155550100' } }),
      await call(addDnc, { path: '/api/dnc', method: 'POST', ...as(viewer), body: { phone: '+14155550101' } }),
      await campaignAction(viewer, campaignId, 'start', { workspaceId: owner.workspaceId }),
      await call(exportCalls, { path: `/api/campaigns/${campaignId}/calls/export`, ...as(viewer), params: { id: campaignId } }),
    ];
    for (const res of writes) {
      expect(res.status).toBe(403);
      expect(res.body.error.message).toBe('This needs the manager role in this workspace; you are a viewer');
    }
    const member = await call(addMember, { path: '/api/team/members', method: 'POST', ...as(viewer), body: { email: 'x@example.com', role: 'viewer' } });
    expect(member.status).toBe(403);
    expect(member.body.error.message).toMatch(/needs the owner role/);
    // Nothing was written.
    expect((await call(getCampaign, { path: `/api/campaigns/${campaignId}`, token: owner.token, params: { id: campaignId } })).body.name).toBe(validCampaign.name);
  });

  it('a manager writes campaigns, leads and the DNC list and exports, but may not manage members', async () => {
    const renamed = await call(patchCampaign, { path: `/api/campaigns/${campaignId}`, method: 'PATCH', ...as(manager), params: { id: campaignId }, body: { name: 'Managed' } });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('Managed');
    expect((await call(addLead, { path: `/api/campaigns/${campaignId}/leads/add`, method: 'POST', ...as(manager), params: { id: campaignId }, body: { name: 'A', phone: '+14155550100', consentAt: '2025-11-03T15:04:05Z', consentSource: 'form' } })).status).toBe(201);
    expect((await call(addDnc, { path: '/api/dnc', method: 'POST', ...as(manager), body: { phone: '+14155550102' } })).status).toBe(200);
    expect((await call(exportCalls, { path: `/api/campaigns/${campaignId}/calls/export`, ...as(manager), params: { id: campaignId } })).status).toBe(200);
    const made = await call(createCampaignRoute, { path: '/api/campaigns', method: 'POST', ...as(manager), body: { ...validCampaign, name: 'By the manager' } });
    expect(made.status).toBe(201);
    // The owner sees the manager's campaign: it belongs to the workspace.
    expect((await call(getCampaign, { path: `/api/campaigns/${made.body.id}`, token: owner.token, params: { id: made.body.id } })).status).toBe(200);
    expect((await call(deleteCampaign, { path: `/api/campaigns/${made.body.id}`, method: 'DELETE', ...as(manager), params: { id: made.body.id } })).status).toBe(200);
    const promote = await call(patchMember, { path: `/api/team/members/${manager.id}`, method: 'PATCH', ...as(manager), params: { userId: manager.id }, body: { role: 'owner' } });
    expect(promote.status).toBe(403);
    expect(promote.body.error.message).toBe('This needs the owner role in this workspace; you are a manager');
  });
});

describe('members', () => {
  it('the owner lists, changes and removes members; the last owner can be neither demoted nor removed (409)', async () => {
    const listed = await call(listMembers, { path: '/api/team/members', token: owner.token });
    expect(listed.status).toBe(200);
    expect(Object.fromEntries(listed.body.items.map((m: any) => [m.email, m.role]))).toEqual({ [owner.email]: 'owner', [manager.email]: 'manager', [viewer.email]: 'viewer' });

    const demoteSelf = await call(patchMember, { path: `/api/team/members/${owner.id}`, method: 'PATCH', token: owner.token, params: { userId: owner.id }, body: { role: 'manager' } });
    expect(demoteSelf.status).toBe(409);
    expect(demoteSelf.body.error.message).toMatch(/last owner/);
    expect((await call(removeMember, { path: `/api/team/members/${owner.id}`, method: 'DELETE', token: owner.token, params: { userId: owner.id } })).status).toBe(409);

    expect((await call(patchMember, { path: `/api/team/members/${viewer.id}`, method: 'PATCH', token: owner.token, params: { userId: viewer.id }, body: { role: 'boss' } })).status).toBe(422);
    expect((await call(patchMember, { path: `/api/team/members/${stranger.id}`, method: 'PATCH', token: owner.token, params: { userId: stranger.id }, body: { role: 'viewer' } })).status).toBe(404);
    expect((await call(addMember, { path: '/api/team/members', method: 'POST', token: owner.token, body: { email: viewer.email, role: 'viewer' } })).status).toBe(409);
    expect((await call(addMember, { path: '/api/team/members', method: 'POST', token: owner.token, body: { email: 'not an email', role: 'viewer' } })).status).toBe(422);

    // With a second owner, the first may step down.
    expect((await call(patchMember, { path: `/api/team/members/${manager.id}`, method: 'PATCH', token: owner.token, params: { userId: manager.id }, body: { role: 'owner' } })).body.role).toBe('owner');
    expect((await call(patchMember, { path: `/api/team/members/${manager.id}`, method: 'PATCH', token: owner.token, params: { userId: manager.id }, body: { role: 'manager' } })).body.role).toBe('manager');

    const removed = await call(removeMember, { path: `/api/team/members/${viewer.id}`, method: 'DELETE', token: owner.token, params: { userId: viewer.id } });
    expect(removed.status).toBe(200);
    // Removed: the workspace is now another workspace to them.
    expect((await call(getCampaign, { path: `/api/campaigns/${campaignId}`, ...as(viewer), params: { id: campaignId } })).status).toBe(404);
    const back = await call(addMember, { path: '/api/team/members', method: 'POST', token: owner.token, body: { email: viewer.email, role: 'viewer' } });
    expect(back.status).toBe(201);
  });

  it('an email with no account is invited; its sign-up joins nothing (the address is not verified), its link joins at the role', async () => {
    const email = `invitee-${Date.now()}@example.com`;
    const invited = await call(addMember, { path: '/api/team/members', method: 'POST', token: owner.token, body: { email, role: 'manager' } });
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({ status: 'invited', invitation: { email, role: 'manager' } });
    expect((await call(listMembers, { path: '/api/team/members', token: owner.token })).body.invitations.map((i: any) => i.email)).toContain(email);
    expect((await call(addMember, { path: '/api/team/members', method: 'POST', token: owner.token, body: { email, role: 'viewer' } })).status).toBe(409);

    const invitee = await signUp('Ivy Invitee', email);
    const workspaceIds = async () => (await call(listWorkspaces, { path: '/api/workspaces', token: invitee.token })).body.items.map((w: any) => w.id);
    expect(await workspaceIds()).toEqual([invitee.workspaceId]);
    expect((await call(getCampaign, { path: `/api/campaigns/${campaignId}`, token: invitee.token, headers: { 'x-workspace-id': owner.workspaceId }, params: { id: campaignId } })).status).toBe(404);

    const token = new URL(invited.body.joinUrl).searchParams.get('token');
    const accepted = await call(acceptInvitation, { path: '/api/invitations/accept', method: 'POST', token: invitee.token, body: { token } });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    const theirs = await call(listWorkspaces, { path: '/api/workspaces', token: invitee.token });
    const byId = Object.fromEntries(theirs.body.items.map((w: any) => [w.id, w]));
    expect(byId[invitee.workspaceId]).toMatchObject({ role: 'owner', personal: true, active: false });
    expect(byId[owner.workspaceId]).toMatchObject({ role: 'manager', personal: false, active: true });
    expect((await call(listMembers, { path: '/api/team/members', token: owner.token })).body.invitations.map((i: any) => i.email)).not.toContain(email);
  });
});

describe('the active workspace', () => {
  it('activating a workspace makes it where requests without X-Workspace-Id act; a workspace one is not in is a 404', async () => {
    expect((await call(listCampaigns, { path: '/api/campaigns', token: manager.token })).body.total).toBe(0);
    const switched = await call(activate, { path: `/api/workspaces/${owner.workspaceId}/activate`, method: 'POST', token: manager.token, params: { id: owner.workspaceId } });
    expect(switched.status).toBe(200);
    const now = await call(listCampaigns, { path: '/api/campaigns', token: manager.token });
    expect(now.body.items.map((c: any) => c.id)).toContain(campaignId);
    const listed = await call(listWorkspaces, { path: '/api/workspaces', token: manager.token });
    expect(listed.body.items.find((w: any) => w.active).id).toBe(owner.workspaceId);
    // The header still wins over the active one.
    expect((await call(listCampaigns, { path: '/api/campaigns', token: manager.token, headers: { 'x-workspace-id': manager.workspaceId } })).body.total).toBe(0);
    expect((await call(activate, { path: `/api/workspaces/${stranger.workspaceId}/activate`, method: 'POST', token: manager.token, params: { id: stranger.workspaceId } })).status).toBe(404);
  });
});
