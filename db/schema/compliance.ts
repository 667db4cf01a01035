import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid, bigserial } from 'drizzle-orm/pg-core';
import { campaigns } from './campaigns';
import { workspaces } from './workspaces';

export const dncNumbers = pgTable(
  'dnc_numbers',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    phone: text('phone').notNull(), // E.164
    reason: text('reason'),
    source: text('source').notNull().default('manual'), // manual | import | opt_out
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.phone] }),
    // The hashed entries alone (an erased lead's opt-out), so an import asks once whether a workspace has any (0024).
    index('dnc_numbers_hashed_idx').on(t.workspaceId).where(sql`phone like 'h1:%'`),
  ],
);

// A workspace's trail: rows outlive their campaign (campaign_id is a plain value, no foreign key) and their
// actor (actor_id is a user or API key id as it was). workspace_id is null only for a failed sign-in naming
// no known account.
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    workspaceId: uuid('workspace_id'),
    actorId: text('actor_id'), // null when the engine acted on its own
    campaignId: uuid('campaign_id'),
    action: text('action').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('audit_log_workspace_idx').on(t.workspaceId, t.createdAt.desc(), t.id.desc()),
    index('audit_log_campaign_idx').on(t.campaignId, t.createdAt.desc(), t.id.desc()),
  ],
);

export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    campaignId: uuid('campaign_id').references(() => campaigns.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(), // e.g. paused_no_leads, paused_agent_unavailable, paused_budget, paused_needs_consent, paused_telephony_trouble
    message: text('message').notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('notifications_workspace_idx').on(t.workspaceId, t.createdAt), index('notifications_campaign_idx').on(t.campaignId, t.createdAt)],
);

// A user-declared blackout: no calls to leads in `region` between startsAt and endsAt (a state of emergency).
export const complianceBlackouts = pgTable(
  'compliance_blackouts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    region: text('region').notNull(), // normalised: 'US', 'US-FL', 'CA-ON'
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    reason: text('reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('compliance_blackouts_workspace_idx').on(t.workspaceId, t.endsAt)],
);
