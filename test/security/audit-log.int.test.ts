// The audit log through the real routes: every mutating action leaves a row in the workspace's trail with
// the right actor (null for the engine), rows outlive their campaign, GET /api/audit answers owners only,
// never lists another workspace's rows, and its cursor walks every row exactly once, newest first.
import { and, desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { schema } from '@/db';
import { POST as authPost } from '@/app/api/auth/[...all]/route';
import { GET as auditRoute } from '@/app/api/audit/route';
import { POST as listenToken } from '@/app/api/calls/[id]/listen-token/route';
import { GET as callsExport } from '@/app/api/campaigns/[id]/calls/export/route';
import { POST as cloneCampaign } from '@/app/api/campaigns/[id]/clone/route';
import { GET as complianceExport } from '@/app/api/campaigns/[id]/compliance/export/route';
import { PATCH as editLead } from '@/app/api/campaigns/[id]/leads/[leadId]/route';
import { GET as leadsExport } from '@/app/api/campaigns/[id]/leads/export/route';
import { POST as addLead } from '@/app/api/campaigns/[id]/leads/route';
import { POST as uploadLeads } from '@/app/api/campaigns/[id]/leads/upload/route';
import { DELETE as deleteCampaign, PATCH as updateCampaign } from '@/app/api/campaigns/[id]/route';
import { POST as createCampaignRoute } from '@/app/api/campaigns/route';
import { DELETE as dncDelete, POST as dncPost } from '@/app/api/dnc/route';
import { DELETE as eraseLead } from '@/app/api/leads/[id]/personal-data/route';
import { DELETE as removeMember, PATCH as changeRole } from '@/app/api/team/members/[userId]/route';
import { POST as addMember } from '@/app/api/team/members/route';
import { POST as acceptInvitation } from '@/app/api/invitations/accept/route';
import { DELETE as deleteWebhook, PATCH as updateWebhook } from '@/app/api/webhooks/[id]/route';
import { POST as createWebhook } from '@/app/api/webhooks/route';
import { PATCH as renameWorkspace } from '@/app/api/workspaces/[id]/route';
import { env } from '@/lib/env';
import { engineTransition } from '@/lib/services/campaigns';
import { BASE, call, signInCookie, signUp, validCampaign, type TestUser, campaignAction, apiFixtures } from '@/test/fixtures';

const { db, users: [owner, manager, other] } = apiFixtures('Owner', 'Manager', 'Other');
let campaignId: string;
let leadId: string;
let callId: string;
let webhookId: string;
let invitationToken: string;
let joiner: TestUser;

const inWorkspace = () => ({ 'x-workspace-id': owner.workspaceId });
const asManager = (opts: Parameters<typeof call>[1]) => ({ ...opts, token: manager.token, headers: { ...inWorkspace(), ...opts.headers } });

function csvForm(csv: string): FormData {
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'upload.csv');
  return form;
}

async function wrongPassword(email: string) {
  return authPost(new Request(`${BASE}/api/auth/sign-in/email`, { method: 'POST', headers: { 'content-type': 'application/json', origin: BASE }, body: JSON.stringify({ email, password: 'not-the-password' }) }));
}

type Step = { action: string; actor: () => TestUser | null; run: () => Promise<unknown>; details?: () => Record<string, unknown> };

