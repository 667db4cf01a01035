// Request counters shared by every instance: the API's per-principal limits and the sign-in throttle.
// One row per key; a window starts at its first hit and a hit after it ends starts the next.
import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').primaryKey(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    hits: integer('hits').notNull(),
  },
  // The pruning job deletes windows that ended long ago.
  (t) => [index('rate_limits_window_start_idx').on(t.windowStart)],
);
