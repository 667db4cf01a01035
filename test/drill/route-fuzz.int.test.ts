// Drill: property-based fuzzing of every JSON route. The routes come from the one route list
// (test/api-routes.ts, as the authorization matrix and the OpenAPI coverage test read it); each route × method
// is called through its real handler, as the owner of a workspace holding one of everything, with bodies,
// query strings and path params from fast-check: shaped by the route's OpenAPI schemas (the zod schemas the
// handler parses with), the same with one part swapped for an edge case, and garbage. The property: never a
// 5xx, and no error logged (a background task a 2xx started counts); every 4xx is the one error body with the
// status of its code; a 4xx changes no row of any table, nor does a read's 2xx (bar an export's audit entry).
// Each route's first run is its known-good request (the fixture's real ids, the route's first example body)
// and a third of the rest are well-formed, so its success path is fuzzed too: a route that never answers a
// 2xx fails (errorPathsOnly excepted). Runs are bounded and seeded: FUZZ_RUNS=<n> runs n per route
// (default 12), FUZZ_SEED=<n> replays a failure (fast-check prints the seed and the shrunk counterexample's path).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { schema } from '@/db';
import { POST as addMember } from '@/app/api/team/members/route';
import { POST as addBlackout } from '@/app/api/compliance/blackouts/route';
import { POST as createApiKey } from '@/app/api/api-keys/route';
import { POST as addDnc } from '@/app/api/dnc/route';
import { backgroundTasksDone } from '@/lib/api/after-response';
import { openApiDocument } from '@/lib/api/openapi';
import { env } from '@/lib/env';
import { errorCodes } from '@/lib/errors';
import { signWebhook } from '@/lib/livekit-sim';
import { logger } from '@/lib/logger';
import { createWebhookEndpoint, sendTestWebhook } from '@/lib/services/webhooks';
import { liveKitCredentials, reportTokenSecret } from '@/lib/telephony';
import { signReportToken } from '@/lib/telephony/report-token';
import { BASE, call, signUp, validCampaign, type TestUser, useTestDb, type TestDb, createCampaignAnswer, postLead, appTables, tableDigests } from '@/test/fixtures';
import { discoverRoutes, routeFiles, type Route } from '@/test/api-routes';
import { bodyArbitrary, edgeString, fromSchema, queryArbitrary, statusTally, validBodyArbitrary, validQueryArbitrary, type FuzzBody, type JsonSchema } from '@/test/fuzz-arbitraries';

// better-auth's catch-all is its own contract (its own error body; a failed sign-in is audited by design, a 4xx
// that writes), and the lead upload is multipart: test/drill/csv-import-fuzz.int.test.ts fuzzes it.
const notJson = new Set(['GET /api/auth/:all', 'POST /api/auth/:all', 'POST /api/campaigns/:id/leads/upload']);
// Tables a refused request may touch by design: its rate-limit count, and the session better-auth refreshes.
const unfingerprinted = new Set(['rate_limits', 'session']);
// Routes that only read (or answer a question): their 2xx writes no row but an export's audit entry.
const readOnly = (route: Route) => route.method === 'GET' || ['POST /api/qualification/preview', 'POST /api/compliance/check'].includes(route.key);
// Routes whose runs may all be refused, each with why. Every other route must answer at least one 2xx within the
// runs, or its success path (and the writes on it) was never fuzzed. Keep it short.
const errorPathsOnly: Record<string, string> = {
  // Its success needs a one-time token mailed to the requesting account's own address, spent by the first success:
  // test/workspaces/invitations.int.test.ts covers that path (join, second use, expiry, wrong account, revoked).
  'POST /api/invitations/accept': 'a single-use token for the caller\'s own e-mail; covered by test/workspaces/invitations.int.test.ts',
};

const runs = Number(process.env.FUZZ_RUNS ?? 12);
const seed = Number(process.env.FUZZ_SEED ?? 20_261_202);
const { tally, print: printStatuses } = statusTally();

type Operation = { parameters?: { in: string; name: string; schema: JsonSchema }[]; requestBody?: { content: Record<string, { schema: JsonSchema }> } };
const doc = openApiDocument() as unknown as { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, JsonSchema> } };
const components = doc.components.schemas;

let db: TestDb;
let routes: Route[];
let owner: TestUser;
let member: TestUser;
let tables: string[];

// An error logged while a run is answered, or after (a background task), is a 500 that no status shows.
const loggedErrors = vi.spyOn(logger, 'error');

