// The first answer to a create sent with an Idempotency-Key, so a retry gets it again instead of a
// second campaign. One row per user and key: the primary key makes two concurrent retries one creation.
// `status` is null while the first request is still working.
import { index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: text('user_id').notNull(),
    key: text('key').notNull(),
    // sha256 of method, path and body: the same key with another request is refused, not replayed.
    requestHash: text('request_hash').notNull(),
    status: integer('status'),
    body: text('body'),
    location: text('location'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  // The pruning job deletes expired keys.
  (t) => [primaryKey({ name: 'idempotency_keys_pk', columns: [t.userId, t.key] }), index('idempotency_keys_expires_at_idx').on(t.expiresAt)],
);
