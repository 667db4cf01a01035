import { sql } from 'drizzle-orm';
import { index, integer, jsonb, numeric, pgEnum, pgTable, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { ComplianceEvidence } from '@/shared/compliance-evidence';
import type { TranscriptTurn } from '@/shared/contracts/transcript';
import { callStatuses } from '@/shared/statuses';
import { campaigns } from './campaigns';
import { leads } from './leads';

// The vocabulary and its sets (in flight, live, terminal) live in shared/statuses.ts.
export const callStatus = pgEnum('call_status', callStatuses);

export type { TranscriptTurn };

export const campaignCalls = pgTable(
  'campaign_calls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    leadId: uuid('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    attemptNumber: integer('attempt_number').notNull(),
    status: callStatus('status').notNull().default('pending'),
    outcome: text('outcome'),
    outcomeNote: text('outcome_note'),
    phone: text('phone').notNull(),
    roomName: text('room_name'),
    sipCallId: text('sip_call_id'),
    participantIdentity: text('participant_identity'),
    // Lease: the instance that claimed the call owns the dial until this moment; recovery takes over after.
    leaseExpiresAt: timestamp('lease_expires_at', { withTimezone: true }),
    claimedAt: timestamp('claimed_at', { withTimezone: true }).notNull().defaultNow(),
    dialedAt: timestamp('dialed_at', { withTimezone: true }),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    durationSeconds: integer('duration_seconds'),
    billableMinutes: integer('billable_minutes'),
    cost: numeric('cost', { precision: 12, scale: 4, mode: 'number' }),
    // Personal data, sealed by the app (shared/data-encryption.ts): text envelopes, read with lib/services/calls/call-personal-data.ts.
    // transcript: TranscriptTurn[] as JSON, null when nothing was said; report: the agent's report as JSON.
    transcript: text('transcript'),
    recordingUrl: text('recording_url'),
    recordingConsent: text('recording_consent'),
    // Why the call was lawful, written in the claim transaction; a trigger refuses any later change.
    compliance: jsonb('compliance').$type<ComplianceEvidence>(),
    // The zones the lead may be in, as the claim resolved them (the evidence's zones): the settlement reads the
    // callback time and the retry's lawful moment in these. Null on calls claimed before migration 0020.
    leadTimeZones: text('lead_time_zones').array(),
    report: text('report'),
    score: real('score'),
    qualification: jsonb('qualification').$type<Record<string, unknown>>(),
    scoredBy: text('scored_by'),
    endedReason: text('ended_reason'),
    // The settlement's webhook events, held until the recording arrives (lib/services/webhooks/settlement-events.ts).
    webhooksHeld: jsonb('webhooks_held').$type<{ until: string; optOut: boolean }>(),
    // Set when retention or an erasure removed the call's transcript, recording and report.
    personalDataRemovedAt: timestamp('personal_data_removed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One row per attempt: a second claim of the same attempt fails here even if a lock were missed.
    uniqueIndex('campaign_calls_lead_attempt_uq').on(t.leadId, t.attemptNumber),
    uniqueIndex('campaign_calls_room_uq').on(t.roomName),
    // Keyset pages of the calls table, newest first, with and without a status filter (and the in-flight counts).
    index('campaign_calls_campaign_status_created_idx').on(t.campaignId, t.status, t.createdAt, t.id),
    index('campaign_calls_campaign_created_idx').on(t.campaignId, t.createdAt, t.id),
    // maxCallsPerDay counts calls claimed in the campaign's local day.
    index('campaign_calls_campaign_claimed_idx').on(t.campaignId, t.claimedAt),
    index('campaign_calls_status_lease_idx').on(t.status, t.leaseExpiresAt),
    // Owner-wide limits: calls to one number (in flight, last 24 h) across every campaign of the owner.
    index('campaign_calls_phone_claimed_idx').on(t.phone, t.claimedAt),
    // The few calls whose webhook events wait for their recording.
    index('campaign_calls_webhooks_held_idx').on(t.id).where(sql`${t.webhooksHeld} is not null`),
    // Retention: ended calls of a campaign that still hold personal data.
    index('campaign_calls_campaign_ended_idx').on(t.campaignId, t.endedAt).where(sql`personal_data_removed_at is null`),
  ],
);

// Every event applied to a call, keyed by its source id so a duplicate is recognised and ignored.
export const callEvents = pgTable(
  'call_events',
  {
    id: text('id').primaryKey(),
    callId: uuid('call_id').references(() => campaignCalls.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('call_events_call_idx').on(t.callId, t.occurredAt)],
);
