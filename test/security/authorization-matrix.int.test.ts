// The authorization matrix, generated from the route list: every app/api/**/route.ts and each method it
// exports must have a row in `expected` (a new route without one fails this test), and every row is driven
// through the real handler as no session (401), a user of another workspace naming this one (404), a member
// of another workspace reaching this workspace's resources (404), viewer, manager and owner (403 naming the
// role below the row's minimum, through otherwise), and an API key of each role (as its role's member, except
// that the key routes and the rows acting in no workspace are 403 to a key).
import { beforeAll, describe, expect, it } from 'vitest';
import { schema } from '@/db';
import { POST as addMember } from '@/app/api/team/members/route';
import { POST as addBlackout } from '@/app/api/compliance/blackouts/route';
import { POST as createApiKey } from '@/app/api/api-keys/route';
import { call, type TestUser, addMembers, createCampaignAnswer, createCampaign, postLead, apiFixtures } from '@/test/fixtures';
import { discoverRoutes, type Route } from '@/test/api-routes';
import { WORKSPACE_ROLES, type WorkspaceRole } from '@/shared/workspace-roles';
import { createWebhookEndpoint, sendTestWebhook } from '@/lib/services/webhooks';
import { createInvitation } from '@/lib/services/workspaces';

// `public`: the route authenticates itself (better-auth, LiveKit's signature, the agent's report token).
// `signed-in`: any signed-in user, acting in no one workspace. A role: the least role needed in the workspace.
type Access = 'public' | 'signed-in' | WorkspaceRole;
const expected: Record<string, Access> = {
  'GET /api/auth/:all': 'public',
  'POST /api/auth/:all': 'public',
  'POST /api/livekit/webhook': 'public',
  'POST /api/livekit/agent-report': 'public',
  'GET /api/openapi.json': 'public',
  // A load balancer's probe: answers anyone, reads nothing.
  'GET /api/health': 'public',
  'POST /api/health': 'public',
  'GET /api/workspaces': 'signed-in',
  'POST /api/workspaces': 'signed-in',
  'PATCH /api/workspaces/:id': 'owner',
  'POST /api/workspaces/:id/activate': 'signed-in',
  'POST /api/invitations/accept': 'signed-in',
  'GET /api/team/members': 'viewer',
  'POST /api/team/members': 'owner',
  'PATCH /api/team/members/:userId': 'owner',
  'DELETE /api/team/members/:userId': 'owner',
  'DELETE /api/team/invitations/:id': 'owner',
  'GET /api/campaigns': 'viewer',
  'POST /api/campaigns': 'manager',
  'GET /api/campaigns/:id': 'viewer',
  'PATCH /api/campaigns/:id': 'manager',
  'PUT /api/campaigns/:id': 'manager',
  'POST /api/campaigns/:id/:action': 'manager',
  'GET /api/campaigns/:id/analytics': 'viewer',
  'GET /api/campaigns/:id/progress': 'viewer',
  'GET /api/campaigns/:id/calls': 'viewer',
  'GET /api/campaigns/:id/calls/export': 'manager',
  'GET /api/campaigns/:id/compliance': 'viewer',
  'GET /api/campaigns/:id/compliance/export': 'manager',
  'GET /api/campaigns/:id/leads': 'viewer',
  'POST /api/campaigns/:id/leads/add': 'manager',
  'POST /api/campaigns/:id/leads': 'manager',
  'GET /api/campaigns/:id/leads/export': 'manager',
  'GET /api/campaigns/leads/template': 'viewer',
  'POST /api/campaigns/:id/clone': 'manager',
  'POST /api/campaigns/:id/leads/upload': 'manager',
  'PATCH /api/campaigns/:id/leads/:leadId': 'manager',
  'PUT /api/campaigns/:id/leads/:leadId': 'manager',
  'GET /api/calls/:id': 'viewer',
  'POST /api/calls/:id/listen-token': 'manager',
  'GET /api/dnc': 'viewer',
  'POST /api/dnc': 'manager',
  'DELETE /api/dnc': 'manager',
  'GET /api/compliance/blackouts': 'viewer',
  'POST /api/compliance/blackouts': 'manager',
  'DELETE /api/compliance/blackouts/:id': 'manager',
  'POST /api/compliance/check': 'viewer',
  'POST /api/qualification/preview': 'viewer',
  'DELETE /api/leads/:id/personal-data': 'manager',
  'GET /api/webhooks': 'viewer',
  'POST /api/webhooks': 'owner',
  'PATCH /api/webhooks/:id': 'owner',
  'DELETE /api/webhooks/:id': 'owner',
  'GET /api/webhooks/:id/deliveries': 'viewer',
  'POST /api/webhooks/:id/test': 'owner',
  'POST /api/webhooks/deliveries/:id/retry': 'owner',
  'DELETE /api/campaigns/:id': 'manager',
  'GET /api/audit': 'owner',
  'GET /api/api-keys': 'manager',
  'POST /api/api-keys': 'manager',
  'DELETE /api/api-keys/:id': 'manager',
};
// Rows an API key may not use whatever its role (a key cannot mint or revoke keys).
const sessionOnly = new Set(['GET /api/api-keys', 'POST /api/api-keys', 'DELETE /api/api-keys/:id']);