beforeAll(async () => {
  db = await useTestDb();
  // The drill measures answers, not the rate limiter (api-rate-limit.int.test.ts does).
  Object.assign(env, { API_LIMIT_READS_PER_MINUTE: 1e9, API_LIMIT_WRITES_PER_MINUTE: 1e9, API_LIMIT_CREATES_PER_MINUTE: 1e9 });
  routes = (await discoverRoutes()).filter((r) => !notJson.has(r.key));
  [owner, member] = [await signUp('Fuzz Owner'), await signUp('Fuzz Member')];
  tables = await appTables(db.db, unfingerprinted);
}, 180_000);
afterAll(async () => {
  printStatuses(seed);
  await db?.drop();
});

/** Every row of every table (bar the two above), as one digest per table: a refused request must leave all equal. */
const fingerprint = () => tableDigests(db.db, tables);

type Fixture = Record<'campaign' | 'lead' | 'call' | 'blackout' | 'webhook' | 'delivery' | 'apiKey' | 'invitation', string> & { roomName: string; reportToken: string; forgedReportToken: string };

// On the fixture's do-not-call list, so removing it has something to remove.
const DNC_PHONE = '+14155550161';
let fixtures = 0;

/** One of everything in the owner's workspace, made fresh per route so one route's deletes cannot starve the next. */
async function makeFixture(): Promise<Fixture> {
  const campaign = await createCampaignAnswer(owner);
  const lead = (await postLead(owner, campaign.id, { name: 'Lead', phone: '+14155550100' })).body;
  const roomName = `call-fuzz-${lead.id}`;
  const [callRow] = await db.db.insert(schema.campaignCalls).values({ campaignId: campaign.id, leadId: lead.id, attemptNumber: 1, phone: lead.phone, status: 'in_progress', roomName }).returning();
  const blackout = (await call(addBlackout, { path: '/api/compliance/blackouts', method: 'POST', token: owner.token, body: { region: 'FL', startsAt: '2026-01-01T00:00:00Z', endsAt: '2026-01-02T00:00:00Z' } })).body;
  const endpoint = await createWebhookEndpoint(db.db, { workspaceId: owner.workspaceId, actorId: owner.id, input: { url: 'http://127.0.0.1:9/hook', events: ['call.ended'] } as never, policy: { allowPrivate: true, production: false }, now: new Date() });
  const { deliveryId } = await sendTestWebhook(db.db, { workspaceId: owner.workspaceId, id: endpoint.id, now: new Date() });
  const apiKey = (await call(createApiKey, { path: '/api/api-keys', method: 'POST', token: owner.token, body: { name: 'fuzz', role: 'viewer' } })).body;
  // The member a members route may change or remove; added again when a run removed them.
  await call(addMember, { path: '/api/team/members', method: 'POST', token: owner.token, body: { email: member.email, role: 'viewer' } });
  const invitation = (await call(addMember, { path: '/api/team/members', method: 'POST', token: owner.token, body: { email: `fixture-invitee-${++fixtures}@example.com`, role: 'viewer' } })).body.invitation;
  await call(addDnc, { path: '/api/dnc', method: 'POST', token: owner.token, body: { phone: DNC_PHONE } });
  const reportToken = await signReportToken({ callId: callRow.id, secret: reportTokenSecret(), now: new Date() });
  const forgedReportToken = await signReportToken({ callId: callRow.id, secret: 'not-the-report-token-secret-at-all', now: new Date() });
  for (const [name, value] of Object.entries({ campaign: campaign.id, lead: lead.id, blackout: blackout.id, apiKey: apiKey.id, invitation: invitation?.id })) if (!value) throw new Error(`fixture ${name} was not made`);
  return { campaign: campaign.id, lead: lead.id, call: callRow.id, roomName, blackout: blackout.id, webhook: endpoint.id, delivery: deliveryId, apiKey: apiKey.id, invitation: invitation.id, reportToken, forgedReportToken };
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
  if (t.startsWith('/api/team/invitations')) return f.invitation;
  return f.campaign;
}

const transcript = [
  { speaker: 'agent', text: 'Hi, this is Ava from Acme. Is now a good time to talk about your outbound calling?', startMs: 0 },
  { speaker: 'lead', text: 'Sure. Our budget is about 20000 dollars this quarter and I make the decision.', startMs: 4_000 },
  { speaker: 'agent', text: 'Great. Could we book a demo next week?', startMs: 9_000 },
  { speaker: 'lead', text: 'Yes, Tuesday works.', startMs: 12_000 },
];
const criteria = [
  { field: 'budget', operator: '>=', value: 10_000, weight: 60 },
  { field: 'decision_maker', operator: '==', value: true, weight: 40 },
];
const sipLead = (attributes: Record<string, string>, disconnectReason = 'UNKNOWN_REASON') => ({ sid: 'PA_fuzzlead', identity: 'lead-fuzz', kind: 'SIP', attributes, disconnectReason });

