// A lead who never answered ends with the reason the dial's own SIP answer gives, whichever arrives
// first: the room's participant_left (coarse: LiveKit folds busy and declined into USER_REJECTED) or
// the dial request's failure (exact: the SIP status). The room's word is kept for when the dial's
// answer is lost.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { schema } from '@/db';
import { applyCallEvent, settleCall } from '@/lib/services/calls';
import { recoverCalls } from '@/lib/services/engine';
import { InProcessTelephony } from '@/test/in-process-telephony';
import { insertCampaign, insertUser, insertDialledCall, apiFixtures } from '@/test/fixtures';
import type { CallEvent } from '@/shared/contracts/call-events';

const { db } = apiFixtures();

let n = 0;
async function ringingCall(claimedAt: Date) {
  const ownerId = await insertUser(db.db);
  const campaign = await insertCampaign(db.db, ownerId, { maxCallsPerLead: 3 });
  const phone = `+1212555${String(2000 + n++)}`;
  return insertDialledCall(db.db, campaign.id, {
    claimedAt,
    roomPrefix: 'unanswered',
    lead: { name: 'Fox Mulder', phone, timezone: 'America/New_York' },
    call: { leaseExpiresAt: new Date(claimedAt.getTime() + 60_000) },
  });
}

const roomSaysRejected = (callId: string, at: Date): CallEvent => ({ id: `EV_left_${callId}`, callId, at, type: 'ended', reason: 'busy', detail: 'participant_left: USER_REJECTED', provisional: true });
const dialSaysDeclined = (callId: string, at: Date): CallEvent => ({ id: `dial-failed:${callId}`, callId, at, type: 'ended', reason: 'no_answer', detail: 'SIP call failed: 603 Decline (permission_denied)' });

async function stateOf(callId: string, leadId: string, now: Date) {
  await settleCall(db.db, { callId, now });
  const [call] = await db.db.select().from(schema.campaignCalls).where(eq(schema.campaignCalls.id, callId));
  const [lead] = await db.db.select().from(schema.leads).where(eq(schema.leads.id, leadId));
  return { status: call.status, outcome: call.outcome, endedReason: call.endedReason, lastOutcome: lead.lastOutcome };
}

describe('an unanswered call ends as its dial said', () => {
  it('the room’s USER_REJECTED first, then the dial’s 603 Decline: the call is a no-answer, not busy', async () => {
    const claimedAt = new Date(Date.now() - 30_000);
    const { call, lead } = await ringingCall(claimedAt);
    const left = new Date(claimedAt.getTime() + 10_000);
    const first = await applyCallEvent(db.db, roomSaysRejected(call.id, left), { now: new Date() });
    expect(first.followUp).toBeUndefined(); // nothing to settle yet: the dial has not answered
    const [still] = await db.db.select().from(schema.campaignCalls).where(eq(schema.campaignCalls.id, call.id));
    expect(still.status).toBe('calling');
    await (await applyCallEvent(db.db, dialSaysDeclined(call.id, left), { now: new Date() })).followUp?.();
    expect(await stateOf(call.id, lead.id, new Date())).toEqual({ status: 'no_answer', outcome: 'no_answer', endedReason: 'SIP call failed: 603 Decline (permission_denied)', lastOutcome: 'no_answer' });
  });

  it('the dial’s answer first, then the room’s: the same end', async () => {
    const claimedAt = new Date(Date.now() - 30_000);
    const { call, lead } = await ringingCall(claimedAt);
    const left = new Date(claimedAt.getTime() + 10_000);
    await (await applyCallEvent(db.db, dialSaysDeclined(call.id, left), { now: new Date() })).followUp?.();
    await applyCallEvent(db.db, roomSaysRejected(call.id, left), { now: new Date() });
    expect(await stateOf(call.id, lead.id, new Date())).toEqual({ status: 'no_answer', outcome: 'no_answer', endedReason: 'SIP call failed: 603 Decline (permission_denied)', lastOutcome: 'no_answer' });
  });

  it('the lead left before the dial’s "answered" arrived: the call is over when it does', async () => {
    const claimedAt = new Date(Date.now() - 30_000);
    const { call } = await ringingCall(claimedAt);
    const left = new Date(claimedAt.getTime() + 20_000);
    await applyCallEvent(db.db, { id: `EV_left_${call.id}`, callId: call.id, at: left, type: 'ended', reason: 'no_answer', detail: 'participant_left: CLIENT_INITIATED', provisional: true }, { now: new Date() });
    await applyCallEvent(db.db, { id: `answered:${call.id}`, callId: call.id, at: new Date(claimedAt.getTime() + 5_000), type: 'answered' }, { now: new Date() });
    const [row] = await db.db.select().from(schema.campaignCalls).where(eq(schema.campaignCalls.id, call.id));
    expect({ status: row.status, endedAt: row.endedAt?.toISOString(), durationSeconds: row.durationSeconds }).toEqual({ status: 'completed', endedAt: left.toISOString(), durationSeconds: 15 });
  });

  it('the dial’s answer never came: recovery ends the call with the room’s reason, not as lost', async () => {
    const claimedAt = new Date(Date.now() - 10 * 60_000);
    const { call, lead } = await ringingCall(claimedAt);
    await applyCallEvent(db.db, roomSaysRejected(call.id, new Date(claimedAt.getTime() + 10_000)), { now: new Date(claimedAt.getTime() + 11_000) });
    const now = new Date();
    const telephony = new InProcessTelephony(() => ({ kind: 'no_answer' }), () => now);
    const report = await recoverCalls({ db: db.db, telephony, clock: () => now });
    expect(report.failed).toBe(0);
    expect(await stateOf(call.id, lead.id, now)).toEqual({ status: 'busy', outcome: 'busy', endedReason: 'participant_left: USER_REJECTED', lastOutcome: 'busy' });
  });
});