const { db, users: [owner, manager, viewer, target, stranger] } = apiFixtures('Owner', 'Manager', 'Viewer', 'Target', 'Stranger');
let routes: Route[];
let ids: Record<string, string>;
let keys: Record<WorkspaceRole | 'stranger', string>;

beforeAll(async () => {
  routes = await discoverRoutes();
  await addMembers(owner, [[manager, 'manager'], [viewer, 'viewer'], [target, 'viewer']]);
  const campaign = await createCampaignAnswer(owner);
  const lead = (await postLead(owner, campaign.id, { name: 'Lead', phone: '+14155550100' })).body;
  const [callRow] = await db.db.insert(schema.campaignCalls).values({ campaignId: campaign.id, leadId: lead.id, attemptNumber: 1, phone: lead.phone, status: 'in_progress', roomName: 'call-matrix' }).returning();
  const blackout = (await call(addBlackout, { path: '/api/compliance/blackouts', method: 'POST', token: owner.token, body: { region: 'FL', startsAt: '2026-01-01T00:00:00Z', endsAt: '2026-01-02T00:00:00Z' } })).body;
  const endpoint = await createWebhookEndpoint(db.db, { workspaceId: owner.workspaceId, actorId: owner.id, input: { url: 'http://127.0.0.1:9/hook', events: ['call.ended'] } as never, policy: { allowPrivate: true, production: false }, now: new Date() });
  const { deliveryId } = await sendTestWebhook(db.db, { workspaceId: owner.workspaceId, id: endpoint.id, now: new Date() });
  const invited = (await call(addMember, { path: '/api/team/members', method: 'POST', token: owner.token, body: { email: 'matrix-invitee@example.com', role: 'viewer' } })).body;
  ids = { campaign: campaign.id, lead: lead.id, call: callRow.id, blackout: blackout.id, webhook: endpoint.id, delivery: deliveryId, invitation: invited.invitation.id };
  // An invitation for the viewer's own address (to another workspace: POST /api/team/members adds a user with an
  // account at once), so the signed-in row is driven through to a join.
  const { token } = await db.db.transaction((tx) => createInvitation(tx, { workspaceId: stranger.workspaceId, email: viewer.email, role: 'viewer', invitedBy: stranger.id, now: new Date() }));
  bodies['POST /api/invitations/accept'] = { token };
  const mint = async (user: TestUser, role: WorkspaceRole) => (await call(createApiKey, { path: '/api/api-keys', method: 'POST', token: user.token, body: { name: `matrix ${role}`, role } })).body.key as string;
  keys = { viewer: await mint(owner, 'viewer'), manager: await mint(owner, 'manager'), owner: await mint(owner, 'owner'), stranger: await mint(stranger, 'owner') };
}, 180_000);