/**
 * Bodies each route accepts, with the fixture's ids where they name one: a route's first is its known-good
 * request, and every well-formed run and mutation starts from them (their schemas' cross-field rules are rarely
 * met by chance). A route with a body and no entry here is fuzzed with schema values only.
 */
function examplesFor(f: Fixture): Record<string, unknown[]> {
  const campaignEdits = [{ name: 'Renamed campaign' }, { description: null, maxCallsPerDay: 50, timezone: 'America/Chicago' }];
  const leadEdits = [{ name: 'Renamed lead' }, { company: 'Acme', email: 'lead@example.com', context: { plan: 'pro' } }];
  return {
    'POST /api/campaigns': [validCampaign, { ...validCampaign, name: 'With criteria', qualificationCriteria: criteria }],
    'PATCH /api/campaigns/:id': campaignEdits,
    'PUT /api/campaigns/:id': campaignEdits,
    'POST /api/campaigns/:id/leads': [{ name: 'Fuzzed', phone: '+14155550142' }, { name: 'Fuzzed', phone: '+14155550143', company: 'Acme', email: 'a@example.com', context: { plan: 'pro' } }],
    'POST /api/campaigns/:id/leads/add': [{ name: 'Fuzzed', phone: '+14155550144' }],
    'PATCH /api/campaigns/:id/leads/:leadId': leadEdits,
    'PUT /api/campaigns/:id/leads/:leadId': leadEdits,
    'POST /api/team/members': [{ email: 'invitee@example.com', role: 'viewer' }, { email: 'manager-invitee@example.com', role: 'manager' }],
    'PATCH /api/team/members/:userId': [{ role: 'manager' }, { role: 'viewer' }],
    'POST /api/compliance/check': [{ phone: '+14155550145' }, { phone: '+14155550145', campaignId: f.campaign }, { checks: [{ phone: '+14155550146' }, { phone: '+447700900123', at: '2026-03-02T15:00:00Z' }] }],
    'POST /api/compliance/blackouts': [{ region: 'TX', startsAt: '2026-02-01T00:00:00Z', endsAt: '2026-02-02T00:00:00Z', reason: 'Storm' }],
    // A public address as an IP literal: a host name must resolve, and CI may have no DNS.
    'POST /api/webhooks': [{ url: 'https://93.184.215.14/hook', events: ['call.ended'] }, { url: 'https://93.184.215.14/crm', events: ['lead.qualified', 'call.scored'], description: 'CRM' }],
    'PATCH /api/webhooks/:id': [{ description: 'CRM' }, { enabled: false }, { events: ['call.ended', 'lead.qualified'] }, { url: 'https://93.184.215.14/moved' }],
    'POST /api/dnc': [{ phone: '+14155550162', reason: 'Asked not to be called' }],
    'DELETE /api/dnc': [{ phone: DNC_PHONE }],
    'POST /api/qualification/preview': [{ transcript, qualificationCriteria: criteria }, { transcript, qualificationCriteria: criteria, minQualificationScore: 50, leadTimeZone: 'America/New_York' }],
    'POST /api/livekit/agent-report': [{ transcript, summary: 'Interested; demo on Tuesday' }, { transcript: [], answeringMachine: true }, { transcript, optOut: true }, { transcript, callbackAt: '2026-12-08T15:00:00+00:00' }],
    // LiveKit's own JSON (enum names), about the fixture's call.
    'POST /api/livekit/webhook': [
      { event: 'participant_attributes_changed', id: 'EV_fuzz_active', room: { name: f.roomName, sid: 'RM_fuzz' }, participant: sipLead({ 'sip.callStatus': 'active' }) },
      { event: 'egress_ended', id: 'EV_fuzz_egress', egressInfo: { egressId: 'EG_fuzz', roomName: f.roomName, status: 'EGRESS_COMPLETE', fileResults: [{ location: 'https://recordings.example.com/fuzz.ogg', filename: 'fuzz.ogg' }] } },
      { event: 'participant_left', id: 'EV_fuzz_left', room: { name: f.roomName, sid: 'RM_fuzz' }, participant: sipLead({}, 'CLIENT_INITIATED') },
      { event: 'room_finished', id: 'EV_fuzz_finished', room: { name: f.roomName, sid: 'RM_fuzz' } },
    ],
    'POST /api/workspaces': [{ name: 'Fuzz team' }],
    'PATCH /api/workspaces/:id': [{ name: 'Renamed workspace' }],
    'POST /api/api-keys': [{ name: 'fuzz', role: 'viewer' }, { name: 'fuzz default role' }],
  };
}

