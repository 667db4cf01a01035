import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgEnum, pgTable, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { campaigns } from './campaigns';

export const leadStatus = pgEnum('lead_status', [
  'pending', // never called
  'calling', // a call is in flight
  'retry_scheduled', // waiting for nextRetryAt
  'completed', // terminal: lastOutcome says how
  'exhausted', // terminal: attempts cap reached without a conclusive outcome
  'do_not_call', // terminal: on the DNC list or opted out
  'needs_consent', // held: the campaign's consent basis needs a consent record this lead lacks
]);

export const leads = pgTable(
  'leads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    company: text('company'),
    email: text('email'),
    phone: text('phone').notNull(), // E.164
    timezone: text('timezone'),
    // Declared state or province (normalised ISO 3166-2, e.g. 'US-FL'); null = read from the number.
    state: text('state'),
    // The lead's own consent record, as imported (compliance evidence; never inferred).
    consentAt: timestamp('consent_at', { withTimezone: true }),
    consentSource: text('consent_source'),
    consentText: text('consent_text'),
    // Sealed by the app (shared/data-encryption.ts, lib/services/leads/lead-context.ts); '{}' or JSON written before encryption reads as it is.
    context: text('context').notNull().default('{}'),
    status: leadStatus('status').notNull().default('pending'),
    callAttempts: integer('call_attempts').notNull().default(0),
    lastCalledAt: timestamp('last_called_at', { withTimezone: true }),
    nextRetryAt: timestamp('next_retry_at', { withTimezone: true }),
    lastOutcome: text('last_outcome'),
    qualificationScore: real('qualification_score'),
    qualification: jsonb('qualification').$type<Record<string, unknown>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('leads_campaign_phone_uq').on(t.campaignId, t.phone),
    // The dialer's queue: never called first (by creation), then retries due, then oldest attempt.
    index('leads_queue_new_idx').on(t.campaignId, t.createdAt).where(sql`status = 'pending'`),
    index('leads_queue_retry_idx').on(t.campaignId, t.nextRetryAt).where(sql`status = 'retry_scheduled'`),
    index('leads_queue_no_answer_idx').on(t.campaignId, t.lastCalledAt).where(sql`status = 'retry_scheduled'`),
    index('leads_campaign_status_idx').on(t.campaignId, t.status),
  ],
);
