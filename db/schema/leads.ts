import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgEnum, pgTable, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { leadStatuses } from '@/shared/statuses';
import { campaigns } from './campaigns';

// The vocabulary, what each value means, and its sets (queued, open, terminal) live in shared/statuses.ts.
export const leadStatus = pgEnum('lead_status', leadStatuses);

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
    // The dialer's queue: never called first (by creation), then retries due, then oldest attempt. Each index gives
    // its tier's whole order (key, then id), so the planner never walks the campaign's whole index instead (0023).
    index('leads_queue_new_idx').on(t.campaignId, t.createdAt, t.id).where(sql`status = 'pending'`),
    index('leads_queue_retry_idx').on(t.campaignId, t.nextRetryAt, t.id).where(sql`status = 'retry_scheduled'`),
    index('leads_queue_no_answer_idx').on(t.campaignId, t.lastCalledAt, t.id).where(sql`status = 'retry_scheduled'`),
    // Keyset pages of the leads table, newest first, with and without a status filter.
    index('leads_campaign_status_created_idx').on(t.campaignId, t.status, t.createdAt, t.id),
    index('leads_campaign_created_idx').on(t.campaignId, t.createdAt, t.id),
  ],
);

/**
 * Per-campaign lead counters, kept by statement-level triggers on leads (migration 0011) in the same transaction as
 * every lead change, so the executor, /progress and the campaign cards read one row instead of counting leads.
 * called = leads with call_attempts > 0; qualified = leads whose last outcome is qualified.
 */
export const campaignLeadCounts = pgTable('campaign_lead_counts', {
  campaignId: uuid('campaign_id')
    .primaryKey()
    .references(() => campaigns.id, { onDelete: 'cascade' }),
  total: integer('total').notNull().default(0),
  pending: integer('pending').notNull().default(0),
  calling: integer('calling').notNull().default(0),
  retryScheduled: integer('retry_scheduled').notNull().default(0),
  completed: integer('completed').notNull().default(0),
  exhausted: integer('exhausted').notNull().default(0),
  doNotCall: integer('do_not_call').notNull().default(0),
  needsConsent: integer('needs_consent').notNull().default(0),
  called: integer('called').notNull().default(0),
  qualified: integer('qualified').notNull().default(0),
});
