// A correctly signed webhook still carries the sender's idea of the time. An event dated outside
// the call's own life (claimed … now) must not move the call's times: a little outside is clock
// skew and is clamped to the nearest edge, far outside is ignored (acknowledged, so LiveKit stops
// retrying, and logged) — it once moved answeredAt an hour back and billed 55 minutes.
import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as webhookRoute } from '@/app/api/livekit/webhook/route';
import { schema } from '@/db';
import { signWebhook } from '@/lib/livekit-sim';
import { webhookBody } from '@/lib/livekit-sim/webhooks';
import { liveKitCredentials } from '@/lib/telephony';
import { call as callRoute, useTestDb, type TestDb, insertCampaign, insertUser, insertLead, insertCall } from '@/test/fixtures';

let db: TestDb;
let campaign: Awaited<ReturnType<typeof insertCampaign>>;

beforeAll(async () => {
  db = await useTestDb();
  const created = await insertCampaign(db.db, await insertUser(db.db));
  // Made ten minutes ago; its calls are claimed a minute ago.
  [campaign] = await db.db.update(schema.campaigns).set({ createdAt: new Date(Date.now() - 10 * MINUTE) }).where(eq(schema.campaigns.id, created.id)).returning();
});
afterAll(async () => {
  await db.drop();
});

const MINUTE = 60_000;
let leadIndex = 0;

/** A call claimed a minute ago and ringing now. */
async function ringingCall() {
  leadIndex++;
  const claimedAt = new Date(Date.now() - MINUTE);
  const lead = await insertLead(db.db, campaign.id, { name: `Lead ${leadIndex}`, phone: `+1415555${String(2000 + leadIndex)}`, status: 'calling', callAttempts: 1 });
  return insertCall(db.db, lead, { roomName: `times-${leadIndex}`, claimedAt, dialedAt: claimedAt });
}

async function send(roomName: string, event: 'answered' | 'left', at: Date) {
  const participant =
    event === 'answered'
      ? { event: 'participant_attributes_changed', participant: { sid: 'PA_lead', identity: 'lead', kind: 'SIP', attributes: { 'sip.callStatus': 'active' } } }
      : { event: 'participant_left', participant: { sid: 'PA_lead', identity: 'lead', kind: 'SIP', disconnectReason: 'CLIENT_INITIATED' } };
  const body = webhookBody({ id: `EV_${crypto.randomBytes(6).toString('hex')}`, createdAt: String(Math.floor(at.getTime() / 1000)), room: { name: roomName, sid: 'RM_1' }, ...participant });
  const { apiKey, apiSecret } = liveKitCredentials();
  return callRoute(webhookRoute, { path: '/api/livekit/webhook', method: 'POST', body, headers: { 'content-type': 'application/webhook+json', authorization: await signWebhook(body, apiKey, apiSecret) } });
}

const stored = async (id: string) => (await db.db.select().from(schema.campaignCalls).where(eq(schema.campaignCalls.id, id)))[0];

describe('LiveKit webhook times are held to the call’s own life', () => {
  it('ignores an answer dated an hour before the call was claimed, and acknowledges it', async () => {
    const call = await ringingCall();
    const res = await send(call.roomName!, 'answered', new Date(Date.now() - 60 * MINUTE));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, applied: 0, ignored: 1 });
    const after = await stored(call.id);
    expect(after.answeredAt).toBeNull();
    expect(after.status).toBe('calling');
  });

  it('ignores an event dated well in the future', async () => {
    const call = await ringingCall();
    const res = await send(call.roomName!, 'answered', new Date(Date.now() + 60 * MINUTE));
    expect(res).toMatchObject({ status: 200, body: { applied: 0, ignored: 1 } });
    expect((await stored(call.id)).answeredAt).toBeNull();
  });

  it('clamps a little skew to the call’s edges, so the billed duration is the call’s own', async () => {
    const call = await ringingCall();
    // Three minutes before the claim: a slow clock at the sender, inside the tolerance.
    expect((await send(call.roomName!, 'answered', new Date(call.claimedAt.getTime() - 3 * MINUTE))).body).toMatchObject({ applied: 1 });
    const answered = await stored(call.id);
    expect(answered.answeredAt!.getTime()).toBe(call.claimedAt.getTime());
    expect(answered.answeredAt!.getTime()).toBeGreaterThanOrEqual(campaign.createdAt.getTime());

    // Thirty seconds ahead of now: a fast clock, clamped to the moment it arrived.
    const before = Date.now();
    expect((await send(call.roomName!, 'left', new Date(Date.now() + 30_000))).body).toMatchObject({ applied: 1 });
    const ended = await stored(call.id);
    expect(ended.status).toBe('completed');
    expect(ended.endedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(ended.endedAt!.getTime()).toBeLessThanOrEqual(Date.now());
    // Answered at the claim, a minute ago, ended now: about a minute, never the hour the sender could claim.
    expect(ended.durationSeconds).toBeGreaterThanOrEqual(59);
    expect(ended.durationSeconds).toBeLessThan(5 * 60);
  });

  it('keeps an event dated inside the call’s life as it was sent', async () => {
    const call = await ringingCall();
    const at = new Date(Math.floor((Date.now() - 20_000) / 1000) * 1000);
    expect((await send(call.roomName!, 'answered', at)).body).toMatchObject({ applied: 1 });
    expect((await stored(call.id)).answeredAt!.getTime()).toBe(at.getTime());
  });
});
