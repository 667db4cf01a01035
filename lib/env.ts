// The environment, parsed once; code imports `env`, never process.env.
import { z } from 'zod';
import { databaseEnvFields } from '@/db/env';
import { dataKeyProblems } from '@/shared/data-encryption';

const optional = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== '' ? v.trim() : undefined));

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  APP_URL: optional,
  ...databaseEnvFields,
  BETTER_AUTH_SECRET: optional,
  // AES-256-GCM key for transcripts, recording URLs, agent reports and lead context (32 bytes, base64 or hex).
  DATA_ENCRYPTION_KEY: optional,
  // Rotation: `id:key` entries separated by commas; the first encrypts, every one decrypts. Wins over DATA_ENCRYPTION_KEY.
  DATA_ENCRYPTION_KEYS: optional,
  LIVEKIT_URL: optional,
  LIVEKIT_API_KEY: optional,
  LIVEKIT_API_SECRET: optional,
  LIVEKIT_SIP_TRUNK_ID: optional,
  LIVEKIT_AGENT_NAME: z.string().default('outbound-caller'),
  LIVEKIT_SIM_PORT: z.coerce.number().int().min(0).max(65535).default(7880),
  // The demo compresses time tenfold so 50 sample leads are called within minutes.
  LIVEKIT_SIM_SPEED: z.coerce.number().positive().default(10),
  LIVEKIT_SIM_SEED: z.coerce.number().int().default(42),
  OPENAI_API_KEY: optional,
  OPENAI_BASE_URL: optional,
  OPENAI_MODEL: z.string().default('gpt-4o-mini'),
  CSV_MAX_BYTES: z.coerce.number().int().positive().default(200 * 1024 * 1024),
  // A JSON request body larger than this is a 413 (the agent's report, with its transcript, included).
  JSON_MAX_BYTES: z.coerce.number().int().positive().default(1024 * 1024),
  CSV_MAX_ROWS: z.coerce.number().int().positive().default(1_000_000),
  // A DNC upload (CSV or registry file): 10,000,000 registry lines take 110–130 MB.
  DNC_MAX_BYTES: z.coerce.number().int().positive().default(160 * 1024 * 1024),
  JOBS_ENABLED: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  SEED_DEMO: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true' || v === '1')),
  EXECUTOR_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  /** Dial requests this instance keeps in flight to LiveKit at once, across every campaign. */
  DIAL_REQUESTS_IN_FLIGHT: z.coerce.number().int().min(1).max(10_000).default(100),
  RECOVERY_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(300),
  // Outbound webhooks: `true` lifts the https-only (production) and public-address rules on endpoint URLs,
  // for tests and private networks. The delivery job's tick; a change that writes events also pokes it.
  WEBHOOKS_ALLOW_PRIVATE: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  WEBHOOKS_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(60).default(5),
  // Invitation e-mails (nodemailer): `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…:465`. Unset, no
  // e-mail is sent and the owner passes the join link on by hand.
  SMTP_URL: optional.pipe(z.string().regex(/^smtps?:\/\//i, { message: 'must be an smtp:// or smtps:// URL' }).optional()),
  MAIL_FROM: z.string().trim().min(3).default('Outbound calling engine <no-reply@localhost>'),
  // Set by Next.js: 'phase-production-build' while `next build` runs.
  NEXT_PHASE: optional,
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  // Set only when the app runs behind a reverse proxy: the number of proxies in front of it
  // (`true` = 1). Then X-Forwarded-For/-Host/-Proto are believed; unset, a client could forge them.
  TRUSTED_PROXY: z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' || v === 'false' || v === '0' ? 0 : v === 'true' ? 1 : Number(v)))
    .pipe(z.number().int().min(0).max(10)),
  // Sign-in attempts: per client address across accounts (per 10 minutes), per account from all
  // addresses (per hour). Per account from one address the steps are fixed: 5 a minute, 20 an hour.
  SIGN_IN_LIMIT_PER_IP: z.coerce.number().int().positive().default(60),
  SIGN_IN_LIMIT_PER_ACCOUNT: z.coerce.number().int().positive().default(100),
  // Other better-auth writes (sign-up, password changes…) per client address per 10 minutes.
  AUTH_LIMIT_PER_IP: z.coerce.number().int().positive().default(30),
  // API requests per principal (user, or API key once there are keys) per minute, by kind.
  API_LIMIT_READS_PER_MINUTE: z.coerce.number().int().positive().default(600),
  API_LIMIT_WRITES_PER_MINUTE: z.coerce.number().int().positive().default(240),
  // Creating campaigns and uploading lead files: the heaviest writes.
  API_LIMIT_CREATES_PER_MINUTE: z.coerce.number().int().positive().default(60),
});

// Several instances on one Postgres must sign sessions with one secret: a generated one differs per
// host, so a user would be signed out whenever a request met another instance.
const checkedEnv = envSchema.superRefine((e, ctx) => {
  // `next build` runs as production too, but serves nobody: the secret is needed where the app starts.
  if (e.NODE_ENV === 'production' && e.DATABASE_URL && !e.BETTER_AUTH_SECRET && e.NEXT_PHASE !== 'phase-production-build') {
    ctx.addIssue({
      code: 'custom',
      path: ['BETTER_AUTH_SECRET'],
      message: 'is required in production with DATABASE_URL, so that several instances share sessions: set it to the same random string (e.g. `openssl rand -hex 32`) on every instance',
    });
  }
  // Every instance must read what another wrote, and a key made on one host would be lost with it.
  if (e.NODE_ENV === 'production' && e.DATABASE_URL && !e.DATA_ENCRYPTION_KEY && !e.DATA_ENCRYPTION_KEYS && e.NEXT_PHASE !== 'phase-production-build') {
    ctx.addIssue({
      code: 'custom',
      path: ['DATA_ENCRYPTION_KEY'],
      message: 'is required in production with DATABASE_URL: transcripts, recordings, agent reports and lead context are encrypted with it. Set it to the same 32 random bytes on every instance (`openssl rand -base64 32`), or DATA_ENCRYPTION_KEYS to rotate',
    });
  }
  for (const problem of dataKeyProblems(e.DATA_ENCRYPTION_KEY, e.DATA_ENCRYPTION_KEYS)) {
    ctx.addIssue({ code: 'custom', path: [problem.variable], message: problem.message });
  }
});

export type Env = z.infer<typeof envSchema>;

/** The environment checked against the schema; start-up fails with every problem listed. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = checkedEnv.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid environment:\n${lines}`);
  }
  return parsed.data;
}

export const env = parseEnv();