// In order: each step's request goes through the real route (the engine's own pause through its service).
const steps: Step[] = [
  { action: 'member.added', actor: () => owner, run: () => call(addMember, { path: '/api/team/members', method: 'POST', token: owner.token, body: { email: manager.email, role: 'viewer' } }) },
  { action: 'member.role_changed', actor: () => owner, run: () => call(changeRole, { path: `/api/team/members/${manager.id}`, method: 'PATCH', token: owner.token, params: { userId: manager.id }, body: { role: 'manager' } }), details: () => ({ from: 'viewer', to: 'manager' }) },
  {
    action: 'member.invited',
    actor: () => owner,
    run: async () => {
      const res = await call(addMember, { path: '/api/team/members', method: 'POST', token: owner.token, body: { email: 'not-yet-signed-up@example.com', role: 'viewer' } });
      invitationToken = new URL(res.body.joinUrl).searchParams.get('token')!;
      return res;
    },
  },
  {
    action: 'member.joined',
    actor: () => joiner,
    run: async () => {
      joiner = await signUp('Joiner', 'not-yet-signed-up@example.com');
      return call(acceptInvitation, { path: '/api/invitations/accept', method: 'POST', token: joiner.token, body: { token: invitationToken } });
    },
    details: () => ({ userId: joiner.id, role: 'viewer' }),
  },
  {
    action: 'workspace.renamed',
    actor: () => owner,
    run: () => call(renameWorkspace, { path: `/api/workspaces/${owner.workspaceId}`, method: 'PATCH', token: owner.token, params: { id: owner.workspaceId }, body: { name: 'Olive HQ' } }),
    details: () => ({ workspaceId: owner.workspaceId, to: 'Olive HQ' }),
  },
  {
    action: 'campaign.created',
    actor: () => manager,
    run: async () => {
      const res = await call(createCampaignRoute, asManager({ path: '/api/campaigns', method: 'POST', body: validCampaign }));
      campaignId = res.body.id;
    },
  },
  {
    action: 'campaign.updated',
    actor: () => manager,
    run: () => call(updateCampaign, asManager({ path: `/api/campaigns/${campaignId}`, method: 'PATCH', params: { id: campaignId }, body: { name: 'Renamed', maxConcurrentCalls: 2, description: validCampaign.description } })),
    // Only the fields that changed, each before and after (description was sent unchanged).
    details: () => ({ fields: ['maxConcurrentCalls', 'name'], before: { maxConcurrentCalls: 5, name: 'Spring outreach' }, after: { maxConcurrentCalls: 2, name: 'Renamed' } }),
  },
  { action: 'campaign.cloned', actor: () => manager, run: () => call(cloneCampaign, asManager({ path: `/api/campaigns/${campaignId}/clone`, method: 'POST', params: { id: campaignId }, body: {} })) },
  {
    action: 'lead.added',
    actor: () => manager,
    run: async () => {
      const res = await call(addLead, asManager({ path: `/api/campaigns/${campaignId}/leads`, method: 'POST', params: { id: campaignId }, body: { name: 'Ada', phone: '+14155550100' } }));
      leadId = res.body.id;
    },
  },
  { action: 'lead.updated', actor: () => manager, run: () => call(editLead, asManager({ path: `/api/campaigns/${campaignId}/leads/${leadId}`, method: 'PATCH', params: { id: campaignId, leadId }, body: { name: 'Ada L.' } })), details: () => ({ leadId, fields: ['name'] }) },
  { action: 'leads.imported', actor: () => manager, run: () => call(uploadLeads, asManager({ path: `/api/campaigns/${campaignId}/leads/upload`, method: 'POST', params: { id: campaignId }, body: csvForm('name,phone\nBo,+14155550101\nCy,+14155550102\n') })) },
  { action: 'dnc.added', actor: () => manager, run: () => call(dncPost, asManager({ path: '/api/dnc', method: 'POST', body: { phone: '+14155550190' } })) },
  { action: 'dnc.removed', actor: () => manager, run: () => call(dncDelete, asManager({ path: '/api/dnc?phone=%2B14155550190', method: 'DELETE' })) },
  { action: 'dnc.imported', actor: () => manager, run: () => call(dncPost, asManager({ path: '/api/dnc', method: 'POST', body: csvForm('phone\n+14155550191\n') })) },
  { action: 'campaign.start', actor: () => manager, run: () => campaignAction(manager, campaignId, 'start', { workspaceId: owner.workspaceId }) },
  { action: 'campaign.pause', actor: () => manager, run: () => campaignAction(manager, campaignId, 'pause', { workspaceId: owner.workspaceId }) },
  { action: 'campaign.resume', actor: () => manager, run: () => campaignAction(manager, campaignId, 'resume', { workspaceId: owner.workspaceId }) },
  { action: 'campaign.paused', actor: () => null, run: () => engineTransition(db.db, { campaignId, from: 'active', to: 'paused', reason: 'Paused: the budget is spent', now: new Date() }) },
  { action: 'calls.exported', actor: () => manager, run: () => call(callsExport, asManager({ path: `/api/campaigns/${campaignId}/calls/export`, params: { id: campaignId } })) },
  { action: 'leads.exported', actor: () => manager, run: () => call(leadsExport, asManager({ path: `/api/campaigns/${campaignId}/leads/export`, params: { id: campaignId } })) },
  { action: 'compliance.exported', actor: () => manager, run: () => call(complianceExport, asManager({ path: `/api/campaigns/${campaignId}/compliance/export`, params: { id: campaignId } })) },
  {
    action: 'call.listen_in',
    actor: () => manager,
    run: async () => {
      const [row] = await db.db.insert(schema.campaignCalls).values({ campaignId, leadId, attemptNumber: 1, phone: '+14155550100', status: 'in_progress', roomName: 'call-audit' }).returning();
      callId = row.id;
      return call(listenToken, asManager({ path: `/api/calls/${callId}/listen-token`, method: 'POST', params: { id: callId } }));
    },
    details: () => ({ callId, leadId }),
  },
  { action: 'lead.erased', actor: () => manager, run: () => call(eraseLead, asManager({ path: `/api/leads/${leadId}/personal-data`, method: 'DELETE', params: { id: leadId } })) },
  { action: 'campaign.stop', actor: () => manager, run: () => campaignAction(manager, campaignId, 'stop', { workspaceId: owner.workspaceId }) },
  { action: 'campaign.deleted', actor: () => manager, run: () => call(deleteCampaign, asManager({ path: `/api/campaigns/${campaignId}`, method: 'DELETE', params: { id: campaignId } })) },
  {
    action: 'webhook.created',
    actor: () => owner,
    run: async () => {
      const saved = env.WEBHOOKS_ALLOW_PRIVATE;
      env.WEBHOOKS_ALLOW_PRIVATE = true;
      try {
        const res = await call(createWebhook, { path: '/api/webhooks', method: 'POST', token: owner.token, body: { url: 'http://127.0.0.1:9/hook', events: ['call.ended'] } });
        webhookId = res.body.id;
        return res;
      } finally {
        env.WEBHOOKS_ALLOW_PRIVATE = saved;
      }
    },
  },
  { action: 'webhook.updated', actor: () => owner, run: () => call(updateWebhook, { path: `/api/webhooks/${webhookId}`, method: 'PATCH', token: owner.token, params: { id: webhookId }, body: { description: 'CRM' } }) },
  { action: 'webhook.deleted', actor: () => owner, run: () => call(deleteWebhook, { path: `/api/webhooks/${webhookId}`, method: 'DELETE', token: owner.token, params: { id: webhookId } }) },
  { action: 'auth.sign_in', actor: () => owner, run: () => signInCookie(owner) },
  { action: 'auth.sign_in_failed', actor: () => owner, run: async () => {
      expect((await wrongPassword(owner.email)).status).toBe(401);
    },
    details: () => ({ reason: 'wrong_credentials' }) },
];

