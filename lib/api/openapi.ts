// The OpenAPI 3.1 document, built from the zod schemas the handlers parse with (request bodies, query
// strings, params) and the response schemas of lib/api/responses.ts. Served at GET /api/openapi.json,
// rendered at /docs/api. test/integration/openapi.int.test.ts fails when a route is missing here.
import 'server-only';
import { z } from 'zod';
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject, type ZodOpenApiResponsesObject } from 'zod-openapi';
import { listAuditQuery } from '@/lib/services/audit/list-audit';
import { lifecycleActions } from '@/lib/services/campaigns/lifecycle';
import { createCampaignBody, listCampaignsQuery, updateCampaignBody } from '@/lib/services/campaigns/schemas';
import { listCallsQuery } from '@/lib/services/calls/list-calls';
import { complianceCheck, complianceCheckBatch, createBlackoutBody } from '@/lib/services/compliance/api-schemas';
import { addDncBody, listDncQuery, removeDncInput } from '@/lib/services/dnc/schemas';
import { addLeadBody, listLeadsQuery, updateLeadBody } from '@/lib/services/leads/schemas';
import { previewQualificationBody } from '@/lib/services/qualification/preview-qualification';
import { acceptInvitationBody, addMemberBody, createWorkspaceBody, renameWorkspaceBody, updateMemberBody } from '@/lib/services/workspaces/schemas';
import { createApiKeyBody } from '@/lib/services/api-keys/schemas';
import { agentReportBody } from '@/shared/contracts/agent-report';
import * as r from './responses';
import { createWebhookBody, listDeliveriesQuery, updateWebhookBody } from '@/lib/services/webhooks/schemas';

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
const csv = { 'text/csv': { schema: z.string().meta({ description: 'CSV, RFC 4180, UTF-8; cells that would start a formula begin with an apostrophe' }) } };

const errors = {
  '400': 'The request is malformed (bad JSON, a bad query parameter)',
  '401': 'No session, bearer token or API key (or a revoked one)',
  '403': 'A cross-site request, or a role below the one this route needs (the message names it)',
  '404': "Not found, or another workspace's (also an X-Workspace-Id the user is not a member of)",
  '409': 'Conflicts with the current state',
  '413': 'The body is too large',
  '422': 'A field is invalid: `fields` names it',
  '429': 'Rate limited: see Retry-After',
} as const;
type ErrorStatus = keyof typeof errors;

function errorResponses(statuses: ErrorStatus[]): ZodOpenApiResponsesObject {
  return Object.fromEntries(statuses.map((s) => [s, { description: errors[s], content: json(r.errorResponse) }]));
}

const userErrors: ErrorStatus[] = ['401', '403', '429'];
const ok = (schema: z.ZodType, description: string, more: ErrorStatus[] = []): ZodOpenApiResponsesObject => ({
  '200': { description, content: json(schema) },
  ...errorResponses([...userErrors, ...more]),
});
const created = (schema: z.ZodType, description: string, more: ErrorStatus[] = []): ZodOpenApiResponsesObject => ({
  '201': {
    description,
    headers: z.object({ Location: z.string().meta({ description: 'The URL of the created resource' }), 'Idempotent-Replayed': z.literal('true').optional().meta({ description: 'Set when this is the stored answer to an earlier request with the same Idempotency-Key' }) }),
    content: json(schema),
  },
  ...errorResponses([...userErrors, '400', '422', ...more]),
});
const accepted = (schema: z.ZodType, description: string, more: ErrorStatus[] = []): ZodOpenApiResponsesObject => ({
  '202': { description, content: json(schema) },
  ...errorResponses([...userErrors, ...more]),
});
// A long request that also answers as NDJSON (lib/api/progress-lines.ts): the 200's second media type, one line per schema.
const withProgressLines = (responses: ZodOpenApiResponsesObject, line: z.ZodType): ZodOpenApiResponsesObject => {
  const answer = responses['200'] as { description: string; content: Record<string, { schema: z.ZodType }> };
  return { ...responses, '200': { ...answer, content: { ...answer.content, 'application/x-ndjson': { schema: line } } } };
};
const csvDownload = (description: string): ZodOpenApiResponsesObject => ({
  '200': { description, headers: z.object({ 'Content-Disposition': z.string() }), content: csv },
  ...errorResponses([...userErrors, '404']),
});

