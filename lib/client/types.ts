// The API's JSON shapes as the browser sees them (dates are ISO strings).
import type { CreateCampaignBody, CampaignStatus } from '@/lib/services/campaigns/schemas';
import type { QualificationCriterion } from '@/lib/services/qualification/criteria';
import type { ComplianceEvidence } from '@/shared/compliance-evidence';

export type { CampaignStatus, CreateCampaignBody, QualificationCriterion };

export type Page<T> = { items: T[]; page: number; pageSize: number; total: number };
/** A keyset page: `nextCursor` fetches the page after it (null on the last); `total` only where it is cheap. */
export type CursorPage<T> = { items: T[]; pageSize: number; total: number | null; nextCursor: string | null };

export type CallWindow = CreateCampaignBody['callWindows'][number];
export type RetryRules = CreateCampaignBody['retryRules'];

export type Campaign = CreateCampaignBody & {
  id: string;
  description: string | null;
  status: CampaignStatus;
  progress: { percent: number; called: number; successful: number; remaining: number };
  spent: number;
  startedAt: string | null;
  completedAt: string | null;
  createdAt: string;
  updatedAt: string;
};

export type LiveCallStatus = 'pending' | 'calling' | 'in_progress';

export type LiveCall = {
  id: string;
  leadId: string;
  leadName: string;
  phone: string;
  status: LiveCallStatus;
  attemptNumber: number;
  dialedAt: string | null;
  answeredAt: string | null;
};

export type CampaignNotification = { id: string; kind: string; message: string; createdAt: string };

export type CampaignProgress = {
  status: CampaignStatus;
  percent: number;
  totalLeads: number;
  called: number;
  successful: number;
  remaining: number;
  /** Leads held, not called: the campaign's consent basis needs a consent record they lack. */
  needsConsent: number;
  inFlight: number;
  callsToday: number;
  spent: number;
  budget: number | null;
  nextCallAt: string | null;
  withinWindow: boolean;
  notifications: CampaignNotification[];
  liveCalls: LiveCall[];
  forecast: { finishAt: string | null; expectedQualified: number; pacePerHour: number };
};

export const leadStatuses = ['pending', 'calling', 'retry_scheduled', 'completed', 'exhausted', 'do_not_call', 'needs_consent'] as const;
export type LeadStatus = (typeof leadStatuses)[number];

export type Lead = {
  id: string;
  name: string;
  company: string | null;
  email: string | null;
  phone: string;
  timezone: string | null;
  /** Declared state or province, ISO 3166-2 ('US-FL'). */
  state: string | null;
  consentAt: string | null;
  consentSource: string | null;
  consentText: string | null;
  context: Record<string, unknown> | null;
  status: LeadStatus;
  callAttempts: number;
  lastCalledAt: string | null;
  nextRetryAt: string | null;
  lastOutcome: string | null;
  qualificationScore: number | null;
};

export const callStatuses = ['pending', 'calling', 'in_progress', 'completed', 'failed', 'no_answer', 'busy'] as const;
export type CallStatus = (typeof callStatuses)[number];

export type Call = {
  id: string;
  leadId: string;
  leadName: string;
  phone: string;
  attemptNumber: number;
  status: CallStatus;
  outcome: string | null;
  outcomeNote: string | null;
  durationSeconds: number | null;
  score: number | null;
  cost: number | null;
  dialedAt: string | null;
  answeredAt: string | null;
  endedAt: string | null;
  createdAt: string;
};

export type TranscriptTurn = { speaker: 'agent' | 'lead'; text: string; startMs?: number };

export type CriterionResult = { field: string; operator: string; value?: unknown; weight: number; actual: unknown; met: boolean; label?: string };

export type Qualification = {
  score: number | null;
  criteria: Record<string, unknown> | null;
  notes: string | null;
  nextAction: string | null;
  perCriterion: CriterionResult[];
};

