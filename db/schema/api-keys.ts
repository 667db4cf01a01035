// API keys: workspace-scoped, acting with their role (never above their creator's); only the SHA-256 of the key is kept
// (docs/decisions/017-api-keys-own-table.md).
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { workspaceRole, workspaces } from './workspaces';

export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    role: workspaceRole('role').notNull(),
    prefix: text('prefix').notNull(), // the first characters of the key, shown in lists
    keyHash: text('key_hash').notNull(), // hex SHA-256 of the whole key
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }), // stamped at most once a minute
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('api_keys_key_hash_uq').on(t.keyHash), index('api_keys_workspace_idx').on(t.workspaceId, t.createdAt)],
);
