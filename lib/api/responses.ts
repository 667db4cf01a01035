// The API's JSON answers as zod schemas: the OpenAPI document (lib/api/openapi.ts) describes every
// route with them, and the browser's types (lib/client/types.ts) are inferred from them, so a field
// added here reaches both. Dates are ISO 8601 strings, as JSON carries them. Nothing server-only here.
import { z } from 'zod';
import { AUDIT_ACTIONS } from '@/shared/audit-actions';
import { createCampaignBody, campaignStatuses } from '@/lib/services/campaigns/schemas';
import { callStatuses, inFlightCallStatuses, leadStatuses } from '@/shared/statuses';
import { WORKSPACE_ROLES } from '@/shared/workspace-roles';
import { importProgress } from '@/shared/contracts/import-progress';
import { webhookEventTypes } from '@/shared/contracts/webhook-events';

const instant = z.iso.datetime({ offset: true });
const id = z.uuid();


export const errorResponse = z
  .object({
    error: z.object({
      code: z.string().meta({ example: 'unprocessable' }),
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional().meta({ description: 'Field (dotted path) → what is wrong with it' }),
    }),
  })
  .meta({ id: 'Error' });

export const okResponse = z.object({ ok: z.literal(true) }).meta({ id: 'Ok' });
export const deletedResponse = z.object({ deleted: z.literal(true), id }).meta({ id: 'Deleted' });

export const pageOf = <T extends z.ZodType>(item: T, name: string) =>
  z.object({ items: z.array(item), page: z.number().int(), pageSize: z.number().int(), total: z.number().int() }).meta({ id: `${name}Page` });

/** A list read by cursor (the default) or, when `page` is asked for, by page number (lib/services/keyset). */
export const keysetPageOf = <T extends z.ZodType, Total extends z.ZodType>(item: T, name: string, total: Total) =>
  z
    .object({
      items: z.array(item),
      page: z.number().int().optional().meta({ description: 'Only when a page number was asked for' }),
      pageSize: z.number().int(),
      total,
      nextCursor: z.string().nullable().meta({ description: 'Pass it back as `cursor` for the next page; null on the last' }),
    })
    .meta({ id: `${name}Page` });

export const campaignResponse = createCampaignBody
  .extend({
    id,
    description: z.string().nullable(),
    status: z.enum(campaignStatuses),
    progress: z.object({ percent: z.number(), called: z.number().int(), successful: z.number().int(), remaining: z.number().int() }),
    spent: z.number(),
    throttledUntil: instant.nullable().meta({ description: 'Telephony trouble: no dials before this moment' }),
    telephonyTroubleSince: instant.nullable().meta({ description: 'Since when dials keep failing (the campaign pauses after 2 minutes of it)' }),
    startedAt: instant.nullable(),
    completedAt: instant.nullable(),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: 'Campaign' });
export const campaignPage = pageOf(campaignResponse, 'Campaign');

const liveCall = z.object({
  id,
  leadId: id,
  leadName: z.string(),
  phone: z.string(),
  status: z.enum(inFlightCallStatuses),
  attemptNumber: z.number().int(),
  dialedAt: instant.nullable(),
  answeredAt: instant.nullable(),
});

export const campaignProgressResponse = z
  .object({
    status: z.enum(campaignStatuses),
    percent: z.number(),
    totalLeads: z.number().int(),
    called: z.number().int(),
    successful: z.number().int(),
    remaining: z.number().int(),
    needsConsent: z.number().int().meta({ description: "Leads held, not called: the campaign's consent basis needs a consent record they lack" }),
    inFlight: z.number().int(),
    callsToday: z.number().int(),
    spent: z.number(),
    budget: z.number().nullable(),
    // The name is kept for API clients; the description says what it holds.
    nextCallAt: instant.nullable().meta({
      description:
        "When the campaign's call windows next open (the current time while one is open), searched 14 days ahead; null when none opens in that time, or for a completed or cancelled campaign. Not a scheduled call: a lead may still have to wait for its own calling hours, and a paused campaign does not call.",
    }),
    withinWindow: z.boolean(),
    notifications: z.array(z.object({ id: z.string(), kind: z.string(), message: z.string(), createdAt: instant })),
    liveCalls: z.array(liveCall),
    forecast: z.object({ finishAt: instant.nullable(), expectedQualified: z.number(), pacePerHour: z.number() }),
  })
  .meta({ id: 'CampaignProgress' });

