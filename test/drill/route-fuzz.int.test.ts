// Drill: property-based fuzzing of every JSON route. The routes come from the one route list
// (test/api-routes.ts, as the authorization matrix and the OpenAPI coverage test read it); each route × method
// is called through its real handler, as the owner of a workspace holding one of everything, with bodies,
// query strings and path params from fast-check: shaped by the route's OpenAPI schemas (the zod schemas the
// handler parses with), the same with one part swapped for an edge case, and garbage. The property: never a
// 5xx; every 4xx is the one error body with the status of its code; and a 4xx changes no row of any table.
// Runs are bounded and seeded: FUZZ_RUNS=<n> runs n per route (default 12), FUZZ_SEED=<n> replays a failure
// (fast-check prints the seed and the path of the shrunk counterexample).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf, schema } from '@/db';
import { POST as addMember } from '@/app/api/team/members/route';
import { POST as createCampaign } from '@/app/api/campaigns/route';
import { POST as addLead } from '@/app/api/campaigns/[id]/leads/add/route';
import { POST as addBlackout } from '@/app/api/compliance/blackouts/route';
import { POST as createApiKey } from '@/app/api/api-keys/route';
import { openApiDocument } from '@/lib/api/openapi';
import { env } from '@/lib/env';
import { errorCodes } from '@/lib/errors';
import { createWebhookEndpoint, sendTestWebhook } from '@/lib/services/webhooks';
import { reportTokenSecret } from '@/lib/telephony';
import { signReportToken } from '@/lib/telephony/report-token';
import { BASE, call, signUp, validCampaign, type TestUser } from '@/test/api';
import { discoverRoutes, routeFiles, type Route } from '@/test/api-routes';
import { useTestDb, type TestDb } from '@/test/db';
import { bodyArbitrary, edgeString, fromSchema, queryArbitrary, type FuzzBody, type JsonSchema } from '@/test/fuzz-arbitraries';

// better-auth's catch-all is its own contract (its own error body; a failed sign-in is audited by design, a 4xx
// that writes), and the lead upload is multipart: test/drill/csv-import-fuzz.int.test.ts fuzzes it.
const notJson = new Set(['GET /api/auth/:all', 'POST /api/auth/:all', 'POST /api/campaigns/:id/leads/upload']);
// Tables a refused request may touch by design: its rate-limit count, and the session better-auth refreshes.
const unfingerprinted = new Set(['rate_limits', 'session']);

const runs = Number(process.env.FUZZ_RUNS ?? 12);
const seed = Number(process.env.FUZZ_SEED ?? 20_261_202);
// FUZZ_STATS=1 prints how often each status answered, to see what the runs reached.
const statuses = new Map<string, number>();
const tally = (key: string) => statuses.set(key, (statuses.get(key) ?? 0) + 1);

type Operation = { parameters?: { in: string; name: string; schema: JsonSchema }[]; requestBody?: { content: Record<string, { schema: JsonSchema }> } };
const doc = openApiDocument() as unknown as { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, JsonSchema> } };
const components = doc.components.schemas;

let db: TestDb;
let routes: Route[];
let owner: TestUser;
let member: TestUser;
let tables: string[];

beforeAll(async () => {
  db = await useTestDb();
  // The drill measures answers, not the rate limiter (api-rate-limit.int.test.ts does).
  Object.assign(env, { API_LIMIT_READS_PER_MINUTE: 1e9, API_LIMIT_WRITES_PER_MINUTE: 1e9, API_LIMIT_CREATES_PER_MINUTE: 1e9 });
  routes = (await discoverRoutes()).filter((r) => !notJson.has(r.key));
  [owner, member] = [await signUp('Fuzz Owner'), await signUp('Fuzz Member')];
  const found = rowsOf<{ name: string }>(await db.db.execute(sql`select tablename as name from pg_tables where schemaname = 'public' order by 1`));
  tables = found.map((t) => t.name).filter((t) => !unfingerprinted.has(t));
}, 180_000);
afterAll(async () => {
  if (process.env.FUZZ_STATS) process.stdout.write(`fuzz statuses (seed ${seed}):\n${[...statuses].sort().map(([k, n]) => `  ${k}: ${n}`).join('\n')}\n`);
  await db?.drop();
});

/** Every row of every table (bar the two above), as one digest per table: a refused request must leave all equal. */
async function fingerprint(): Promise<Record<string, string>> {
  const parts = tables.map((t) => `select '${t}' as t, count(*)::int || ':' || coalesce(md5(string_agg(x::text, '|' order by x::text)), '') as f from "${t}" x`);
  const rows = rowsOf<{ t: string; f: string }>(await db.db.execute(sql.raw(parts.join(' union all '))));
  return Object.fromEntries(rows.map((r) => [r.t, r.f]));
}

type Fixture = Record<'campaign' | 'lead' | 'call' | 'blackout' | 'webhook' | 'delivery' | 'apiKey', string> & { reportToken: string };