/** `credential`: the route's own (session token, report token, LiveKit signature), none, or a forged one. */
type FuzzRequest = { params: Record<string, string>; query: [string, string][]; body: FuzzBody; contentType: string | null; workspaceHeader: string | null; idempotencyKey: string | null; credential: 'valid' | 'none' | 'forged' };

const headerText = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 300 });

/** The fuzzed requests for a route, and its known-good one (run first). */
function requestArbitrary(route: Route, f: Fixture): { arbitrary: fc.Arbitrary<FuzzRequest>; knownGood: FuzzRequest } {
  const operation = doc.paths[route.openApiPath]?.[route.method.toLowerCase()];
  expect(operation, `${route.key} is in the OpenAPI document`).toBeDefined();
  const parameters = operation?.parameters ?? [];
  const pathNames = [...route.template.matchAll(/:(\w+)/g)].map((m) => m[1]);
  const declared = (name: string) => parameters.find((p) => p.in === 'path' && p.name === name)?.schema;
  // Real ids of the fixture; `action` (start, pause…) from its enum.
  const real = (name: string) => (name === 'action' ? (fromSchema(declared(name), components) as fc.Arbitrary<string>) : fc.constant(realId(route, name, f)));
  const realParams = fc.record(Object.fromEntries(pathNames.map((name) => [name, real(name)])) as Record<string, fc.Arbitrary<string>>);
  const fuzzedParams = fc.record(
    Object.fromEntries(
      pathNames.map((name) => [name, fc.oneof({ arbitrary: real(name), weight: 4 }, { arbitrary: fromSchema(declared(name), components), weight: 1 }, { arbitrary: fc.uuid(), weight: 1 }, { arbitrary: edgeString, weight: 2 })]),
    ) as Record<string, fc.Arbitrary<string>>,
  );
  const queryParams = parameters.filter((p) => p.in === 'query');
  const content = operation?.requestBody?.content ?? {};
  const mediaType = content['application/webhook+json'] ? 'application/webhook+json' : 'application/json';
  const bodySchema = content[mediaType]?.schema;
  const takesBody = route.method !== 'GET';
  const examples = examplesFor(f)[route.key] ?? [];
  const fuzzed: fc.Arbitrary<FuzzRequest> = fc.record({
    params: fuzzedParams,
    query: queryParams.length || route.method === 'GET' || route.method === 'DELETE' ? queryArbitrary(queryParams, components) : fc.constant<[string, string][]>([]),
    body: takesBody ? bodyArbitrary(bodySchema, components, examples) : fc.constant(null),
    contentType: fc.oneof({ arbitrary: fc.constant(mediaType), weight: 8 }, { arbitrary: fc.constantFrom('text/plain', 'application/json; charset=latin1', 'application/x-www-form-urlencoded', null), weight: 1 }),
    workspaceHeader: fc.oneof({ arbitrary: fc.constant(null), weight: 8 }, { arbitrary: fc.oneof(fc.constant(owner.workspaceId), fc.uuid(), headerText), weight: 1 }),
    idempotencyKey: fc.oneof({ arbitrary: fc.constant(null), weight: 8 }, { arbitrary: headerText, weight: 1 }),
    credential: fc.oneof({ arbitrary: fc.constant('valid' as const), weight: 12 }, { arbitrary: fc.constantFrom('none' as const, 'forged' as const), weight: 1 }),
  });
  // What a client that read the docs sends: real ids, the schema's values, the route's examples, its own credential.
  const hasBody = !!bodySchema || examples.length > 0;
  const wellFormedRequest: fc.Arbitrary<FuzzRequest> = fc.record({
    params: realParams,
    // No cursor: only one the API answered is valid, and the first page has none.
    query: validQueryArbitrary(queryParams, components, { campaignId: fc.constant(f.campaign), actor: fc.constantFrom(owner.id, owner.email), cursor: fc.constant('') }),
    body: hasBody ? validBodyArbitrary(bodySchema, components, examples).map((json) => ({ json })) : fc.constant(null),
    contentType: fc.constant(hasBody ? mediaType : null),
    workspaceHeader: fc.constantFrom(null, owner.workspaceId),
    idempotencyKey: fc.oneof({ arbitrary: fc.constant(null), weight: 2 }, { arbitrary: fc.uuid(), weight: 1 }),
    credential: fc.constant('valid' as const),
  });
  const knownGood: FuzzRequest = {
    params: Object.fromEntries(pathNames.map((name) => [name, name === 'action' ? 'start' : realId(route, name, f)])),
    query: [],
    body: examples.length ? { json: examples[0] } : null,
    contentType: examples.length ? mediaType : null,
    workspaceHeader: null,
    idempotencyKey: null,
    credential: 'valid',
  };
  return { arbitrary: fc.oneof({ arbitrary: wellFormedRequest, weight: 1 }, { arbitrary: fuzzed, weight: 2 }), knownGood };
}