export const leadResponse = z
  .object({
    id,
    campaignId: id,
    name: z.string(),
    phone: z.string().meta({ description: 'E.164' }),
    company: z.string().nullable(),
    email: z.string().nullable(),
    timezone: z.string().nullable(),
    state: z.string().nullable().meta({ description: "Declared state or province, ISO 3166-2 ('US-FL')" }),
    consentAt: instant.nullable(),
    consentSource: z.string().nullable(),
    consentText: z.string().nullable(),
    context: z.record(z.string(), z.unknown()).nullable().meta({ description: "The lead's CRM fields: every imported column the product has no field for" }),
    status: z.enum(leadStatuses),
    callAttempts: z.number().int(),
    lastCalledAt: instant.nullable(),
    nextRetryAt: instant.nullable(),
    lastOutcome: z.string().nullable(),
    qualificationScore: z.number().nullable(),
    qualification: z.record(z.string(), z.unknown()).nullable(),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: 'Lead' });
export const leadPage = keysetPageOf(leadResponse, 'Lead', z.number().int().nullable().meta({ description: 'null on a search past its first page (counted on the first only)' }));

const lineReason = z.object({ line: z.number().int(), reason: z.string() });

export const importReportResponse = z
  .object({
    inserted: z.number().int(),
    duplicates: z.number().int(),
    dnc: z.number().int(),
    rejected: z.array(lineReason),
    rejectedTotal: z.number().int(),
    cleaned: z.array(lineReason).optional(),
    notes: z.array(lineReason).optional().meta({ description: 'Rows imported with a value read differently from how it was written' }),
    notesTotal: z.number().int().optional(),
    totalRows: z.number().int(),
  })
  .meta({ id: 'ImportReport' });

export const importProgressResponse = importProgress.meta({ id: 'ImportProgress' });
/** One line of a streamed import (`Accept: application/x-ndjson`): progress after each chunk, then the report or the error. */
export const importProgressLine = z
  .union([
    z.object({ progress: importProgressResponse }),
    z.object({ result: importReportResponse }),
    errorResponse.extend({ status: z.number().int().meta({ description: 'The HTTP status the error would have had' }) }),
  ])
  .meta({ id: 'ImportProgressLine' });

export const callResponse = z
  .object({
    id,
    campaignId: id,
    leadId: id,
    leadName: z.string(),
    phone: z.string(),
    attemptNumber: z.number().int(),
    status: z.enum(callStatuses),
    outcome: z.string().nullable(),
    outcomeNote: z.string().nullable(),
    durationSeconds: z.number().int().nullable(),
    score: z.number().nullable(),
    cost: z.number().nullable(),
    dialedAt: instant.nullable(),
    answeredAt: instant.nullable(),
    endedAt: instant.nullable(),
    createdAt: instant,
  })
  .meta({ id: 'Call' });
export const callPage = keysetPageOf(callResponse, 'Call', z.number().int());

export const transcriptTurn = z.object({ speaker: z.enum(['agent', 'lead']), text: z.string(), startMs: z.number().optional() }).meta({ id: 'TranscriptTurn' });

export const criterionResult = z
  .object({ field: z.string(), operator: z.string(), value: z.unknown().optional(), weight: z.number(), actual: z.unknown(), met: z.boolean(), label: z.string().optional() })
  .meta({ id: 'CriterionResult' });

export const qualificationResponse = z
  .object({
    score: z.number().nullable(),
    criteria: z.record(z.string(), z.unknown()).nullable().meta({ description: 'The answers heard, by criterion field' }),
    notes: z.string().nullable(),
    nextAction: z.string().nullable(),
    perCriterion: z.array(criterionResult),
  })
  .meta({ id: 'Qualification' });