/** The route's params, naming this workspace's resources. */
function paramsFor(route: Route): Record<string, string> {
  const p: Record<string, string> = {};
  if (route.template.includes(':leadId')) p.leadId = ids.lead;
  if (route.template.includes(':action')) p.action = 'pause';
  if (route.template.includes(':userId')) p.userId = target.id;
  if (route.template.includes(':id')) {
    p.id = route.template.startsWith('/api/webhooks/deliveries') ? ids.delivery : route.template.startsWith('/api/webhooks') ? ids.webhook : route.template.startsWith('/api/leads') ? ids.lead : route.template.startsWith('/api/calls') ? ids.call : route.template.startsWith('/api/compliance/blackouts') ? ids.blackout : route.template.startsWith('/api/workspaces') ? owner.workspaceId : route.template.startsWith('/api/team/invitations') ? ids.invitation : ids.campaign;
  }
  return p;
}

// Valid bodies where a route checks its body before the resource, so "other workspace" meets the lookup.
const bodies: Record<string, unknown> = {
  'POST /api/campaigns/:id/leads/add': { name: 'Other', phone: '+14155550177' },
  'POST /api/campaigns/:id/leads': { name: 'Other', phone: '+14155550178' },
  'PATCH /api/campaigns/:id/leads/:leadId': { name: 'Renamed' },
  'PUT /api/campaigns/:id/leads/:leadId': { name: 'Renamed' },
  'PATCH /api/campaigns/:id': { name: 'Renamed' },
  'PUT /api/campaigns/:id': { name: 'Renamed' },
  'PATCH /api/team/members/:userId': { role: 'viewer' },
  'POST /api/workspaces': { name: 'Matrix workspace' },
  'PATCH /api/workspaces/:id': { name: 'Renamed workspace' },
};

async function request(route: Route, user: TestUser | { token: string } | null, workspaceId?: string) {
  const params = paramsFor(route);
  // A deletion that goes through takes its own campaign with it, not the one every other row reads.
  if (route.key === 'DELETE /api/campaigns/:id') params.id = await createCampaign(owner);
  if (route.key === 'DELETE /api/api-keys/:id') params.id = (await call(createApiKey, { path: '/api/api-keys', method: 'POST', token: owner.token, body: { name: 'to revoke', role: 'viewer' } })).body.id;
  const pathname = route.template.replace(/:(\w+)/g, (_, name: string) => params[name] ?? name);
  const query = route.key === 'DELETE /api/dnc' ? '?phone=%2B14155550199' : '';
  return call(route.handler, {
    path: pathname + query,
    method: route.method,
    params,
    token: user?.token,
    headers: workspaceId ? { 'x-workspace-id': workspaceId } : {},
    body: route.method === 'GET' || route.method === 'DELETE' ? undefined : (bodies[route.key] ?? {}),
  });
}

const gated = () => routes.filter((r) => expected[r.key] !== 'public');
const roleRoutes = () => routes.filter((r) => (WORKSPACE_ROLES as readonly string[]).includes(expected[r.key]));
const atLeast = (role: WorkspaceRole, needed: WorkspaceRole) => WORKSPACE_ROLES.indexOf(role) >= WORKSPACE_ROLES.indexOf(needed);

