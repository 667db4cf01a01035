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
  await moveSpend(tx, campaignId, cost - (billedBefore ?? 0));
}

/** Adds `delta` to the campaign's spend, in the caller's transaction (nothing for a zero). */
export async function moveSpend(tx: Tx, campaignId: string, delta: number): Promise<void> {
  const rounded = Number(delta.toFixed(4));
  if (rounded !== 0) await tx.update(schema.campaigns).set({ spent: sql`${schema.campaigns.spent} + ${rounded}` }).where(eq(schema.campaigns.id, campaignId));
}

/**
 * A settled call's bill again once its times changed (null while the minutes are the same), so the bill never depends
 * on the order its events arrived in; the caller moves the campaign's spend by the difference.
 */
export function rebillOf(call: Timed & { billableMinutes: number | null }, config: Pick<CampaignConfig, 'costPerMinute' | 'agentCostPerMinute'>): { billableMinutes: number; cost: number } | null {
  if (billableMinutesOf(call) === (call.billableMinutes ?? 0)) return null;
  return billOf(call, config);
}

/** A settled call whose times changed, billed again on its own (the campaign's spend moved by the difference), in the caller's transaction. */
export async function rebillSettledCall(tx: Tx, call: Timed & { id: string; campaignId: string; billableMinutes: number | null; cost: number | null }): Promise<void> {
  const [campaign] = await tx.select({ config: schema.campaigns.config }).from(schema.campaigns).where(eq(schema.campaigns.id, call.campaignId));
  const bill = rebillOf(call, campaign.config);
  if (!bill) return;
  await tx.update(schema.campaignCalls).set(bill).where(eq(schema.campaignCalls.id, call.id));
  await chargeCampaign(tx, { campaignId: call.campaignId, cost: bill.cost, billedBefore: call.cost });
}
