// The demo user has a published password, so it exists only where nobody else could sign in with
// it: a development run on the embedded database, or wherever it is asked for (SEED_DEMO=true,
// e.g. the browser tests under `next start`).
import type { Env } from '@/lib/env';

export function shouldSeedDemo(env: Pick<Env, 'SEED_DEMO' | 'NODE_ENV' | 'DATABASE_URL'>): boolean {
  return env.SEED_DEMO ?? (env.NODE_ENV !== 'production' && !env.DATABASE_URL);
}
