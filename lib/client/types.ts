// The API's JSON shapes as the browser sees them (dates are ISO strings), inferred from the response
// schemas that the OpenAPI document is built from (lib/api/responses.ts): one contract, no hand copy.
import type { z } from 'zod';
import type * as r from '@/lib/api/responses';
import type { CreateCampaignBody, CampaignStatus } from '@/lib/services/campaigns/schemas';
import type { QualificationCriterion } from '@/lib/services/qualification/criteria';
import type { WorkspaceRole } from '@/shared/workspace-roles';
import type { LeadColumnTarget } from '@/shared/csv-columns';

export type { CampaignStatus, CreateCampaignBody, QualificationCriterion };
export { callStatuses, leadStatuses } from '@/shared/statuses';

export type CampaignPage = z.output<typeof r.campaignPage>;
export type DncPage = z.output<typeof r.dncPage>;
/** Keyset pages: `nextCursor` fetches the page after it (null on the last). */
export type LeadPage = z.output<typeof r.leadPage>;
export type CallPage = z.output<typeof r.callPage>;

export type CallWindow = CreateCampaignBody['callWindows'][number];
export type RetryRules = CreateCampaignBody['retryRules'];

export type Campaign = z.output<typeof r.campaignResponse>;
export type CampaignProgress = z.output<typeof r.campaignProgressResponse>;
export type LiveCall = CampaignProgress['liveCalls'][number];
export type LiveCallStatus = LiveCall['status'];
export type CampaignNotification = CampaignProgress['notifications'][number];

export type Lead = z.output<typeof r.leadResponse>;
export type LeadStatus = Lead['status'];

export type Call = z.output<typeof r.callResponse>;
export type CallStatus = Call['status'];
export type TranscriptTurn = z.output<typeof r.transcriptTurn>;
export type CriterionResult = z.output<typeof r.criterionResult>;
export type Qualification = z.output<typeof r.qualificationResponse>;
export type CallDetail = z.output<typeof r.callDetailResponse>;
export type ComplianceEvidence = z.output<typeof r.complianceEvidence>;

export type CampaignAnalytics = z.output<typeof r.campaignAnalyticsResponse>;
export type ImportReport = z.output<typeof r.importReportResponse>;
export type DncEntry = z.output<typeof r.dncEntryResponse>;
export type DncImportReport = z.output<typeof r.dncImportReportResponse>;
export type QualificationPreview = z.output<typeof r.qualificationPreviewResponse>;
export type ListenToken = z.output<typeof r.listenTokenResponse>;

export type LeadField = LeadColumnTarget;

export type ComplianceCheckResult = z.output<typeof r.complianceCheckResultResponse>;
export type ComplianceReason = ComplianceCheckResult['reasons'][number];
export type Blackout = z.output<typeof r.blackoutResponse>;
export type ComplianceReport = z.output<typeof r.complianceReportResponse>;
export type ComplianceViolation = ComplianceReport['violations'][number];

export type { WorkspaceRole };
export type Workspace = z.output<typeof r.workspaceResponse>;
export type TeamMember = z.output<typeof r.memberResponse>;
export type TeamInvitation = z.output<typeof r.invitationResponse>;
export type MemberAdded = z.output<typeof r.memberAdded>;
export type InvitationAccepted = z.output<typeof r.invitationAccepted>;
export type AuditEntry = z.output<typeof r.auditEntryResponse>;
export type AuditPage = z.output<typeof r.auditPage>;
export type ApiKey = z.output<typeof r.apiKeyResponse>;
export type ApiKeyCreated = z.output<typeof r.apiKeyCreated>;

/** A progress line of a streamed import, after each chunk the database has taken. */
export type ImportProgress = z.output<typeof r.importProgressResponse>;

/** A webhook endpoint as the API answers it (never its secret, except once on create). */
export type WebhookEndpoint = z.output<typeof r.webhookEndpoint>;
export type WebhookEndpointCreated = z.output<typeof r.webhookEndpointCreated>;
export type WebhookDelivery = z.output<typeof r.webhookDelivery>;
export type WebhookTestQueued = z.output<typeof r.webhookTestQueued>;