/** One of everything in the owner's workspace, made fresh per route so one route's deletes cannot starve the next. */
async function makeFixture(): Promise<Fixture> {
  const campaign = (await call(createCampaign, { path: '/api/campaigns', method: 'POST', token: owner.token, body: validCampaign })).body;
  const lead = (await call(addLead, { path: `/api/campaigns/${campaign.id}/leads/add`, method: 'POST', token: owner.token, params: { id: campaign.id }, body: { name: 'Lead', phone: '+14155550100' } })).body;
  const [callRow] = await db.db.insert(schema.campaignCalls).values({ campaignId: campaign.id, leadId: lead.id, attemptNumber: 1, phone: lead.phone, status: 'in_progress', roomName: `call-fuzz-${lead.id}` }).returning();
  const blackout = (await call(addBlackout, { path: '/api/compliance/blackouts', method: 'POST', token: owner.token, body: { region: 'FL', startsAt: '2026-01-01T00:00:00Z', endsAt: '2026-01-02T00:00:00Z' } })).body;
  const endpoint = await createWebhookEndpoint(db.db, { workspaceId: owner.workspaceId, actorId: owner.id, input: { url: 'http://127.0.0.1:9/hook', events: ['call.ended'] } as never, policy: { allowPrivate: true, production: false }, now: new Date() });
  const { deliveryId } = await sendTestWebhook(db.db, { workspaceId: owner.workspaceId, id: endpoint.id, now: new Date() });
  const apiKey = (await call(createApiKey, { path: '/api/api-keys', method: 'POST', token: owner.token, body: { name: 'fuzz', role: 'viewer' } })).body;
  // The member a members route may change or remove; added again when a run removed them.
  await call(addMember, { path: '/api/team/members', method: 'POST', token: owner.token, body: { email: member.email, role: 'viewer' } });
  const reportToken = await signReportToken({ callId: callRow.id, secret: reportTokenSecret(), now: new Date() });
  for (const [name, value] of Object.entries({ campaign: campaign.id, lead: lead.id, blackout: blackout.id, apiKey: apiKey.id })) if (!value) throw new Error(`fixture ${name} was not made`);
  return { campaign: campaign.id, lead: lead.id, call: callRow.id, blackout: blackout.id, webhook: endpoint.id, delivery: deliveryId, apiKey: apiKey.id, reportToken };
}

/** The id a path param names in this workspace (as the matrix picks it), for runs that reach past the lookup. */
function realId(route: Route, name: string, f: Fixture): string {
  if (name === 'leadId') return f.lead;
  if (name === 'userId') return member.id;
  const t = route.template;
  if (t.startsWith('/api/webhooks/deliveries')) return f.delivery;
  if (t.startsWith('/api/webhooks')) return f.webhook;
  if (t.startsWith('/api/leads')) return f.lead;
  if (t.startsWith('/api/calls')) return f.call;
  if (t.startsWith('/api/compliance/blackouts')) return f.blackout;
  if (t.startsWith('/api/workspaces')) return owner.workspaceId;
  if (t.startsWith('/api/api-keys')) return f.apiKey;
  return f.campaign;
}

// Bodies these routes accept, to mutate from: their schemas' cross-field rules are rarely met by chance.
const examples: Record<string, unknown[]> = {
  'POST /api/campaigns': [validCampaign],
  'POST /api/campaigns/:id/leads': [{ name: 'Fuzzed', phone: '+14155550142' }, { name: 'Fuzzed', phone: '+14155550143', company: 'Acme', email: 'a@example.com', context: { plan: 'pro' } }],
  'POST /api/campaigns/:id/leads/add': [{ name: 'Fuzzed', phone: '+14155550144' }],
  'POST /api/team/members': [{ email: 'invitee@example.com', role: 'viewer' }],
  'POST /api/compliance/check': [{ phone: '+14155550145' }, { checks: [{ phone: '+14155550146' }, { phone: '+447700900123', at: '2026-03-02T15:00:00Z' }] }],
  'POST /api/webhooks': [{ url: 'https://example.com/hook', events: ['call.ended'] }],
};

type FuzzRequest = { params: Record<string, string>; query: [string, string][]; body: FuzzBody; contentType: string | null; workspaceHeader: string | null; idempotencyKey: string | null };

const headerText = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 300 });

