// The environment, parsed once; code imports `env`, never process.env.
import { z } from 'zod';

const optional = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== '' ? v.trim() : undefined));

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  APP_URL: optional,
  DATABASE_URL: optional,
  PGLITE_DIR: z.string().default('.data/pglite'),
  BETTER_AUTH_SECRET: optional,
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
  CSV_MAX_ROWS: z.coerce.number().int().positive().default(1_000_000),
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
  PROGRESS_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
});

export type Env = z.infer<typeof envSchema>;

function parseEnv(): Env {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid environment:\n${lines}`);
  }
  return parsed.data;
}

export const env = parseEnv();
