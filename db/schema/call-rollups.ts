// Per-campaign call rollups for the analytics, kept by statement-level triggers on campaign_calls in the same
// transaction as every call change (migration 0018, docs/decisions/019-reads2-call-rollups.md). Writers only insert
// a statement's sums as new rows; a read sums a campaign's rows, and foldCallRollups folds them to one row per key.
import { bigint, boolean, index, integer, numeric, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { campaigns } from './campaigns';

// A row the fold has not summed into its key's one row yet (every row a trigger writes).
const folded = () => boolean('folded').notNull().default(false);

const campaignId = () =>
  uuid('campaign_id')
    .notNull()
    .references(() => campaigns.id, { onDelete: 'cascade' });

/** Calls by status, outcome ('' for none) and score decile (-1 for unscored), with connects, durations and cost. */
export const campaignCallCounts = pgTable(
  'campaign_call_counts',
  {
    campaignId: campaignId(),
    status: text('status').notNull(),
    outcome: text('outcome').notNull(),
    scoreBucket: smallint('score_bucket').notNull(),
    calls: bigint('calls', { mode: 'number' }).notNull(),
    connected: bigint('connected', { mode: 'number' }).notNull(),
    // Answered calls with a duration: what the average duration divides by.
    timed: bigint('timed', { mode: 'number' }).notNull(),
    durationSum: bigint('duration_sum', { mode: 'number' }).notNull(),
    costSum: numeric('cost_sum').notNull(),
    folded: folded(),
  },
  (t) => [
    index('campaign_call_counts_key_idx').on(t.campaignId, t.status, t.outcome, t.scoreBucket),
    index('campaign_call_counts_unfolded_idx').on(t.campaignId).where(sql`not folded`),
  ],
);

/** Calls and connects by the 15-minute UTC slot they were placed in (any zone's hour of day is read from these). */
export const campaignCallSlots = pgTable(
  'campaign_call_slots',
  {
    campaignId: campaignId(),
    slot: timestamp('slot', { withTimezone: true }).notNull(),
    calls: bigint('calls', { mode: 'number' }).notNull(),
    connects: bigint('connects', { mode: 'number' }).notNull(),
    folded: folded(),
  },
  (t) => [index('campaign_call_slots_key_idx').on(t.campaignId, t.slot), index('campaign_call_slots_unfolded_idx').on(t.campaignId).where(sql`not folded`)],
);

/** Leads with at least one connected call: deltas of the count, summed by a read. */
export const campaignConnectedLeads = pgTable(
  'campaign_connected_leads',
  {
    campaignId: campaignId(),
    leads: bigint('leads', { mode: 'number' }).notNull(),
    folded: folded(),
  },
  (t) => [index('campaign_connected_leads_key_idx').on(t.campaignId), index('campaign_connected_leads_unfolded_idx').on(t.campaignId).where(sql`not folded`)],
);

/** Each lead's connected calls (one row per lead that had one), written in place. */
export const campaignLeadConnects = pgTable(
  'campaign_lead_connects',
  {
    leadId: uuid('lead_id').primaryKey(),
    campaignId: campaignId(),
    calls: integer('calls').notNull(),
  },
  (t) => [index('campaign_lead_connects_campaign_idx').on(t.campaignId)],
);