const idempotencyKey = z
  .string()
  .min(1)
  .max(255)
  .optional()
  .meta({
    description:
      'Retry-safe creates: a retry with the same key (same user, same request) answers the first status and body without doing the work again; the same key with another body is a 422. Keys expire after 24 hours.',
    example: 'a3c1f1e0-retry-1',
  });
const createHeaders = z.object({ 'Idempotency-Key': idempotencyKey });

const campaignId = z.object({ id: z.uuid().meta({ description: 'Campaign id' }) });
const callId = z.object({ id: z.uuid().meta({ description: 'Call id' }) });

const op = (tags: string[], summary: string, rest: Omit<ZodOpenApiOperationObject, 'tags' | 'summary'>): ZodOpenApiOperationObject => ({ tags, summary, ...rest });

const campaignPatch = (summary: string, description: string) =>
  op(['Campaigns'], summary, {
    description,
    requestParams: { path: campaignId },
    requestBody: { content: json(updateCampaignBody) },
    responses: ok(r.campaignResponse, 'The campaign after the change', ['400', '404', '409', '422']),
  });

const leadPatch = (summary: string, description: string) =>
  op(['Leads'], summary, {
    description,
    requestParams: { path: campaignId.extend({ leadId: z.uuid() }) },
    requestBody: { content: json(updateLeadBody) },
    responses: ok(r.leadResponse, 'The lead after the change', ['400', '404', '409', '422']),
  });

const addLeadOp = (summary: string, deprecated = false) =>
  op(['Leads'], summary, {
    deprecated,
    requestParams: { path: campaignId, header: createHeaders },
    requestBody: { content: json(addLeadBody) },
    responses: created(r.leadResponse, 'The lead; Location is its URL', ['404', '409']),
  });

const patchVsPut =
  'Changes only the fields sent; a field sent as null clears an optional setting. PUT is kept for existing clients and behaves exactly as PATCH: it never resets a setting it was not sent.';

