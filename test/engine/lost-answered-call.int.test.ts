// An answered call whose end and report are both lost (the webhooks and the agent's report never came): recovery
// frees its line once LiveKit's longest call plus a margin has passed, not an hour later, and ends it no later than
// that longest call after its answer, so its duration and cost are an upper bound, not the moment recovery noticed.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { schema } from '@/db';
import { applyCallEvent } from '@/lib/services/calls';
import { recoverCalls } from '@/lib/services/engine';
import { engineTiming } from '@/lib/services/engine/timing';
import { InProcessTelephony } from '@/test/in-process-telephony';
import { insertCampaign, insertUser, insertDialledCall, apiFixtures } from '@/test/fixtures';

const { db } = apiFixtures();

describe('an answered call that goes silent', () => {
  it('is ended within the longest call plus a margin, at most that longest call after its answer, and settled', async () => {
    const ownerId = await insertUser(db.db);
    const campaign = await insertCampaign(db.db, ownerId, { maxCallsPerLead: 3 });
    const claimedAt = new Date(Date.now() - 3 * 60 * 60_000);
    const { call, lead } = await insertDialledCall(db.db, campaign.id, {
      claimedAt,
      roomPrefix: 'silent',
      lead: { name: 'Dana Scully', phone: '+12125552301', timezone: 'America/New_York' },
      call: { leaseExpiresAt: new Date(claimedAt.getTime() + 60_000) },
    });
    const answeredAt = new Date(claimedAt.getTime() + 10_000);
    await applyCallEvent(db.db, { id: `answered:${call.id}`, callId: call.id, at: answeredAt, type: 'answered' }, { now: answeredAt });
    const after = (ms: number) => new Date(answeredAt.getTime() + ms);
    // The room is gone: LiveKit knows nothing of it.
    const telephony = new InProcessTelephony(() => ({ kind: 'no_answer' }), () => new Date());
    const row = async () => (await db.db.select().from(schema.campaignCalls).where(eq(schema.campaignCalls.id, call.id)))[0];

    // Past the longest call, but inside the margin: not asked about yet.
    const early = await recoverCalls({ db: db.db, telephony, clock: () => after(engineTiming.maxCallMs + 60_000) });
    expect(early.ended).toBe(0);
    expect((await row()).status).toBe('in_progress');

    const late = await recoverCalls({ db: db.db, telephony, clock: () => after(engineTiming.inProgressLeaseMs + 60_000) });
    expect(late.ended).toBe(1);
    const ended = await row();
    expect({ status: ended.status, endedAt: ended.endedAt?.toISOString(), durationSeconds: ended.durationSeconds, outcome: ended.outcome }).toEqual({
      status: 'completed',
      endedAt: after(engineTiming.maxCallMs).toISOString(),
      durationSeconds: engineTiming.maxCallMs / 1000,
      outcome: 'completed',
    });
    const [leadRow] = await db.db.select().from(schema.leads).where(eq(schema.leads.id, lead.id));
    expect(leadRow.status).not.toBe('calling');
  });
});