function requestArbitrary(route: Route, f: Fixture): fc.Arbitrary<FuzzRequest> {
  const operation = doc.paths[route.openApiPath]?.[route.method.toLowerCase()];
  expect(operation, `${route.key} is in the OpenAPI document`).toBeDefined();
  const parameters = operation?.parameters ?? [];
  const pathNames = [...route.template.matchAll(/:(\w+)/g)].map((m) => m[1]);
  const pathArb = fc.record(
    Object.fromEntries(
      pathNames.map((name) => {
        const declared = parameters.find((p) => p.in === 'path' && p.name === name)?.schema;
        const real = name === 'action' ? fromSchema(declared, components) : fc.constant(realId(route, name, f));
        return [name, fc.oneof({ arbitrary: real, weight: 4 }, { arbitrary: fromSchema(declared, components), weight: 1 }, { arbitrary: fc.uuid(), weight: 1 }, { arbitrary: edgeString, weight: 2 })];
      }),
    ) as Record<string, fc.Arbitrary<string>>,
  );
  const queryParams = parameters.filter((p) => p.in === 'query');
  const content = operation?.requestBody?.content ?? {};
  const bodySchema = (content['application/json'] ?? content['application/webhook+json'])?.schema;
  const takesBody = route.method !== 'GET';
  return fc.record({
    params: pathArb,
    query: queryParams.length || route.method === 'GET' || route.method === 'DELETE' ? queryArbitrary(queryParams, components) : fc.constant([]),
    body: takesBody ? bodyArbitrary(bodySchema, components, examples[route.key]) : fc.constant(null),
    contentType: fc.oneof({ arbitrary: fc.constant('application/json'), weight: 8 }, { arbitrary: fc.constantFrom('text/plain', 'application/json; charset=latin1', 'application/x-www-form-urlencoded', null), weight: 1 }),
    workspaceHeader: fc.oneof({ arbitrary: fc.constant(null), weight: 8 }, { arbitrary: fc.oneof(fc.constant(owner.workspaceId), fc.uuid(), headerText), weight: 1 }),
    idempotencyKey: fc.oneof({ arbitrary: fc.constant(null), weight: 8 }, { arbitrary: headerText, weight: 1 }),
  });
}

// A URL cannot carry a lone surrogate: Next hands a handler U+FFFD in its place, and so does this.
const wellFormed = (text: string) => text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

async function send(route: Route, f: Fixture, request: FuzzRequest) {
  const r = { ...request, params: Object.fromEntries(Object.entries(request.params).map(([k, v]) => [k, wellFormed(v)])) };
  const pathname = route.template.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(r.params[name]));
  const search = new URLSearchParams(r.query).toString();
  const headers: Record<string, string> = { authorization: `Bearer ${route.template === '/api/livekit/agent-report' ? f.reportToken : owner.token}` };
  if (r.contentType) headers['content-type'] = r.contentType;
  if (r.workspaceHeader !== null) headers['x-workspace-id'] = r.workspaceHeader;
  if (r.idempotencyKey !== null) headers['idempotency-key'] = r.idempotencyKey;
  const body = r.body === null ? undefined : 'raw' in r.body ? r.body.raw : JSON.stringify(r.body.json);
  const res = await route.handler(new Request(`${BASE}${pathname}${search ? `?${search}` : ''}`, { method: route.method, headers, body }), { params: Promise.resolve(r.params) });
  const text = await res.text();
  return { status: res.status, text };
}

/** What a counterexample says in the failure: the request, with huge strings cut short. */
function describeRequest(r: FuzzRequest): string {
  return JSON.stringify(r, (_, v: unknown) => (typeof v === 'string' && v.length > 200 ? `${v.slice(0, 200)}…(${v.length} chars)` : v)).slice(0, 2_000);
}

function checkErrorBody(status: number, text: string): string | null {
  let body: { error?: { code?: unknown; message?: unknown; fields?: unknown } };
  try {
    body = JSON.parse(text);
  } catch {
    return `a ${status} whose body is not JSON: ${text.slice(0, 200)}`;
  }
  const error = body?.error;
  if (!error || typeof error.code !== 'string' || typeof error.message !== 'string') return `a ${status} without { error: { code, message } }: ${text.slice(0, 300)}`;
  if (errorCodes[error.code as keyof typeof errorCodes] !== status) return `a ${status} with code ${error.code}`;
  if (error.fields !== undefined && (typeof error.fields !== 'object' || error.fields === null || Object.values(error.fields).some((v) => typeof v !== 'string'))) return `fields is not a map of messages: ${text.slice(0, 300)}`;
  return null;
}

describe('route fuzz drill', () => {
  it('fuzzes every JSON route of the route list', () => {
    expect(routes.length).toBeGreaterThan(40);
  });

  // One test per route × method: vitest names the route that failed, fast-check the seed and shrunk request.
  // The names come from the same file walk discoverRoutes imports (routeFiles reads the exports from the source).
  for (const key of routeFiles().map((r) => r.key).filter((k) => !notJson.has(k))) {
    it(`${key}: never a 5xx; a 4xx is the error body and writes nothing`, async () => {
      const route = routes.find((r) => r.key === key)!;
      const f = await makeFixture();
      await fc.assert(
        fc.asyncProperty(requestArbitrary(route, f), async (r) => {
          const before = await fingerprint();
          const { status, text } = await send(route, f, r);
          tally(`${key} ${status}`);
          const request = describeRequest(r);
          expect(status, `${key} answered ${status} ${text.slice(0, 300)} to ${request}`).toBeLessThan(500);
          if (status >= 400) {
            expect(checkErrorBody(status, text), `${key} to ${request}`).toBeNull();
            const after = await fingerprint();
            const changed = Object.keys(after).filter((t) => after[t] !== before[t]);
            expect(changed, `${key} answered ${status} ${text.slice(0, 300)} yet changed these tables, to ${request}`).toEqual([]);
          }
        }),
        { numRuns: runs, seed },
      );
    }, 300_000);
  }
});