export type CallDetail = Call & {
  transcript: TranscriptTurn[] | null;
  qualification: Qualification | null;
  recordingUrl: string | null;
  recordingConsent: string | null;
  /** Why the call was lawful when claimed (stored once, never changed). */
  compliance: ComplianceEvidence | null;
  scoredBy: string | null;
  endedReason: string | null;
  campaignId: string;
};

export type CampaignAnalytics = {
  byOutcome: Record<string, number>;
  byStatus: Record<string, number>;
  totalCalls: number;
  connected: number;
  connectRate: number;
  averageDurationSeconds: number | null;
  scoreDistribution: { bucket: string; count: number }[];
  callsPerHour: { hour: number; calls: number; connects: number }[];
  funnel: { leads: number; called: number; connected: number; qualified: number; needsConsent: number };
  qualified: number;
  totalCost: number;
  costPerQualifiedLead: number | null;
};

export type ImportReport = {
  inserted: number;
  duplicates: number;
  dnc: number;
  rejected: { line: number; reason: string }[];
  rejectedTotal: number;
  cleaned?: { line: number; reason: string }[];
  /** Rows imported with a value read differently from how it was written (unknown state, UTC zone ignored). */
  notes?: { line: number; reason: string }[];
  notesTotal?: number;
  totalRows: number;
};

/** `hashed`: an erased lead's number, kept only as its keyed hash (still blocked; remove it by typing the number). */
export type DncEntry = { phone: string; hashed?: boolean; reason: string | null; source: string; createdAt: string };

export type QualificationPreview = {
  outcome: string;
  score: number | null;
  criteria: Record<string, unknown> | null;
  perCriterion: CriterionResult[];
  notes: string | null;
  nextAction: string | null;
  optOut: boolean;
  callbackAt?: string | null;
};

export type ListenToken = { token: string; url: string; roomName: string; simulated: boolean };

export type LeadField = 'name' | 'first_name' | 'last_name' | 'phone' | 'company' | 'email' | 'timezone' | 'state' | 'consent_at' | 'consent_source' | 'consent_text' | 'ignore' | 'context';

/** `duplicates`: numbers already on the list or repeated in the file. */
export type DncImportReport = { format: 'csv' | 'registry'; added: number; duplicates: number; leadsMarked: number; rejected: { line: number; reason: string }[]; rejectedTotal: number; totalRows: number };

export type { ComplianceEvidence };

export type ComplianceReason = { rule: string; source: string; detail: string; zone?: string; jurisdiction?: string };

export type ComplianceCheckResult = {
  allowed: boolean;
  phone: string;
  at: string;
  campaignId: string | null;
  leadId: string | null;
  zones: { zone: string; localTime: string }[];
  jurisdiction: string[];
  rulesApplied: string[];
  reasons: ComplianceReason[];
  nextAllowedAt: string | null;
  needsConsent: boolean;
  recording: { allPartyConsent: boolean; jurisdictions: string[] };
  notes: string[];
};

export type Blackout = { id: string; region: string; startsAt: string; endsAt: string; reason: string | null; createdAt: string; state: 'upcoming' | 'in_force' | 'ended' };

export type ComplianceViolation = { callId: string; leadId: string; phone: string; checkedAt: string | null; reasons: ComplianceReason[] };

export type ComplianceReport = {
  callsPlaced: number;
  callsWithEvidence: number;
  byRule: Record<string, number>;
  byJurisdiction: Record<string, number>;
  recording: Record<string, number>;
  violationCount: number;
  violations: ComplianceViolation[];
  violationsTruncated: boolean;
};

/** A webhook endpoint as the API answers it (never its secret, except once on create). */
export type WebhookEndpoint = {
  id: string;
  url: string;
  description: string | null;
  events: string[];
  enabled: boolean;
  disabledAt: string | null;
  disabledReason: string | null;
  createdAt: string;
  updatedAt: string;
};

export type WebhookDelivery = {
  id: string;
  eventId: string;
  type: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
  attemptLog: { at: string; statusCode: number | null; durationMs: number; error: string | null }[];
};