// A URL cannot carry a lone surrogate: Next hands a handler U+FFFD in its place, and so does this.
const wellFormed = (text: string) => text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

/** The Authorization a request carries: the route's own credential (a LiveKit webhook's signs this very body), a forged one, or none. */
async function authorization(route: Route, f: Fixture, credential: FuzzRequest['credential'], body: string): Promise<string | null> {
  if (credential === 'none') return null;
  if (route.template === '/api/livekit/webhook') {
    const { apiKey, apiSecret } = liveKitCredentials();
    return signWebhook(body, apiKey, credential === 'valid' ? apiSecret : 'not-the-livekit-api-secret-at-all');
  }
  if (route.template === '/api/livekit/agent-report') return `Bearer ${credential === 'valid' ? f.reportToken : f.forgedReportToken}`;
  return `Bearer ${credential === 'valid' ? owner.token : 'not-a-session-token'}`;
}

async function send(route: Route, f: Fixture, request: FuzzRequest) {
  const r = { ...request, params: Object.fromEntries(Object.entries(request.params).map(([k, v]) => [k, wellFormed(v)])) };
  const pathname = route.template.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(r.params[name]));
  const search = new URLSearchParams(r.query).toString();
  const body = r.body === null ? undefined : 'raw' in r.body ? r.body.raw : JSON.stringify(r.body.json);
  const headers: Record<string, string> = {};
  const auth = await authorization(route, f, r.credential, body ?? '');
  if (auth !== null) headers.authorization = auth;
  if (r.contentType) headers['content-type'] = r.contentType;
  if (r.workspaceHeader !== null) headers['x-workspace-id'] = r.workspaceHeader;
  if (r.idempotencyKey !== null) headers['idempotency-key'] = r.idempotencyKey;
  const res = await route.handler(new Request(`${BASE}${pathname}${search ? `?${search}` : ''}`, { method: route.method, headers, body }), { params: Promise.resolve(r.params) });
  const text = await res.text();
  // What the answer left running (settling a call, scoring) writes before the next run's fingerprint.
  await backgroundTasksDone();
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
    it(`${key}: never a 5xx; a 4xx is the error body and writes nothing; the success path is reached`, async () => {
      const route = routes.find((r) => r.key === key)!;
      const f = await makeFixture();
      const { arbitrary, knownGood } = requestArbitrary(route, f);
      let successes = 0;
      await fc.assert(
        fc.asyncProperty(arbitrary, async (r) => {
          const before = await fingerprint();
          const errorsBefore = loggedErrors.mock.calls.length;
          const { status, text } = await send(route, f, r);
          tally(`${key} ${status}`);
          if (status >= 200 && status < 300) successes++;
          const request = describeRequest(r);
          expect(status, `${key} answered ${status} ${text.slice(0, 300)} to ${request}`).toBeLessThan(500);
          expect(loggedErrors.mock.calls.slice(errorsBefore).map(([message, fields]) => `${message} ${JSON.stringify(fields)?.slice(0, 500)}`), `${key} logged errors (${status}) for ${request}`).toEqual([]);
          if (status >= 400) expect(checkErrorBody(status, text), `${key} to ${request}`).toBeNull();
          if (status >= 400 || readOnly(route)) {
            const after = await fingerprint();
            const changed = Object.keys(after).filter((t) => after[t] !== before[t] && !(status < 400 && t === 'audit_log'));
            expect(changed, `${key} answered ${status} ${text.slice(0, 300)} yet changed these tables, to ${request}`).toEqual([]);
          }
        }),
        { numRuns: runs, seed, examples: [[knownGood]] },
      );
      if (!(key in errorPathsOnly)) expect(successes, `${key} answered no 2xx in ${runs} runs: its success path was never fuzzed`).toBeGreaterThan(0);
    }, 300_000);
  }
});
