// What a call costs: the minutes billed (a started minute counts whole, from the answer to the end) at the
// campaign's telephony and agent rates. One rule, used when a call is settled and again when a late event
// (an answer or end that arrives after the settlement) changes how long the call lasted.
import { eq, sql } from 'drizzle-orm';
import { schema, type Tx } from '@/db';
import type { CampaignConfig } from '@/lib/services/campaigns/config';

type Timed = { answeredAt: Date | null; durationSeconds: number | null };

export function billableMinutesOf(call: Timed): number {
  return call.answeredAt && call.durationSeconds != null ? Math.ceil(call.durationSeconds / 60) : 0;
}

export function costOf(billableMinutes: number, config: Pick<CampaignConfig, 'costPerMinute' | 'agentCostPerMinute'>): number {
  return Number((billableMinutes * (config.costPerMinute + (config.agentCostPerMinute ?? 0))).toFixed(4));
}

/** A call's bill: the minutes it is charged and what they cost at the campaign's rates. */
export function billOf(call: Timed, config: Pick<CampaignConfig, 'costPerMinute' | 'agentCostPerMinute'>): { billableMinutes: number; cost: number } {
  const billableMinutes = billableMinutesOf(call);
  return { billableMinutes, cost: costOf(billableMinutes, config) };
}

/**
 * Moves the campaign's spend from what the call was billed before (null: never) to its new cost, in the caller's
 * transaction: a call settled again after a late answer, or billed again, is never charged twice.
 */
export async function chargeCampaign(tx: Tx, { campaignId, cost, billedBefore }: { campaignId: string; cost: number; billedBefore: number | null }): Promise<void> {
  const delta = Number((cost - (billedBefore ?? 0)).toFixed(4));
  if (delta !== 0) await tx.update(schema.campaigns).set({ spent: sql`${schema.campaigns.spent} + ${delta}` }).where(eq(schema.campaigns.id, campaignId));
}

/**
 * A settled call whose times changed: bills it again and moves the campaign's spend by the difference, in
 * the caller's transaction, so the bill never depends on the order its events arrived in.
 */
export async function rebillSettledCall(tx: Tx, call: Timed & { id: string; campaignId: string; billableMinutes: number | null; cost: number | null }): Promise<void> {
  if (billableMinutesOf(call) === (call.billableMinutes ?? 0)) return;
  const [campaign] = await tx.select({ config: schema.campaigns.config }).from(schema.campaigns).where(eq(schema.campaigns.id, call.campaignId));
  const { billableMinutes, cost } = billOf(call, campaign.config);
  await tx.update(schema.campaignCalls).set({ billableMinutes, cost }).where(eq(schema.campaignCalls.id, call.id));
  await chargeCampaign(tx, { campaignId: call.campaignId, cost, billedBefore: call.cost });
}
