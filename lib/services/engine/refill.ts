// Refill: when a call of an active campaign ends, that campaign's next lead is claimed and dialled
// at once, on whichever instance saw the end (the webhook, the agent's report, a dial failure,
// recovery), rather than at the next executor tick. The claim is the executor's own, so every cap,
// legal hour, DNC check and owner-wide limit holds exactly as on a tick; Postgres row locks (SKIP
// LOCKED on the campaign) keep two instances refilling the same campaign exact. The 30-second
// tick stays as the safety net and for opening windows.
// Process-wide on globalThis: route handlers (where most ends are seen) and the jobs live in
// different Next bundles.
import { and, eq } from 'drizzle-orm';
import { schema } from '@/db';
import { onCallEnded } from '@/lib/services/calls/call-ended-signal';
import { logger } from '@/lib/logger';
import { processCampaign, type CampaignTick, type ExecutorDeps } from './campaign-executor';
import { onDialCapacityFreed } from './dial-capacity';

type Refills = {
  deps: () => Promise<ExecutorDeps> | ExecutorDeps;
  /** Per campaign being refilled: whether another end came in meanwhile (then it runs once more). */
  running: Map<string, { again: boolean }>;
  work: Set<Promise<void>>;
  stop: () => void;
};

const holder = globalThis as unknown as { __refills?: Refills };

/**
 * The campaign row is locked by a claim elsewhere (a tick, another instance's refill): that claim may
 * have counted the line before it freed, so try again until it is done, for a few seconds at most.
 */
export const lockedRetryDelaysMs = [50, 100, 200, 400, 800, 1000, 1000, 1000, 1000, 1000];
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function refillOnce(deps: ExecutorDeps, campaignId: string): Promise<CampaignTick | undefined> {
  for (let attempt = 0; ; attempt++) {
    const [campaign] = await deps.db
      .select()
      .from(schema.campaigns)
      .where(and(eq(schema.campaigns.id, campaignId), eq(schema.campaigns.status, 'active')));
    if (!campaign) return undefined;
    // Throttled: a rate limit still holds the campaign back until it runs out.
    if (campaign.throttledUntil && campaign.throttledUntil > deps.clock()) return undefined;
    const tick = await processCampaign(deps, campaign);
    if (tick.action !== 'locked' || attempt >= lockedRetryDelaysMs.length) return tick;
    await pause(lockedRetryDelaysMs[attempt]);
  }
}

async function runRefill(refills: Refills, campaignId: string): Promise<void> {
  const state = refills.running.get(campaignId)!;
  const log = logger.child({ campaignId });
  try {
    const deps = await refills.deps();
    do {
      state.again = false;
      await refillOnce(deps, campaignId);
    } while (state.again);
  } catch (error) {
    log.error('refill failed; the next tick will dial instead', { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  } finally {
    refills.running.delete(campaignId);
  }
}

/** Claims and dials the campaign's next leads now; ends arriving while one runs fold into one more pass. */
export function requestRefill(campaignId: string): void {
  const refills = holder.__refills;
  if (!refills) return;
  const running = refills.running.get(campaignId);
  if (running) {
    running.again = true;
    return;
  }
  refills.running.set(campaignId, { again: false });
  const work = runRefill(refills, campaignId).finally(() => refills.work.delete(work));
  refills.work.add(work);
}

/**
 * Starts refilling on every call end seen by this process (and for campaigns that found the dial
 * bound full, once it frees). Returns the stop. A second start replaces the first.
 */
export function startRefills(deps: () => Promise<ExecutorDeps> | ExecutorDeps): () => void {
  holder.__refills?.stop();
  const unsubscribe = onCallEnded(({ campaignId }) => requestRefill(campaignId));
  onDialCapacityFreed((campaignIds) => campaignIds.forEach(requestRefill));
  const refills: Refills = {
    deps,
    running: new Map(),
    work: new Set(),
    stop: () => {
      unsubscribe();
      onDialCapacityFreed(undefined);
      if (holder.__refills === refills) holder.__refills = undefined;
    },
  };
  holder.__refills = refills;
  return refills.stop;
}

/** Resolves once no refill is running (tests, graceful shutdown). */
export async function refillsSettled(): Promise<void> {
  const refills = holder.__refills;
  while (refills?.work.size) await Promise.all([...refills.work]);
}
