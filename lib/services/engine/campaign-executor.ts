// The campaign executor: the loop behind the "every 30 s" job, and the refill of a freed line. For an
// active campaign inside its window it claims a batch and starts the dials; it completes campaigns
// with nothing left to call and pauses them (with a notification) when they cannot go on. It never
// waits on a ringing phone, and campaigns are processed side by side.
import { and, eq, isNull, lte, or } from 'drizzle-orm';
import { schema, type Db } from '@/db';
import { engineTransition, openLeads, readLeadCounts, type CampaignRow } from '@/lib/services/campaigns';
import type { Telephony } from '@/lib/telephony/types';
import { logger } from '@/lib/logger';
import { claimLeads, countInFlightCalls } from './claim-leads';
import { reserveDialSlots, returnDialSlots } from './dial-capacity';
import { startCalls } from './place-calls';
import { campaignWindowStatus } from './rules';
import { engineTiming } from './timing';

export type CampaignTick = {
  campaignId: string;
  action: 'dialed' | 'outside_window' | 'throttled' | 'completed' | 'paused' | 'idle' | 'locked' | 'saturated';
  /** Dials started (their answers and failures come in the background). */
  dialed?: number;
  reason?: string;
};

export type ExecutorDeps = { db: Db; telephony: Telephony; clock: () => Date };

/**
 * A needs_consent lead is not open: it waits for a person (a consent record, or another consent basis), not
 * for the engine, so it must not keep a campaign active and ticking forever. Once every other lead is done,
 * a campaign with leads still needing consent is paused, not completed: the notification says how many,
 * and once their consent is recorded they are pending again and the campaign can be resumed. A campaign
 * completes only when no lead is open and none needs consent (docs/decisions/007-needs-consent-pauses.md).
 */
function needsConsentMessage(n: number): string {
  return `Paused: every callable lead is done, and ${n} lead${n === 1 ? ' needs' : 's need'} a consent record before ${n === 1 ? 'it' : 'they'} can be called. Add the consent (edit the lead or re-import with consent_at and consent_source) or change the campaign's consent basis, then resume.`;
}

export async function processCampaign(deps: ExecutorDeps, campaign: CampaignRow): Promise<CampaignTick> {
  const { db, telephony, clock } = deps;
  const now = clock();
  const base = { campaignId: campaign.id };

  // The campaign's lead counters (one row, kept in the same transaction as every lead change): a tick costs the
  // same on a million-lead campaign as on ten.
  const leads = await readLeadCounts(db, campaign.id);
  if (leads.total === 0) {
    await engineTransition(db, { campaignId: campaign.id, from: 'active', to: 'paused', reason: 'Paused: the campaign has no leads. Upload leads, then resume.', notificationKind: 'paused_no_leads', now });
    return { ...base, action: 'paused', reason: 'no_leads' };
  }
  if (openLeads(leads) === 0 && (await countInFlightCalls(db, campaign.id)) === 0) {
    if (leads.needsConsent > 0) {
      await engineTransition(db, { campaignId: campaign.id, from: 'active', to: 'paused', reason: needsConsentMessage(leads.needsConsent), notificationKind: 'paused_needs_consent', now });
      return { ...base, action: 'paused', reason: 'needs_consent' };
    }
    await engineTransition(db, { campaignId: campaign.id, from: 'active', to: 'completed', reason: 'Every lead has reached a final outcome', notificationKind: 'completed', now });
    return { ...base, action: 'completed' };
  }
  if (campaign.config.budget !== undefined && campaign.spent >= campaign.config.budget) {
    await engineTransition(db, {
      campaignId: campaign.id,
      from: 'active',
      to: 'paused',
      reason: `Paused: the budget of ${campaign.config.budget.toFixed(2)} is spent (${campaign.spent.toFixed(2)}). Raise the budget to resume.`,
      notificationKind: 'paused_budget',
      now,
    });
    return { ...base, action: 'paused', reason: 'budget' };
  }
  if (campaign.throttledUntil && campaign.throttledUntil > now) return { ...base, action: 'throttled' };

  const window = campaignWindowStatus({ now, campaignTimezone: campaign.config.timezone, callWindows: campaign.config.callWindows });
  if (!window.open) return { ...base, action: 'outside_window' };

  // Slots first, so no claim ever waits for one: a campaign that gets none is refilled when one frees.
  const slots = reserveDialSlots(campaign.id, Math.min(engineTiming.maxBatchSize, campaign.config.maxConcurrentCalls));
  if (slots === 0) return { ...base, action: 'saturated' };
  let claim;
  try {
    claim = await claimLeads(db, { campaignId: campaign.id, now, want: slots });
  } catch (error) {
    returnDialSlots(slots);
    throw error;
  }
  const { claimed, skippedCampaignLocked } = claim;
  returnDialSlots(slots - claimed.length);
  if (skippedCampaignLocked) return { ...base, action: 'locked' };
  if (claimed.length === 0) return { ...base, action: 'idle' };

  const started = await startCalls(db, telephony, campaign, claimed, clock);
  return { ...base, action: 'dialed', dialed: started.started };
}

/** The active campaigns that are not throttled right now. */
export async function activeCampaigns(db: Db, now: Date): Promise<CampaignRow[]> {
  return db
    .select()
    .from(schema.campaigns)
    .where(and(eq(schema.campaigns.status, 'active'), or(isNull(schema.campaigns.throttledUntil), lte(schema.campaigns.throttledUntil, now))));
}

/** How many campaigns one tick processes side by side (each holds a database connection while it claims). */
const campaignsAtOnce = 8;

/** One tick of the executor over every active campaign (any instance may run it at the same time). */
export async function processActiveCampaigns(deps: ExecutorDeps): Promise<CampaignTick[]> {
  const queue = await activeCampaigns(deps.db, deps.clock());
  const ticks: CampaignTick[] = [];
  const worker = async () => {
    for (let campaign = queue.shift(); campaign; campaign = queue.shift()) {
      try {
        ticks.push(await processCampaign(deps, campaign));
      } catch (error) {
        logger.child({ campaignId: campaign.id }).error('campaign tick failed', { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(campaignsAtOnce, queue.length) }, worker));
  return ticks;
}
