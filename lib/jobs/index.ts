// Background jobs: thin croner schedules over the same services the route handlers call.
// `protect: true` skips a tick while the previous one still runs; several instances may run
// these at once, and the row claims in the services keep that safe.
import { Cron } from 'croner';
import { getDb } from '@/db';
import { env } from '@/lib/env';
import { logger } from '@/lib/logger';
import { appClock } from '@/lib/clock';
import { shouldSeedDemo } from '@/lib/services/demo/should-seed-demo';
import { processActiveCampaigns, recoverCalls, setDialRequestLimit, startRefills } from '@/lib/services/engine';
import { foldCallRollups } from '@/lib/services/analytics';
import { pruneRateLimits } from '@/lib/services/rate-limits';
import { removeExpiredCallData, sealLegacyPersonalData } from '@/lib/services/retention';
import { pruneIdempotencyKeys } from '@/lib/services/idempotency';
import { getTelephony } from '@/lib/telephony';
import { deliverDueWebhooks, onWebhookEvents, pruneWebhookEvents, releaseOverdueSettlements, webhookEventRetentionMs, webhookUrlPolicy } from '@/lib/services/webhooks';

type JobHolder = { __jobs?: Cron[]; __stopRefills?: () => void; __stopWebhookPokes?: () => void; __webhooksRunning?: Promise<void>; __webhooksAgain?: boolean };
const holder = globalThis as unknown as JobHolder;

/** A croner pattern firing every `seconds` (whole minutes above 59 s). */
export function cronEvery(seconds: number): string {
  if (seconds < 60) return `*/${seconds} * * * * *`;
  return `0 */${Math.max(1, Math.round(seconds / 60))} * * * *`;
}

function schedule(name: string, pattern: string, run: () => Promise<unknown>): Cron {
  return new Cron(pattern, { protect: true, name }, async () => {
    try {
      await run();
    } catch (error) {
      logger.error(`job ${name} failed`, { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  });
}

async function executorDeps() {
  const [db, telephony] = await Promise.all([getDb(), getTelephony()]);
  return { db, telephony, clock: () => appClock().now() };
}

export async function runExecutorTick() {
  return processActiveCampaigns(await executorDeps());
}

export async function runCallRecovery() {
  const [db, telephony] = await Promise.all([getDb(), getTelephony()]);
  return recoverCalls({ db, telephony, clock: () => appClock().now() });
}

/** Rate-limit counters whose windows ended a day ago (the longest window is an hour). */
export async function runRateLimitPruner() {
  return pruneRateLimits(await getDb(), { before: new Date(appClock().now().getTime() - 24 * 3600_000) });
}

/**
 * Delivers what is due, pass after pass while passes make progress (a call's next event becomes due
 * once the one before it is delivered). One run at a time in this process; a poke during a run runs it
 * once more after.
 */
export function runWebhookDelivery(): Promise<void> {
  if (holder.__webhooksRunning) {
    holder.__webhooksAgain = true;
    return holder.__webhooksRunning;
  }
  holder.__webhooksRunning = (async () => {
    try {
      const db = await getDb();
      do {
        holder.__webhooksAgain = false;
        await releaseOverdueSettlements(db, { now: appClock().now() });
        for (let pass = 0; pass < 50; pass++) {
          const result = await deliverDueWebhooks({ db, clock: () => appClock().now(), policy: webhookUrlPolicy(env) });
          if (result.delivered === 0) break;
        }
      } while (holder.__webhooksAgain);
    } finally {
      holder.__webhooksRunning = undefined;
    }
  })();
  return holder.__webhooksRunning;
}

/** Webhook events (with their deliveries and attempts) older than 30 days, none pending. */
export async function runWebhookPruner() {
  return pruneWebhookEvents(await getDb(), { before: new Date(appClock().now().getTime() - webhookEventRetentionMs) });
}

/** Transcripts and recordings past their campaign's retention setting. */
export async function runRetention() {
  return removeExpiredCallData(await getDb(), { now: appClock().now() });
}

/** Idempotency keys past their 24 hours. */
export async function runIdempotencyKeyPruner() {
  return pruneIdempotencyKeys(await getDb(), { now: appClock().now() });
}

/** The call rollups' added rows, folded back to one per key (analytics reads stay small). */
export async function runCallRollupFold() {
  return foldCallRollups(await getDb());
}

export function startJobs(): Cron[] {
  if (holder.__jobs) return holder.__jobs;
  setDialRequestLimit(env.DIAL_REQUESTS_IN_FLIGHT);
  // A freed line is refilled as soon as this process sees its call end; the tick is the safety net.
  holder.__stopRefills = startRefills(executorDeps);
  // Events committed in this process are delivered at once; the tick picks up everyone else's.
  holder.__stopWebhookPokes = onWebhookEvents(() => {
    runWebhookDelivery().catch((error) => logger.error('webhook delivery failed', { error: String(error) }));
  });
  holder.__jobs = [
    schedule('campaign-executor', cronEvery(env.EXECUTOR_INTERVAL_SECONDS), runExecutorTick),
    schedule('call-recovery', cronEvery(env.RECOVERY_INTERVAL_SECONDS), runCallRecovery),
    schedule('rate-limit-pruner', '0 17 * * * *', runRateLimitPruner),
    schedule('webhook-delivery', cronEvery(env.WEBHOOKS_INTERVAL_SECONDS), runWebhookDelivery),
    schedule('webhook-pruner', '0 41 * * * *', runWebhookPruner),
    schedule('retention', '0 23 * * * *', runRetention),
    schedule('idempotency-key-pruner', '0 47 * * * *', runIdempotencyKeyPruner),
    schedule('call-rollup-fold', '30 * * * * *', runCallRollupFold),
  ];
  logger.info('background jobs started', { jobs: holder.__jobs.map((j) => j.name) });
  return holder.__jobs;
}

export function stopJobs() {
  for (const job of holder.__jobs ?? []) job.stop();
  holder.__jobs = undefined;
  holder.__stopRefills?.();
  holder.__stopRefills = undefined;
  holder.__stopWebhookPokes?.();
  holder.__stopWebhookPokes = undefined;
}

/** Start-up: migrate, seed the demo (development on the embedded default, or SEED_DEMO=true), start telephony and the jobs. */
export async function startServer() {
  await getDb();
  if (shouldSeedDemo(env)) {
    const { seedDemoData } = await import('@/lib/services/demo');
    await seedDemoData(await getDb(), { now: appClock().now() });
  }
  await getTelephony();
  if (env.JOBS_ENABLED) {
    startJobs();
    // Rows from before encryption still read as plaintext; sealing them needs no one to wait.
    void sealLegacyPersonalData(await getDb())
      .then((sealed) => logger.info('personal data written before encryption sealed', sealed))
      .catch((error: unknown) => logger.error('sealing personal data written before encryption failed', { error: error instanceof Error ? error.message : String(error) }));
  }
}