export const complianceEvidence = z
  .object({
    version: z.literal(1),
    checkedAt: instant,
    phone: z.string(),
    zones: z.array(z.object({ zone: z.string(), localTime: z.string() })),
    jurisdiction: z.array(z.string()),
    rulesApplied: z.array(z.string()),
    declared: z.object({ timezone: z.string().nullable(), state: z.string().nullable() }),
    campaignWindow: z.object({ timezone: z.string(), dayOfWeek: z.number().int(), startHour: z.number().int(), endHour: z.number().int() }).nullable(),
    dncListsConsulted: z.array(z.string()),
    callsLast24h: z.number().int(),
    consent: z.object({
      basis: z.enum(['prior_express_written_consent', 'prior_express_consent', 'existing_business_relationship', 'informational']),
      lead: z.object({ at: z.string().nullable(), source: z.string().nullable(), text: z.string().nullable() }).nullable(),
    }),
    recording: z.object({
      campaignRecords: z.boolean(),
      allPartyConsentJurisdictions: z.array(z.string()),
      decision: z.enum(['not_recorded', 'disclosed', 'recorded_one_party', 'not_recorded_no_disclosure']),
    }),
    notes: z.array(z.string()),
  })
  .meta({ id: 'ComplianceEvidence', description: 'Why the call was lawful when it was claimed (stored once, never changed)' });

export const callDetailResponse = callResponse
  .extend({
    transcript: z.array(transcriptTurn).nullable(),
    qualification: qualificationResponse.nullable(),
    recordingUrl: z.string().nullable(),
    recordingConsent: z.string().nullable(),
    compliance: complianceEvidence.nullable(),
    scoredBy: z.string().nullable(),
    endedReason: z.string().nullable(),
  })
  .meta({ id: 'CallDetail' });

export const listenTokenResponse = z.object({ token: z.string(), url: z.string(), roomName: z.string(), simulated: z.boolean() }).meta({ id: 'ListenToken' });

export const campaignAnalyticsResponse = z
  .object({
    byOutcome: z.record(z.string(), z.number()),
    byStatus: z.record(z.string(), z.number()),
    totalCalls: z.number().int(),
    connected: z.number().int(),
    connectRate: z.number(),
    averageDurationSeconds: z.number().nullable(),
    scoreDistribution: z.array(z.object({ bucket: z.string(), count: z.number().int() })),
    callsPerHour: z.array(z.object({ hour: z.number().int(), calls: z.number().int(), connects: z.number().int() })),
    funnel: z.object({ leads: z.number().int(), called: z.number().int(), connected: z.number().int(), qualified: z.number().int(), needsConsent: z.number().int() }),
    qualified: z.number().int(),
    totalCost: z.number(),
    costPerQualifiedLead: z.number().nullable(),
  })
  .meta({ id: 'CampaignAnalytics' });

export const dncEntryResponse = z.object({ phone: z.string(), hashed: z.boolean().optional(), reason: z.string().nullable(), source: z.enum(['manual', 'import', 'opt_out']), createdAt: instant }).meta({ id: 'DncEntry' });
export const dncPage = pageOf(dncEntryResponse, 'DncEntry');
export const dncAddResponse = dncEntryResponse
  .extend({ added: z.boolean().meta({ description: 'false when the number was already on the list' }), leadsMarked: z.number().int() })
  .meta({ id: 'DncAdd' });
export const dncImportReportResponse = z
  .object({
    format: z.enum(['csv', 'registry']),
    added: z.number().int(),
    duplicates: z.number().int().meta({ description: 'Numbers already on the list or repeated in the file' }),
    leadsMarked: z.number().int(),
    rejected: z.array(lineReason),
    rejectedTotal: z.number().int(),
    totalRows: z.number().int(),
  })
  .meta({ id: 'DncImportReport' });
export const dncRemoveResponse = z.object({ phone: z.string(), deleted: z.boolean() }).meta({ id: 'DncRemove' });

export const qualificationPreviewResponse = z
  .object({
    outcome: z.string(),
    score: z.number().nullable(),
    criteria: z.record(z.string(), z.unknown()).nullable(),
    perCriterion: z.array(criterionResult),
    notes: z.string().nullable(),
    nextAction: z.string().nullable(),
    optOut: z.boolean(),
    callbackAt: instant.nullable().optional(),
  })
  .meta({ id: 'QualificationPreview' });

