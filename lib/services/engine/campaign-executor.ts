// CampaignExecutor: the loop behind the "every 30 s" job. For each active campaign inside its
// window it asks the dialer for a batch; it completes campaigns with nothing left to call and
// pauses them (with a notification) when they cannot go on.
import { and, count, eq, isNull, lte, or } from 'drizzle-orm';
import { schema, type Db } from '@/db';
import { engineTransition, type CampaignRow } from '@/lib/services/campaigns';
import type { Telephony } from '@/lib/telephony/types';
import { logger } from '@/lib/logger';
import { claimLeads, countInFlightCalls } from './claim-leads';
import { placeCalls } from './place-calls';
import { campaignWindowStatus } from './rules';
import { engineTiming } from './timing';

export type CampaignTick = {
  campaignId: string;
  action: 'dialed' | 'outside_window' | 'throttled' | 'completed' | 'paused' | 'idle' | 'locked';
  dialed?: number;
  failed?: number;
  reason?: string;
};

export type ExecutorDeps = { db: Db; telephony: Telephony; clock: () => Date };

async function leadCounts(db: Db, campaignId: string) {
  const rows = await db
    .select({ status: schema.leads.status, n: count() })
    .from(schema.leads)
    .where(eq(schema.leads.campaignId, campaignId))
    .groupBy(schema.leads.status);
  const by = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])) as Record<string, number>;
  const total = rows.reduce((s, r) => s + Number(r.n), 0);
  return { total, open: (by.pending ?? 0) + (by.retry_scheduled ?? 0) + (by.calling ?? 0), needsConsent: by.needs_consent ?? 0 };
}

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

  const leads = await leadCounts(db, campaign.id);
  if (leads.total === 0) {
    await engineTransition(db, { campaignId: campaign.id, from: 'active', to: 'paused', reason: 'Paused: the campaign has no leads. Upload leads, then resume.', notificationKind: 'paused_no_leads', now });
    return { ...base, action: 'paused', reason: 'no_leads' };
  }
  if (leads.open === 0 && leads.needsConsent > 0 && (await countInFlightCalls(db, campaign.id)) === 0) {
    await engineTransition(db, { campaignId: campaign.id, from: 'active', to: 'paused', reason: needsConsentMessage(leads.needsConsent), notificationKind: 'paused_needs_consent', now });
    return { ...base, action: 'paused', reason: 'needs_consent' };
  }
  if (leads.open === 0 && (await countInFlightCalls(db, campaign.id)) === 0) {
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

  const { claimed, skippedCampaignLocked } = await claimLeads(db, { campaignId: campaign.id, now, want: engineTiming.maxBatchSize });
  if (skippedCampaignLocked) return { ...base, action: 'locked' };
  if (claimed.length === 0) return { ...base, action: 'idle' };

  const summary = await placeCalls(db, telephony, campaign, claimed, clock);
  if (summary.unavailable) {
    await engineTransition(db, {
      campaignId: campaign.id,
      from: 'active',
      to: 'paused',
      reason: `Paused: the calling agent or telephony is unavailable (${summary.unavailable}). Check the LiveKit settings, then resume.`,
      notificationKind: 'paused_agent_unavailable',
      now: clock(),
    });
    return { ...base, action: 'paused', reason: 'agent_unavailable', dialed: summary.dialed };
  }
  if (summary.rateLimited) {
    const until = new Date(clock().getTime() + (summary.retryAfterMs || engineTiming.defaultThrottleMs));
    await db.update(schema.campaigns).set({ throttledUntil: until }).where(eq(schema.campaigns.id, campaign.id));
    logger.warn('telephony rate limited; throttling campaign', { campaignId: campaign.id, until: until.toISOString() });
  }
  return { ...base, action: 'dialed', dialed: summary.dialed, failed: summary.failed };
}

/** One tick of the executor over every active campaign (any instance may run it at the same time). */
export async function processActiveCampaigns(deps: ExecutorDeps): Promise<CampaignTick[]> {
  const now = deps.clock();
  const active = await deps.db
    .select()
    .from(schema.campaigns)
    .where(and(eq(schema.campaigns.status, 'active'), or(isNull(schema.campaigns.throttledUntil), lte(schema.campaigns.throttledUntil, now))));
  const ticks: CampaignTick[] = [];
  for (const campaign of active) {
    try {
      ticks.push(await processCampaign(deps, campaign));
    } catch (error) {
      logger.error('campaign tick failed', { campaignId: campaign.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  }
  return ticks;
}

