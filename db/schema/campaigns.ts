import { index, jsonb, numeric, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { CampaignConfig } from '@/shared/contracts/campaign-config';
import { campaignStatuses } from '@/shared/statuses';
import { users } from './auth';
import { workspaces } from './workspaces';

export const campaignStatus = pgEnum('campaign_status', campaignStatuses);

export const campaigns = pgTable(
  'campaigns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    // Who made it (null once that user is gone); the workspace owns it.
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    description: text('description'),
    status: campaignStatus('status').notNull().default('draft'),
    // Validated by campaignConfig (lib/services/campaigns/config.ts) on every write.
    config: jsonb('config').$type<CampaignConfig>().notNull(),
    spent: numeric('spent', { precision: 12, scale: 4, mode: 'number' }).notNull().default(0),
    // Set while the telephony answers "rate limited": the executor skips the campaign until then.
    throttledUntil: timestamp('throttled_until', { withTimezone: true }),
    // Since when every dial has met telephony trouble (LiveKit unreachable or not answering); cleared by any answer.
    telephonyTroubleSince: timestamp('telephony_trouble_since', { withTimezone: true }),
    startedAt: timestamp('started_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('campaigns_workspace_status_idx').on(t.workspaceId, t.status, t.createdAt), index('campaigns_status_idx').on(t.status)],
);