const complianceReason = z
  .object({ rule: z.string(), source: z.string(), detail: z.string(), zone: z.string().optional(), jurisdiction: z.string().optional() })
  .meta({ id: 'ComplianceReason' });

export const complianceCheckResultResponse = z
  .object({
    allowed: z.boolean(),
    phone: z.string(),
    at: instant,
    campaignId: id.nullable(),
    leadId: id.nullable(),
    zones: z.array(z.object({ zone: z.string(), localTime: z.string() })),
    jurisdiction: z.array(z.string()),
    rulesApplied: z.array(z.string()),
    reasons: z.array(complianceReason),
    nextAllowedAt: instant.nullable(),
    needsConsent: z.boolean(),
    recording: z.object({ allPartyConsent: z.boolean(), jurisdictions: z.array(z.string()) }),
    notes: z.array(z.string()),
  })
  .meta({ id: 'ComplianceCheckResult' });
export const complianceCheckBatchResponse = z.object({ results: z.array(complianceCheckResultResponse) }).meta({ id: 'ComplianceCheckBatchResult' });

export const blackoutResponse = z
  .object({ id, region: z.string(), startsAt: instant, endsAt: instant, reason: z.string().nullable(), createdAt: instant, state: z.enum(['upcoming', 'in_force', 'ended']) })
  .meta({ id: 'Blackout' });
export const blackoutList = z.object({ items: z.array(blackoutResponse) }).meta({ id: 'BlackoutList' });

export const complianceReportResponse = z
  .object({
    callsPlaced: z.number().int(),
    callsWithEvidence: z.number().int(),
    byRule: z.record(z.string(), z.number()),
    byJurisdiction: z.record(z.string(), z.number()),
    recording: z.record(z.string(), z.number()),
    violationCount: z.number().int(),
    violations: z.array(z.object({ callId: id, leadId: id, phone: z.string(), checkedAt: instant.nullable(), reasons: z.array(complianceReason) })),
    violationsTruncated: z.boolean(),
  })
  .meta({ id: 'ComplianceReport' });

export const agentReportAck = z.object({ ok: z.literal(true), duplicate: z.boolean() }).meta({ id: 'AgentReportAck' });
export const liveKitWebhookAck = z.object({ ok: z.literal(true), applied: z.number().int(), ignored: z.number().int().optional() }).meta({ id: 'LiveKitWebhookAck' });

export const leadErasureResponse = z
  .object({
    leadId: z.uuid(),
    callsErased: z.number().int().meta({ description: 'Calls of the lead whose transcript, recording and report were removed' }),
    dncHashed: z.boolean().meta({ description: 'The number was on the do-not-call list and is now kept only as a keyed hash' }),
  })
  .meta({ id: 'LeadErasure' });

const role = z.enum(WORKSPACE_ROLES);
export const workspaceResponse = z.object({ id, name: z.string(), role, personal: z.boolean(), active: z.boolean(), createdAt: instant }).meta({ id: 'Workspace' });
export const workspaceList = z.object({ items: z.array(workspaceResponse) }).meta({ id: 'WorkspaceList' });
export const workspaceCreated = z.object({ id, name: z.string(), role: z.literal('owner'), personal: z.literal(false), active: z.literal(true), createdAt: instant }).meta({ id: 'WorkspaceCreated' });
export const workspaceRenamed = z.object({ id, name: z.string() }).meta({ id: 'WorkspaceRenamed' });
export const workspaceActivated = z.object({ id, role, active: z.literal(true) }).meta({ id: 'WorkspaceActivated' });
export const memberResponse = z.object({ userId: z.string(), email: z.string(), name: z.string(), role, joinedAt: instant }).meta({ id: 'Member' });
export const invitationResponse = z
  .object({ id, email: z.string(), role, invitedAt: instant, expiresAt: instant.nullable().meta({ description: 'When its link stops working; null for an invitation from before links (invite the address again for one)' }) })
  .meta({ id: 'Invitation' });