export const paths: ZodOpenApiPathsObject = {
  '/api/campaigns': {
    get: op(['Campaigns'], "The user's campaigns", { requestParams: { query: listCampaignsQuery }, responses: ok(r.campaignPage, 'One page of campaigns, newest first', ['400']) }),
    post: op(['Campaigns'], 'Create a campaign (a draft)', {
      requestParams: { header: createHeaders },
      requestBody: { content: json(createCampaignBody) },
      responses: created(r.campaignResponse, 'The campaign; Location is its URL'),
    }),
  },
  '/api/campaigns/{id}': {
    get: op(['Campaigns'], 'One campaign', { requestParams: { path: campaignId }, responses: ok(r.campaignResponse, 'The campaign', ['404']) }),
    patch: campaignPatch('Edit a campaign', patchVsPut),
    put: campaignPatch('Edit a campaign (same as PATCH)', patchVsPut),
    delete: op(['Campaigns'], 'Delete a campaign with its leads and calls', { requestParams: { path: campaignId }, responses: ok(r.deletedResponse, 'Deleted', ['404', '409']) }),
  },
  '/api/campaigns/{id}/{action}': {
    post: op(['Campaigns'], 'Start, pause, resume or stop a campaign', {
      requestParams: { path: campaignId.extend({ action: z.enum(lifecycleActions) }) },
      responses: ok(r.campaignResponse, 'The campaign in its new status', ['404', '409']),
    }),
  },
  '/api/campaigns/{id}/clone': {
    post: op(['Campaigns'], 'Clone a campaign', {
      description: 'A new draft named `<name> (copy)` with the same settings; leads, calls and spend are not copied.',
      requestParams: { path: campaignId, header: createHeaders },
      responses: created(r.campaignResponse, 'The new draft; Location is its URL', ['404']),
    }),
  },
  '/api/campaigns/{id}/progress': {
    get: op(['Campaigns'], 'Live progress: counters, calls in flight, notices, forecast', { requestParams: { path: campaignId }, responses: ok(r.campaignProgressResponse, 'Progress', ['404']) }),
  },
  '/api/campaigns/{id}/analytics': {
    get: op(['Analytics'], 'Outcomes, connect rate, scores, calls per hour, funnel, cost', { requestParams: { path: campaignId }, responses: ok(r.campaignAnalyticsResponse, 'Analytics', ['404']) }),
  },
  '/api/campaigns/{id}/calls': {
    get: op(['Calls'], "The campaign's calls", { requestParams: { path: campaignId, query: listCallsQuery }, responses: ok(r.callPage, 'One page of calls, newest first', ['400', '404']) }),
  },
  '/api/campaigns/{id}/calls/export': {
    get: op(['Calls', 'Exports'], 'Every call as CSV, streamed', {
      description:
        'One row per call: outcome, duration, score, next action, notes, recording link, cost and times; then a `criteria.<field>` column per criterion answered, then one column per CRM field of the leads (their context keys, e.g. `external_id`).',
      requestParams: { path: campaignId },
      responses: csvDownload('The calls as CSV'),
    }),
  },
  '/api/campaigns/{id}/compliance': {
    get: op(['Compliance'], 'Calls placed, rules and jurisdictions applied, recording decisions, violations', { requestParams: { path: campaignId }, responses: ok(r.complianceReportResponse, 'The report', ['404']) }),
  },
  '/api/campaigns/{id}/compliance/export': {
    get: op(['Compliance', 'Exports'], "Every call's compliance evidence as CSV, streamed", { requestParams: { path: campaignId }, responses: csvDownload('The evidence as CSV') }),
  },
  '/api/campaigns/{id}/leads': {
    get: op(['Leads'], "The campaign's leads", { requestParams: { path: campaignId, query: listLeadsQuery }, responses: ok(r.leadPage, 'One page of leads', ['400', '404']) }),
    post: addLeadOp('Add one lead'),
  },
  '/api/campaigns/{id}/leads/add': { post: addLeadOp('Add one lead (alias of POST /api/campaigns/{id}/leads)', true) },
  '/api/campaigns/{id}/leads/{leadId}': {
    patch: leadPatch("Edit a lead's details", patchVsPut),
    put: leadPatch("Edit a lead's details (same as PATCH)", patchVsPut),
  },
  '/api/campaigns/{id}/leads/upload': {
    post: op(['Leads'], 'Import leads from a CSV file', {
      description: 'Send `mapping` and `defaultRegion` before `file`: the file streams straight into the import. The template at GET /api/campaigns/leads/template has the columns the importer reads.',
      requestParams: { path: campaignId },
      requestBody: {
        content: {
          'multipart/form-data': {
            schema: z.object({
              mapping: z.string().optional().meta({ description: 'JSON object: CSV header → lead field (name, first_name, last_name, phone, company, email, timezone, state, consent_at, consent_source, consent_text, context, ignore)' }),
              defaultRegion: z.string().optional().meta({ description: 'Region for numbers without a country code, e.g. GB', example: 'US' }),
              file: z.string().meta({ format: 'binary', description: 'The CSV (one file)' }),
            }),
          },
        },
      },
      responses: withProgressLines(ok(r.importReportResponse, 'What was imported and what was not; with `Accept: application/x-ndjson`, progress lines first', ['400', '404', '409', '413', '422']), r.importProgressLine),
    }),
  },
  '/api/campaigns/{id}/leads/export': {
    get: op(['Leads', 'Exports'], 'Every lead as CSV, streamed', {
      description: "The importer's own columns first (the file imports again), then one column per CRM field (context key), then status, attempts, last outcome and score.",
      requestParams: { path: campaignId },
      responses: csvDownload('The leads as CSV'),
    }),
  },
  '/api/campaigns/leads/template': {
    get: op(['Leads', 'Exports'], 'A lead-list CSV template', { description: 'The columns the importer reads, with one example row.', responses: csvDownload('The template') }),
  },
  '/api/calls/{id}': {
    get: op(['Calls'], 'One call with transcript, score breakdown, notes, cost and compliance evidence', { requestParams: { path: callId }, responses: ok(r.callDetailResponse, 'The call', ['404']) }),
  },
  '/api/calls/{id}/listen-token': {
    post: op(['Calls'], 'A receive-only LiveKit token to listen in on a live call', { requestParams: { path: callId }, responses: ok(r.listenTokenResponse, 'The token', ['404', '409']) }),
  },
  '/api/compliance/check': {
    post: op(['Compliance'], 'May this number (or each of up to 1,000) be called now, or at `at`?', {
      requestBody: { content: json(z.union([complianceCheck, complianceCheckBatch])) },
      responses: ok(z.union([r.complianceCheckResultResponse, r.complianceCheckBatchResponse]), 'One result, or `{ results }` for a batch', ['400', '404', '413', '422']),
    }),
  },
  '/api/compliance/blackouts': {
    get: op(['Compliance'], "The user's blackouts", { responses: ok(r.blackoutList, 'Blackouts, newest first') }),
    post: op(['Compliance'], 'Declare a blackout: no calls to leads in the region while it holds', {
      requestParams: { header: createHeaders },
      requestBody: { content: json(createBlackoutBody) },
      responses: created(r.blackoutResponse, 'The blackout; Location is its URL'),
    }),
  },
  '/api/compliance/blackouts/{id}': {
    delete: op(['Compliance'], 'Lift a blackout', { requestParams: { path: z.object({ id: z.uuid() }) }, responses: ok(r.deletedResponse, 'Deleted', ['404']) }),
  },
  '/api/leads/{id}/personal-data': {
    delete: op(['Leads'], "Erase a lead's personal data", {
      description: 'Removes name, company, e-mail, phone, context, consent text and every transcript, recording and report of its calls; the calls stay as counts. An opted-out number stays on the do-not-call list only as a keyed hash.',
      requestParams: { path: z.object({ id: z.uuid() }) },
      responses: ok(r.leadErasureResponse, 'Erased', ['404', '409']),
    }),
  },
  '/api/webhooks': {
    get: op(['Webhooks'], "The user's webhook endpoints (never their secrets)", { responses: ok(r.webhookEndpointList, 'Endpoints, newest first') }),
    post: op(['Webhooks'], 'Add a webhook endpoint; its whsec_ secret is answered this once (and to a retry with the same Idempotency-Key)', {
      requestParams: { header: createHeaders },
      requestBody: { content: json(createWebhookBody) },
      responses: created(r.webhookEndpointCreated, 'The endpoint with its signing secret; Location is its URL'),
    }),
  },
  '/api/webhooks/{id}': {
    patch: op(['Webhooks'], 'Change what is sent; enabled: true re-enables a disabled endpoint', {
      requestParams: { path: z.object({ id: z.uuid() }) },
      requestBody: { content: json(updateWebhookBody) },
      responses: ok(r.webhookEndpoint, 'The endpoint', ['404', '422']),
    }),
    delete: op(['Webhooks'], 'Remove an endpoint and its deliveries', { requestParams: { path: z.object({ id: z.uuid() }) }, responses: ok(r.deletedResponse, 'Deleted', ['404']) }),
  },
  '/api/webhooks/{id}/deliveries': {
    get: op(['Webhooks'], "The endpoint's latest deliveries, each with its attempts", {
      requestParams: { path: z.object({ id: z.uuid() }), query: listDeliveriesQuery },
      responses: ok(r.webhookDeliveryList, 'Deliveries, newest first', ['400', '404']),
    }),
  },
  '/api/webhooks/{id}/test': {
    post: op(['Webhooks'], 'Send a webhook.test event to the endpoint', { requestParams: { path: z.object({ id: z.uuid() }) }, responses: accepted(r.webhookTestQueued, 'Queued', ['404', '409']) }),
  },
  '/api/webhooks/deliveries/{id}/retry': {
    post: op(['Webhooks'], 'Send a delivery again (same webhook-id, a fresh 24 h of retries)', {
      requestParams: { path: z.object({ id: z.uuid() }) },
      responses: accepted(r.webhookDeliveryQueued, 'Queued', ['404', '409']),
    }),
  },
  '/api/dnc': {
    get: op(['Do not call'], "The user's do-not-call list", { requestParams: { query: listDncQuery }, responses: ok(r.dncPage, 'One page of numbers', ['400']) }),
    post: op(['Do not call'], 'Add one number (JSON) or a file of them (multipart)', {
      description: 'A JSON add honours Idempotency-Key; an upload (a CSV or a National DNC Registry download, field `file`) refuses it.',
      requestParams: { header: createHeaders },
      requestBody: {
        content: {
          ...json(addDncBody),
          'multipart/form-data': {
            schema: z.object({
              reason: z.string().optional(),
              region: z.string().optional(),
              format: z.enum(['auto', 'csv', 'registry']).optional(),
              file: z.string().meta({ format: 'binary' }),
            }),
          },
        },
      },
      responses: {
        '200': { description: 'The entry (JSON add) or the import report (upload)', content: json(z.union([r.dncAddResponse, r.dncImportReportResponse])) },
        ...errorResponses([...userErrors, '400', '413', '422']),
        '415': { description: 'Neither JSON nor multipart', content: json(r.errorResponse) },
      },
    }),
    delete: op(['Do not call'], 'Remove one number', {
      description: 'The number as `?phone=` (and optional `region`), or as a JSON body.',
      requestParams: { query: removeDncInput.partial() },
      requestBody: { required: false, content: json(removeDncInput) },
      responses: ok(r.dncRemoveResponse, 'Whether it was on the list', ['400', '422']),
    }),
  },
  '/api/qualification/preview': {
    post: op(['Qualification'], 'Score a transcript against draft criteria, storing nothing', {
      requestBody: { content: json(previewQualificationBody) },
      responses: ok(r.qualificationPreviewResponse, 'What scoring would find', ['400', '422']),
    }),
  },
  '/api/livekit/agent-report': {
    post: op(['Telephony (internal)'], 'The calling agent reports a finished call', {
      description: 'Sent by the agent process with the report token from the dispatch metadata as a bearer token; not for customers.',
      security: [{ reportToken: [] }],
      requestBody: { content: json(agentReportBody) },
      responses: { '200': { description: 'Applied, or a duplicate acknowledged', content: json(r.agentReportAck) }, ...errorResponses(['400', '401', '413', '422']) },
    }),
  },
  '/api/livekit/webhook': {
    post: op(['Telephony (internal)'], 'LiveKit reports rooms, participants and recordings', {
      description: "LiveKit's signed webhook (Authorization carries its JWT); not for customers.",
      security: [{ liveKitSignature: [] }],
      requestBody: { content: { 'application/webhook+json': { schema: z.object({ event: z.string(), id: z.string().optional() }).catchall(z.unknown()) } } },
      responses: { '200': { description: 'Acknowledged', content: json(r.liveKitWebhookAck) }, ...errorResponses(['400', '401']) },
    }),
  },
  '/api/workspaces': {
    get: op(['Workspaces'], "The user's workspaces, their role in each, and which is active", { description: 'Acts in no one workspace: X-Workspace-Id is not read.', responses: ok(r.workspaceList, 'Every workspace the user is a member of') }),
    post: op(['Workspaces'], 'Make a shared workspace', {
      description: 'The user becomes its owner and acts in it from now on (as after activating it). Acts in no one workspace: X-Workspace-Id is not read. Location is the workspace.',
      requestParams: { header: createHeaders },
      requestBody: { content: json(createWorkspaceBody) },
      responses: created(r.workspaceCreated, 'Made; the user is its owner'),
    }),
  },
  '/api/workspaces/{id}': {
    patch: op(['Workspaces'], 'Rename the workspace (owner)', {
      description: 'Acts in the workspace the path names; an X-Workspace-Id naming another is 404.',
      requestParams: { path: z.object({ id: z.uuid() }) },
      requestBody: { content: json(renameWorkspaceBody) },
      responses: ok(r.workspaceRenamed, 'The new name', ['404', '422']),
    }),
  },
  '/api/workspaces/{id}/activate': {
    post: op(['Workspaces'], 'Make this workspace the one requests without X-Workspace-Id act in', { requestParams: { path: z.object({ id: z.uuid() }) }, responses: ok(r.workspaceActivated, 'Active now, for every session of the user', ['404']) }),
  },
  '/api/team/members': {
    get: op(['Workspaces'], "The workspace's members and open invitations", { responses: ok(r.memberList, 'Members, and invitations not yet accepted') }),
    post: op(['Workspaces'], 'Add a user by email, or invite an email without an account (owner)', {
      description:
        'An email with an account joins at once (`status: added`). Any other gets an invitation (`status: invited`) with a single-use join link that expires after 7 days: `joinUrl` is in this answer only (the database keeps the SHA-256 of its token), and it is e-mailed when the server has SMTP_URL (`emailSent`, `emailError`). Signing up with the address joins nothing: the invitee opens the link and accepts (`POST /api/invitations/accept`). An address invited with a live link is a 409; one whose link expired is invited afresh. Location is the member list.',
      requestBody: { content: json(addMemberBody) },
      responses: created(r.memberAdded, 'Added or invited', ['409']),
    }),
  },
  '/api/team/members/{userId}': {
    patch: op(['Workspaces'], "Change a member's role (owner)", {
      requestParams: { path: z.object({ userId: z.string() }) },
      requestBody: { content: json(updateMemberBody) },
      responses: ok(r.memberRoleChanged, 'The new role', ['404', '409', '422']),
    }),
    delete: op(['Workspaces'], 'Remove a member (owner); never the last owner', { requestParams: { path: z.object({ userId: z.string() }) }, responses: ok(r.memberRemoved, 'Removed', ['404', '409']) }),
  },
  '/api/invitations/accept': {
    post: op(['Workspaces'], "Accept an invitation with its link's token (the invited user)", {
      description:
        "Needs a signed-in user whose e-mail is the invitation's (any case): another user is a 403 naming the invited address. A token that names no invitation (mistyped, or revoked) is a 404; a used or expired one a 409. The user joins at the invitation's role and acts in the workspace from now on (as after activating it); audited as `member.joined`. Two accepts at once join once. Acts in no one workspace: X-Workspace-Id is not read; an API key is a 403.",
      security: [{ bearerAuth: [] }, { sessionCookie: [] }],
      requestBody: { content: json(acceptInvitationBody) },
      responses: ok(r.invitationAccepted, 'Joined; the workspace is now the active one', ['400', '404', '409', '422']),
    }),
  },
  '/api/team/invitations/{id}': {
    delete: op(['Workspaces'], 'Revoke an open invitation (owner)', { description: 'Its link then answers 404.', requestParams: { path: z.object({ id: z.uuid() }) }, responses: ok(r.invitationRevoked, 'Revoked', ['404']) }),
  },
  '/api/audit': {
    get: op(['Workspaces'], "The workspace's audit trail, newest first (owner)", {
      description:
        'Every mutating action with its actor (null for the engine): campaigns, leads, do-not-call, exports, listen-in, members, sign-ins. Rows outlive their campaign. Keyset pages: pass `nextCursor` back as `cursor`.',
      requestParams: { query: listAuditQuery },
      responses: ok(r.auditPage, 'One page of entries', ['400']),
    }),
  },
  '/api/api-keys': {
    get: op(['Workspaces'], "The workspace's API keys (manager; prefix only, never the key)", {
      description: 'Needs a signed-in user: an API key cannot list or manage keys (403).',
      security: [{ bearerAuth: [] }, { sessionCookie: [] }],
      responses: ok(r.apiKeyList, 'Live keys, newest first'),
    }),
    post: op(['Workspaces'], 'Create an API key (manager; its role at most your own)', {
      description: 'The answer holds the key; it is never shown again (only its SHA-256 is stored). `role` defaults to your own; a role above it is a 403 naming it. Send the key as `Authorization: Bearer oce_…` or `x-api-key: oce_…`: the request acts in this workspace with the key\'s role (never above its creator\'s current role); an `X-Workspace-Id` naming another workspace is 404.',
      security: [{ bearerAuth: [] }, { sessionCookie: [] }],
      requestBody: { content: json(createApiKeyBody) },
      responses: created(r.apiKeyCreated, 'The key, shown this once'),
    }),
  },
  '/api/api-keys/{id}': {
    delete: op(['Workspaces'], 'Revoke an API key (manager; a key above your role is a 403)', {
      description: 'The key answers 401 from its next request on.',
      security: [{ bearerAuth: [] }, { sessionCookie: [] }],
      requestParams: { path: z.object({ id: z.uuid() }) },
      responses: ok(r.deletedResponse, 'Revoked', ['404']),
    }),
  },
  '/api/health': {
    get: op(['Meta'], 'The app is up', { security: [], responses: { '200': { description: 'Up', content: { 'application/json': { schema: z.object({ ok: z.literal(true) }) } } } } }),
    post: op(['Meta'], 'The app is up (the body is read and ignored)', { security: [], responses: { '200': { description: 'Up', content: { 'application/json': { schema: z.object({ ok: z.literal(true) }) } } } } }),
  },
  '/api/openapi.json': {
    get: op(['Meta'], 'This document', { security: [], responses: { '200': { description: 'The OpenAPI 3.1 document', content: { 'application/json': { schema: z.object({ openapi: z.string() }).catchall(z.unknown()) } } } } }),
  },
};

