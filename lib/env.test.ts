import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseEnv } from './env';
import { shouldSeedDemo } from '@/lib/services/demo/should-seed-demo';

const dataKey = crypto.randomBytes(32).toString('base64');

describe('the environment at start-up', () => {
  it('refuses production on Postgres without BETTER_AUTH_SECRET, naming the variable', () => {
    expect(() => parseEnv({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/app' })).toThrow(/BETTER_AUTH_SECRET: .*several instances/);
    expect(() => parseEnv({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/app', BETTER_AUTH_SECRET: '  ' })).toThrow(/BETTER_AUTH_SECRET/);
  });

  it('refuses production on Postgres without a data encryption key, naming the variable; accepts either form', () => {
    const base = { NODE_ENV: 'production', DATABASE_URL: 'postgres://db/app', BETTER_AUTH_SECRET: 's' };
    expect(() => parseEnv(base)).toThrow(/DATA_ENCRYPTION_KEY: is required in production with DATABASE_URL/);
    expect(parseEnv({ ...base, DATA_ENCRYPTION_KEY: dataKey }).DATA_ENCRYPTION_KEY).toBe(dataKey);
    expect(parseEnv({ ...base, DATA_ENCRYPTION_KEYS: `k2:${dataKey},k1:${'ab'.repeat(32)}` }).DATA_ENCRYPTION_KEYS).toContain('k2:');
    // The embedded default generates its own into .data/.
    expect(parseEnv({ NODE_ENV: 'production' }).DATA_ENCRYPTION_KEY).toBeUndefined();
  });

  it.each([
    [{ DATA_ENCRYPTION_KEY: 'too-short' }, /DATA_ENCRYPTION_KEY: must be 32 bytes/],
    [{ DATA_ENCRYPTION_KEYS: dataKey }, /DATA_ENCRYPTION_KEYS: entry 1 must be `id:key`/],
    [{ DATA_ENCRYPTION_KEYS: `a:${dataKey},a:${dataKey}` }, /key id "a" is listed twice/],
  ])('refuses a malformed key anywhere: %o', (keys, message) => {
    expect(() => parseEnv({ NODE_ENV: 'development', ...keys })).toThrow(message);
  });

  it('starts production on Postgres with a secret, and the embedded default or development without one', () => {
    expect(parseEnv({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/app', BETTER_AUTH_SECRET: 'x'.repeat(32), DATA_ENCRYPTION_KEY: dataKey }).BETTER_AUTH_SECRET).toBe('x'.repeat(32));
    expect(parseEnv({ NODE_ENV: 'production' }).BETTER_AUTH_SECRET).toBeUndefined();
    // `next build` is production too, but starts nothing.
    expect(parseEnv({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/app', NEXT_PHASE: 'phase-production-build' }).DATABASE_URL).toBe('postgres://db/app');
    expect(parseEnv({ NODE_ENV: 'development', DATABASE_URL: 'postgres://db/app' }).DATABASE_URL).toBe('postgres://db/app');
  });
});

describe('invitation e-mail', () => {
  it('is off without SMTP_URL, refuses a URL that is not SMTP naming the variable, and has a sender by default', () => {
    expect(parseEnv({ SMTP_URL: '  ' }).SMTP_URL).toBeUndefined();
    expect(parseEnv({ SMTP_URL: 'smtps://u:p@mail.example.com:465' }).SMTP_URL).toBe('smtps://u:p@mail.example.com:465');
    expect(() => parseEnv({ SMTP_URL: 'https://mail.example.com' })).toThrow(/SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/);
    expect(parseEnv({}).MAIL_FROM).toMatch(/<no-reply@/);
  });
});

describe('the demo user is seeded', () => {
  const cases: { env: Record<string, string>; seeds: boolean; why: string }[] = [
    { env: { NODE_ENV: 'development' }, seeds: true, why: 'in development on the embedded default' },
    { env: { NODE_ENV: 'production' }, seeds: false, why: 'never under next start unless asked' },
    { env: { NODE_ENV: 'production', SEED_DEMO: 'true' }, seeds: true, why: 'under next start when SEED_DEMO=true' },
    { env: { NODE_ENV: 'development', SEED_DEMO: 'false' }, seeds: false, why: 'never when SEED_DEMO=false' },
    { env: { NODE_ENV: 'development', DATABASE_URL: 'postgres://db/app' }, seeds: false, why: 'not on a real Postgres unless asked' },
    { env: { NODE_ENV: 'production', DATABASE_URL: 'postgres://db/app', BETTER_AUTH_SECRET: 's', DATA_ENCRYPTION_KEY: dataKey, SEED_DEMO: '1' }, seeds: true, why: 'on Postgres in production only when asked' },
  ];
  it.each(cases)('$seeds $why', ({ env, seeds }) => {
    expect(shouldSeedDemo(parseEnv(env))).toBe(seeds);
  });
});