describe('authorization matrix', () => {
  it('every route and method has a row, and every row names a route', () => {
    const found = routes.map((r) => r.key);
    expect(found.filter((k) => !(k in expected)), 'routes missing from the matrix').toEqual([]);
    expect(Object.keys(expected).filter((k) => !found.includes(k)), 'rows naming no route').toEqual([]);
    expect(found.length).toBeGreaterThan(30);
  });

  it('no session: 401 on every route that is not public', async () => {
    for (const route of gated()) expect((await request(route, null)).status, route.key).toBe(401);
  });

  it("a user who is not a member naming this workspace: 404; acting in their own workspace, this workspace's resources are 404", async () => {
    for (const route of roleRoutes()) {
      const named = await request(route, stranger, owner.workspaceId);
      expect(named.status, route.key).toBe(404);
      expect(named.body.error.message, route.key).toBe('Workspace not found');
      if (/:(id|leadId|userId)/.test(route.template)) {
        const own = await request(route, stranger);
        // Their own workspace holds none of these ids (nor the member). An upload refused for its form before any
        // lookup (415/400) tells nothing about the resource either.
        if (route.key.endsWith('/leads/upload')) expect([400, 404, 415], route.key).toContain(own.status);
        else expect(own.status, `${route.key}: ${JSON.stringify(own.body)}`).toBe(404);
      }
    }
  });

  for (const role of ['viewer', 'manager', 'owner'] as const) {
    it(`${role}: 403 naming the role on rows above it, never 401/403 on the others`, async () => {
      const user = { viewer, manager, owner }[role];
      for (const route of roleRoutes()) {
        const needed = expected[route.key] as WorkspaceRole;
        const res = await request(route, user, owner.workspaceId);
        if (atLeast(role, needed)) {
          expect([401, 403], `${role} ${route.key}: ${JSON.stringify(res.body)}`).not.toContain(res.status);
          expect(res.status, `${role} ${route.key}: ${JSON.stringify(res.body)}`).toBeLessThan(500);
        } else {
          expect(res.status, `${role} ${route.key}`).toBe(403);
          expect(res.body.error.message, `${role} ${route.key}`).toBe(`This needs the ${needed} role in this workspace; you are a ${role}`);
        }
      }
    }, 120_000);
  }

  for (const role of ['viewer', 'manager', 'owner'] as const) {
    it(`an API key with the ${role} role: as a member with that role on every row, 403 on the key routes and the rows acting in no workspace`, async () => {
      for (const route of gated()) {
        const res = await request(route, { token: keys[role] }, route.key.startsWith('GET') ? owner.workspaceId : undefined);
        const label = `${role} key ${route.key}: ${JSON.stringify(res.body)}`;
        const needed = expected[route.key];
        if (needed === 'signed-in' || sessionOnly.has(route.key)) expect(res.status, label).toBe(403);
        else if (atLeast(role, needed as WorkspaceRole)) {
          expect([401, 403], label).not.toContain(res.status);
          expect(res.status, label).toBeLessThan(500);
        } else {
          expect(res.status, label).toBe(403);
          expect(res.body.error.message, label).toBe(`This needs the ${needed} role in this workspace; you are a ${role}`);
        }
      }
    }, 120_000);
  }

  it("another workspace's key: naming this workspace is 404, and so are this workspace's resources", async () => {
    for (const route of roleRoutes().filter((r) => !sessionOnly.has(r.key))) {
      const named = await request(route, { token: keys.stranger }, owner.workspaceId);
      expect(named.status, route.key).toBe(404);
      expect(named.body.error.message, route.key).toBe('Workspace not found');
      if (/:(id|leadId|userId)/.test(route.template)) {
        const own = await request(route, { token: keys.stranger });
        if (route.key.endsWith('/leads/upload')) expect([400, 404, 415], route.key).toContain(own.status);
        else expect(own.status, `${route.key}: ${JSON.stringify(own.body)}`).toBe(404);
      }
    }
  });

  it('signed-in rows answer any signed-in user', async () => {
    for (const route of routes.filter((r) => expected[r.key] === 'signed-in')) {
      const res = await request(route, viewer);
      expect(res.status, route.key).toBe(route.method === 'POST' && route.template === '/api/workspaces' ? 201 : 200);
    }
  });
});
