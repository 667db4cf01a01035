// The campaign lifecycle: draft → active ⇄ paused; stop → cancelled; the engine sets completed.
import { and, count, eq, inArray, not } from 'drizzle-orm';
import { schema, type Db, type Queryable } from '@/db';
import { queuedLeadStatuses } from '@/shared/statuses';
import { conflict } from '@/lib/errors';
import { recordAudit } from '@/lib/services/audit';
import { leadOnDnc } from '@/lib/services/dnc/lead-on-dnc';
import { announceWebhookEvents, enqueueWebhookEvent, webhookCampaignOf } from '@/lib/services/webhooks/outbox';
import { getCampaignOrThrow, type CampaignRow } from './get-campaign-or-throw';
import { readLeadCounts } from './lead-counts';
import { presentCampaign } from './present';
import type { CampaignStatus } from './schemas';

export const lifecycleActions = ['start', 'pause', 'resume', 'stop'] as const;
export type LifecycleAction = (typeof lifecycleActions)[number];

const transitions: Record<LifecycleAction, { from: readonly CampaignStatus[]; to: CampaignStatus }> = {
  start: { from: ['draft'], to: 'active' },
  pause: { from: ['active'], to: 'paused' },
  resume: { from: ['paused'], to: 'active' },
  stop: { from: ['draft', 'active', 'paused'], to: 'cancelled' },
};

export function nextStatus(action: LifecycleAction, from: CampaignStatus): CampaignStatus | null {
  const rule = transitions[action];
  return rule.from.includes(from) ? rule.to : null;
}

/** Leads that could still be dialled: waiting for a first call or a retry, and not on the workspace's DNC list. */
export async function countCallableLeads(db: Queryable, campaign: Pick<CampaignRow, 'id' | 'workspaceId'>): Promise<number> {
  const [{ n }] = await db
    .select({ n: count() })
    .from(schema.leads)
    .where(
      and(
        eq(schema.leads.campaignId, campaign.id),
        inArray(schema.leads.status, [...queuedLeadStatuses]),
        not(leadOnDnc(campaign.workspaceId)),
      ),
    );
  return n;
}

export async function transitionCampaign(db: Db, { workspaceId, userId, campaignId, action, now }: { workspaceId: string; userId: string; campaignId: string; action: LifecycleAction; now: Date }) {
  const { campaign, webhooks } = await db.transaction(async (tx) => {
    await getCampaignOrThrow(tx, { workspaceId, campaignId });
    // Row lock: two clicks (or two instances) cannot both move the campaign.
    const [current] = await tx.select().from(schema.campaigns).where(eq(schema.campaigns.id, campaignId)).for('update');
    const to = nextStatus(action, current.status);
    if (!to) {
      throw conflict(`Cannot ${action} a campaign that is ${current.status}`, { status: `is ${current.status}; ${action} needs ${transitions[action].from.join(' or ')}` });
    }
    if (action === 'start' || action === 'resume') {
      const callable = await countCallableLeads(tx, current);
      if (callable === 0) throw conflict('This campaign has no leads that can be called: upload leads first', { leads: 'no callable leads' });
    }
    const [row] = await tx
      .update(schema.campaigns)
      .set({
        status: to,
        updatedAt: now,
        throttledUntil: null,
        telephonyTroubleSince: null,
        ...(action === 'start' ? { startedAt: now } : {}),
        ...(to === 'cancelled' ? { completedAt: now } : {}),
      })
      .where(eq(schema.campaigns.id, campaignId))
      .returning();
    await recordAudit(tx, { actorId: userId, campaignId, workspaceId, action: `campaign.${action}`, details: { from: current.status, to }, at: now });
    const webhooks = await enqueueWebhookEvent(tx, {
      workspaceId: row.workspaceId,
      type: 'campaign.status_changed',
      orderingKey: campaignId,
      now,
      data: { campaign: webhookCampaignOf(row), from: current.status, to, by: 'user', reason: null, kind: null },
    });
    return { campaign: presentCampaign(row, await readLeadCounts(tx, row.id)), webhooks };
  });
  if (webhooks) announceWebhookEvents();
  return campaign;
}

/** The engine's own transitions (completed, or paused with a reason); no-op when the campaign moved meanwhile. */
export async function engineTransition(
  db: Db,
  { campaignId, from, to, reason, notificationKind, now }: { campaignId: string; from: CampaignStatus; to: 'paused' | 'completed'; reason: string; notificationKind?: string; now: Date },
): Promise<boolean> {
  const moved = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(schema.campaigns)
      .set({ status: to, updatedAt: now, ...(to === 'completed' ? { completedAt: now } : {}) })
      .where(and(eq(schema.campaigns.id, campaignId), eq(schema.campaigns.status, from)))
      .returning({ id: schema.campaigns.id, name: schema.campaigns.name, workspaceId: schema.campaigns.workspaceId });
    if (!row) return false;
    await recordAudit(tx, { actorId: null, campaignId, workspaceId: row.workspaceId, action: `campaign.${to}`, details: { from, to, reason }, at: now });
    if (notificationKind) {
      await tx.insert(schema.notifications).values({ workspaceId: row.workspaceId, campaignId, kind: notificationKind, message: reason, createdAt: now });
    }
    await enqueueWebhookEvent(tx, {
      workspaceId: row.workspaceId,
      type: 'campaign.status_changed',
      orderingKey: campaignId,
      now,
      data: { campaign: webhookCampaignOf(row), from, to, by: 'engine', reason, kind: notificationKind ?? null },
    });
    return true;
  });
  if (moved) announceWebhookEvents();
  return moved;
}