let cached: ReturnType<typeof createDocument> | undefined;

export function openApiDocument() {
  cached ??= createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Outbound calling engine API',
      version: '1.0.0',
      description:
        'Create campaigns, add or import leads, start calling, read calls and analytics. Authenticate with an API key (`Authorization: Bearer oce_…` or `x-api-key: oce_…`, made under Settings → API keys), a bearer session token (`Authorization: Bearer …`) or the session cookie. Errors share one body: `{ "error": { "code", "message", "fields"? } }`. Creates answer 201 with Location and accept an Idempotency-Key header. PATCH changes only the fields sent; PUT behaves the same. A request acts in the workspace its `X-Workspace-Id` header names (the user must be a member, else 404), else the user\'s active one (`POST /api/workspaces/{id}/activate`); roles: owner (everything, members), manager (campaigns, leads, start/stop, DNC, listen-in, exports), viewer (reads only).',
    },
    servers: [{ url: '/' }],
    security: [{ apiKeyHeader: [] }, { bearerAuth: [] }, { sessionCookie: [] }],
    components: {
      securitySchemes: {
        apiKeyHeader: { type: 'apiKey', in: 'header', name: 'x-api-key', description: 'A workspace API key (`oce_…`); also accepted as `Authorization: Bearer oce_…`' },
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'A session token (from sign-in, header set-auth-token), or an API key (`oce_…`)' },
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'better-auth.session_token' },
        reportToken: { type: 'http', scheme: 'bearer', description: "The agent's per-call report token" },
        liveKitSignature: { type: 'apiKey', in: 'header', name: 'Authorization', description: "LiveKit's webhook JWT" },
      },
    },
    paths,
  });
  return cached;
}