// A member removed last: their earlier rows stay theirs.
const removal: Step = { action: 'member.removed', actor: () => owner, run: () => call(removeMember, { path: `/api/team/members/${manager.id}`, method: 'DELETE', token: owner.token, params: { userId: manager.id } }) };

async function newestRow(action: string) {
  const [row] = await db.db
    .select()
    .from(schema.auditLog)
    .where(and(eq(schema.auditLog.workspaceId, owner.workspaceId), eq(schema.auditLog.action, action)))
    .orderBy(desc(schema.auditLog.id))
    .limit(1);
  return row;
}

const audit = (user: TestUser, query = '', headers: Record<string, string> = {}) => call(auditRoute, { path: `/api/audit${query}`, token: user.token, headers });

describe('audit log', () => {
  it.each([...steps, removal].map((s) => [s.action, s] as const))('%s is recorded in the workspace with its actor', async (_action, step) => {
    const result = await step.run();
    const answer = result as { status?: number; body?: unknown } | undefined;
    if (typeof answer?.status === 'number') expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(300);
    const row = await newestRow(step.action);
    expect(row, `no ${step.action} row`).toBeDefined();
    expect(row.actorId).toBe(step.actor()?.id ?? null);
    if (step.details) expect(row.details).toMatchObject(step.details());
  });

  it('a failed sign-in never stores the password; one naming no account joins no workspace', async () => {
    const rows = await db.db.select().from(schema.auditLog).where(eq(schema.auditLog.action, 'auth.sign_in_failed'));
    expect(JSON.stringify(rows)).not.toContain('not-the-password');
    await wrongPassword('nobody-here@example.com');
    const [unknown] = await db.db.select().from(schema.auditLog).where(eq(schema.auditLog.action, 'auth.sign_in_failed')).orderBy(desc(schema.auditLog.id)).limit(1);
    expect(unknown).toMatchObject({ actorId: null, workspaceId: null });
    expect(JSON.stringify(unknown)).not.toContain('nobody-here');
  });

  it("a deleted campaign's rows are kept, and listed with the campaign's id", async () => {
    const kept = await db.db.select().from(schema.auditLog).where(eq(schema.auditLog.campaignId, campaignId));
    expect(kept.map((r) => r.action)).toEqual(expect.arrayContaining(['campaign.created', 'campaign.updated', 'lead.added', 'campaign.start', 'campaign.paused', 'call.listen_in', 'campaign.deleted']));
    const res = await audit(owner, `?campaignId=${campaignId}&limit=200`);
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(kept.length);
    expect(res.body.items[0]).toMatchObject({ action: 'campaign.deleted', campaign: { id: campaignId, name: null }, actor: { id: manager.id, email: manager.email } });
  });

  it('the owner reads the trail; a manager or viewer gets 403 naming the role', async () => {
    const res = await audit(owner, '?limit=200');
    expect(res.status).toBe(200);
    const actions = new Set(res.body.items.map((i: { action: string }) => i.action));
    for (const step of [...steps, removal]) expect(actions.has(step.action), step.action).toBe(true);
    expect(res.body.items.find((i: { action: string }) => i.action === 'campaign.paused').actor).toBeNull();

    await call(addMember, { path: '/api/team/members', method: 'POST', token: owner.token, body: { email: manager.email, role: 'manager' } });
    const denied = await audit(manager, '', inWorkspace());
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toBe('This needs the owner role in this workspace; you are a manager');
  });

  it("another workspace's rows are never listed", async () => {
    const own = await audit(other, '?limit=200');
    expect(own.status).toBe(200);
    // Their own trail holds their sign-up's nothing but their own rows: none of the owner's workspace.
    const ids = new Set((await db.db.select({ id: schema.auditLog.id }).from(schema.auditLog).where(eq(schema.auditLog.workspaceId, owner.workspaceId))).map((r) => r.id));
    expect(own.body.items.filter((i: { id: number }) => ids.has(i.id))).toEqual([]);
    // Filtering by the owner's campaign or the owner as actor finds nothing either.
    expect((await audit(other, `?campaignId=${campaignId}`)).body.items).toEqual([]);
    expect((await audit(other, `?actor=${owner.id}`)).body.items).toEqual([]);
    // Naming the owner's workspace: not a member, 404.
    expect((await audit(other, '', inWorkspace())).status).toBe(404);
  });

  it('filters by action and by actor (id or email)', async () => {
    const byAction = await audit(owner, '?action=campaign.pause');
    expect(byAction.body.items.map((i: { action: string }) => i.action)).toEqual(['campaign.pause']);
    const byEmail = await audit(owner, `?actor=${encodeURIComponent(manager.email)}&limit=200`);
    const byId = await audit(owner, `?actor=${manager.id}&limit=200`);
    expect(byEmail.body.items.length).toBeGreaterThan(10);
    expect(byEmail.body.items).toEqual(byId.body.items);
    expect(byId.body.items.every((i: { actor: { id: string } }) => i.actor.id === manager.id)).toBe(true);
  });

  it('bad query parameters are a 400 naming the parameter', async () => {
    for (const [query, field] of [
      ['?action=campaign.exploded', 'action'],
      ['?campaignId=nope', 'campaignId'],
      ['?cursor=bm90LWEtY3Vyc29y', 'cursor'],
      ['?limit=0', 'limit'],
    ] as const) {
      const res = await audit(owner, query);
      expect(res.status, query).toBe(400);
      expect(Object.keys(res.body.error.fields ?? {}), query).toContain(field);
    }
  });

  it('the cursor walks every row exactly once, newest first, rows sharing a time included', async () => {
    // Ten rows at one instant: the id breaks the tie.
    const at = new Date('2026-01-01T00:00:00Z');
    await db.db.insert(schema.auditLog).values(Array.from({ length: 10 }, () => ({ workspaceId: owner.workspaceId, actorId: owner.id, campaignId: null, action: 'dnc.added', details: {}, createdAt: at })));
    const all = await db.db.select({ id: schema.auditLog.id }).from(schema.auditLog).where(eq(schema.auditLog.workspaceId, owner.workspaceId)).orderBy(desc(schema.auditLog.createdAt), desc(schema.auditLog.id));
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { status: number; body: { items: { id: number }[]; nextCursor: string | null } } = await audit(owner, `?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((i) => i.id));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor && pages < 100);
    expect(seen).toEqual(all.map((r) => r.id));
    expect(pages).toBe(Math.ceil(all.length / 3));
  });
});