export const memberList = z.object({ items: z.array(memberResponse), invitations: z.array(invitationResponse) }).meta({ id: 'MemberList' });
export const memberAdded = z
  .union([
    z.object({ status: z.literal('added'), member: memberResponse }),
    z.object({
      status: z.literal('invited'),
      invitation: invitationResponse,
      joinUrl: z.url().meta({ description: 'The single-use join link (`<origin>/team/join?token=…`): in this answer only, never listed again' }),
      emailSent: z.boolean().meta({ description: 'Whether the invitation e-mail went to the SMTP server' }),
      emailError: z.enum(['not_configured', 'send_failed']).nullable().meta({ description: '`not_configured`: no SMTP_URL, so no e-mail; `send_failed`: the server refused it or could not be reached. Either way the invitation stands: pass the link on yourself' }),
    }),
  ])
  .meta({ id: 'MemberAdded' });
export const memberRoleChanged = z.object({ userId: z.string(), role }).meta({ id: 'MemberRole' });
export const invitationAccepted = z
  .object({ joined: z.boolean().meta({ description: 'false when the user was a member already (their role stays)' }), workspace: z.object({ id, name: z.string(), role, active: z.literal(true) }) })
  .meta({ id: 'InvitationAccepted' });
export const invitationRevoked = z.object({ revoked: z.literal(true), id }).meta({ id: 'InvitationRevoked' });
export const memberRemoved = z.object({ removed: z.literal(true), userId: z.string() }).meta({ id: 'MemberRemoved' });
export const auditEntryResponse = z
  .object({
    id: z.number().int(),
    at: instant,
    action: z.enum(AUDIT_ACTIONS),
    actor: z.object({ id: z.string(), name: z.string().nullable(), email: z.string().nullable() }).nullable().meta({ description: 'Who acted; null when the engine acted on its own' }),
    campaign: z.object({ id, name: z.string().nullable().meta({ description: 'null once the campaign is deleted (its rows stay)' }) }).nullable(),
    details: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: 'AuditEntry' });
export const auditPage = z.object({ items: z.array(auditEntryResponse), nextCursor: z.string().nullable() }).meta({ id: 'AuditPage' });

export const apiKeyResponse = z
  .object({ id, prefix: z.string().meta({ example: 'oce_AbC123xy' }), name: z.string(), role, createdAt: instant, lastUsedAt: instant.nullable().meta({ description: 'Updated at most once a minute' }), createdBy: z.string().nullable().meta({ description: "The creator's name" }) })
  .meta({ id: 'ApiKey' });
export const apiKeyList = z.object({ items: z.array(apiKeyResponse) }).meta({ id: 'ApiKeyList' });
export const apiKeyCreated = z
  .object({ id, key: z.string().meta({ description: 'The key: shown in this answer only', example: 'oce_AbC123xy…' }), prefix: z.string(), name: z.string(), role, createdAt: instant })
  .meta({ id: 'ApiKeyCreated' });

export const webhookEndpoint = z
  .object({
    id,
    url: z.string(),
    description: z.string().nullable(),
    events: z.array(z.enum(webhookEventTypes)),
    enabled: z.boolean(),
    disabledAt: instant.nullable(),
    disabledReason: z.string().nullable(),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: 'WebhookEndpoint' });
export const webhookEndpointCreated = webhookEndpoint.extend({ secret: z.string().meta({ description: 'The whsec_ signing secret: answered this once' }) }).meta({ id: 'WebhookEndpointCreated' });
export const webhookEndpointList = z.object({ items: z.array(webhookEndpoint) }).meta({ id: 'WebhookEndpointList' });
export const webhookDelivery = z
  .object({
    id,
    eventId: id,
    type: z.string(),
    status: z.enum(['pending', 'delivered', 'failed']),
    attempts: z.number().int(),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    nextAttemptAt: instant.nullable(),
    deliveredAt: instant.nullable(),
    createdAt: instant,
    attemptLog: z.array(z.object({ at: instant, statusCode: z.number().int().nullable(), durationMs: z.number().int(), error: z.string().nullable() })),
  })
  .meta({ id: 'WebhookDelivery' });
export const webhookDeliveryList = z.object({ items: z.array(webhookDelivery) }).meta({ id: 'WebhookDeliveryList' });
export const webhookTestQueued = z.object({ eventId: id, deliveryId: id }).meta({ id: 'WebhookTestQueued' });
export const webhookDeliveryQueued = z.object({ id, status: z.string(), nextAttemptAt: instant }).meta({ id: 'WebhookDeliveryQueued' });
