// A call's bill follows its times, whatever order its events arrived in: when the answer arrives after the
// call was already settled (the report and the end came first), the call is billed again and the
// campaign's spend moves by the difference. Found by the webhook-storm drill (out-of-order delivery).
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { schema } from '@/db';
import { applyCallEvent, settleCall } from '@/lib/services/calls';
import { insertCampaign, insertUser, insertDialledCall, apiFixtures } from '@/test/fixtures';
import type { CallEvent } from '@/shared/contracts/call-events';

const { db } = apiFixtures();

async function liveCall(claimedAt: Date) {
  const ownerId = await insertUser(db.db);
  const campaign = await insertCampaign(db.db, ownerId, { costPerMinute: 0.1, agentCostPerMinute: 0.05 });
  const { call } = await insertDialledCall(db.db, campaign.id, { claimedAt, roomPrefix: 'late', lead: { name: 'Dana Scully', phone: '+12125553001', timezone: 'America/New_York' } });
  return { call, campaign };
}

async function apply(events: CallEvent[]) {
  for (const event of events) await (await applyCallEvent(db.db, event, { now: new Date() })).followUp?.();
}

describe('billing a call whose events arrive out of order', () => {
  it('bills the same minutes and spend whether the answer arrives before or after the settlement', async () => {
    const bills = [];
    for (const answerLast of [false, true]) {
      const claimedAt = new Date(Date.now() - 10 * 60_000);
      const { call, campaign } = await liveCall(claimedAt);
      const at = (seconds: number) => new Date(claimedAt.getTime() + seconds * 1000);
      const answered: CallEvent = { id: `answered:${call.id}`, callId: call.id, at: at(5), type: 'answered' };
      const report: CallEvent = { id: `report:${call.id}`, callId: call.id, at: at(200), type: 'report', transcript: [{ speaker: 'agent', text: 'Hello, is this Dana?' }, { speaker: 'lead', text: 'Yes, speaking.' }] };
      const ended: CallEvent = { id: `ended:${call.id}`, callId: call.id, at: at(190), type: 'ended', reason: 'completed' };
      await apply(answerLast ? [report, ended, answered] : [answered, report, ended]);
      await settleCall(db.db, { callId: call.id, now: new Date() });
      const [row] = await db.db.select().from(schema.campaignCalls).where(eq(schema.campaignCalls.id, call.id));
      const [spent] = await db.db.select({ spent: schema.campaigns.spent }).from(schema.campaigns).where(eq(schema.campaigns.id, campaign.id));
      expect(row.outcome).not.toBeNull();
      bills.push({ durationSeconds: row.durationSeconds, billableMinutes: row.billableMinutes, cost: row.cost, spent: spent.spent });
    }
    expect(bills[0]).toEqual({ durationSeconds: 185, billableMinutes: 4, cost: 0.6, spent: 0.6 });
    expect(bills[1]).toEqual(bills[0]);
  });
});
