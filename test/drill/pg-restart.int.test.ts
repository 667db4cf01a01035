// The Postgres-restart drill: a campaign runs through the real executor, LiveKitTelephony and the local
// LiveKit simulator (signed webhooks and agent reports over HTTP) on a throw-away cluster of its own,
// which is restarted while calls ring and talk. The app reconnects by itself; no call is lost or placed
// twice, and no attempt is charged for a dial that never started.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { schema, type DbHandle } from '@/db';
import { startLiveKitSimulator, type LiveKitSimulator } from '@/lib/livekit-sim';
import { countProgress, dialsSettled, processActiveCampaigns, recoverCalls } from '@/lib/services/engine';
import { engineTiming } from '@/lib/services/engine/timing';
import { closeTelephony, liveKitCredentials, reportTokenSecret } from '@/lib/telephony';
import { LiveKitTelephony } from '@/lib/telephony/livekit';
import { startAppServer } from '@/test/app-server';
import { testDriver, daytimePlaces, insertCampaign, insertUser, leadConsent, pointAppAtThrowAwayCluster } from '@/test/fixtures';
import { throwAwayClusterUnavailable, type ThrowAwayCluster } from '@/test/pg-cluster';
import { everyHourOfEveryDay } from '@/shared/contracts/campaign-config';

const LEADS = 60;
const unavailable = testDriver() === 'postgres' ? throwAwayClusterUnavailable() : 'runs on the Postgres driver only';
if (unavailable && testDriver() === 'postgres') process.stderr.write(`pg-restart drill skipped: ${unavailable}\n`);

describe.skipIf(!!unavailable)('Postgres restarted in the middle of a campaign (drill on a throw-away cluster)', () => {
  let cluster: ThrowAwayCluster;
  let handle: DbHandle;
  let app: Awaited<ReturnType<typeof startAppServer>>;
  let sim: LiveKitSimulator;

  beforeAll(async () => {
    ({ cluster, handle } = await pointAppAtThrowAwayCluster());
    app = await startAppServer();
    sim = await startLiveKitSimulator({
      ...liveKitCredentials(),
      webhookUrl: `${app.url}/api/livekit/webhook`,
      // Rings of 15–30 s and talks of 1–2 min, played 60× faster: calls are live while the database restarts.
      speed: 60,
      seed: 11,
      timing: { ringSeconds: [15, 30], conversationSeconds: [60, 120], recordingGraceSeconds: 30 },
    });
  });
  afterAll(async () => {
    await sim?.close();
    await closeTelephony();
    await app?.close();
    await handle?.close();
    await cluster?.drop();
  });

  it('reconnects, loses no call, places none twice, and charges no attempt for a dial that never started', async () => {
    const { db } = handle;
    const ownerId = await insertUser(db);
    const campaign = await insertCampaign(db, ownerId, {
      timezone: 'UTC',
      callWindows: everyHourOfEveryDay,
      maxConcurrentCalls: 12,
      maxCallsPerLead: 1,
    });
    const daytime = daytimePlaces(new Date());
    expect(daytime.length).toBeGreaterThan(0);
    await db.insert(schema.leads).values(
      Array.from({ length: LEADS }, (_, i) => ({
        campaignId: campaign.id,
        name: `Lead ${i}`,
        phone: `${daytime[i % daytime.length].prefix}${String(2000 + i)}`,
        timezone: daytime[i % daytime.length].zone,
        ...leadConsent,
      })),
    );
    const telephony = new LiveKitTelephony({ url: sim.url, ...liveKitCredentials(), sipTrunkId: sim.trunkId, defaultAgentName: 'outbound-caller', appUrl: app.url, reportTokenSecret: reportTokenSecret(), requestTimeoutSeconds: 300 });
    const clock = () => new Date();
    const deps = { db, telephony, clock };
    const startedAt = async () => (await db.execute<{ at: string }>(sql`select pg_postmaster_start_time()::text as at`))[0].at;
    const before = await startedAt();

    const status = async () => (await db.select({ status: schema.campaigns.status }).from(schema.campaigns).where(eq(schema.campaigns.id, campaign.id)))[0]?.status;
    const openCalls = async () =>
      (await db.select({ id: schema.campaignCalls.id }).from(schema.campaignCalls).where(and(eq(schema.campaignCalls.campaignId, campaign.id), isNull(schema.campaignCalls.outcome)))).length;
    // Any statement may meet the restart: the loop goes on as the executor's job would.
    const tolerate = async <T,>(work: () => Promise<T>): Promise<T | undefined> => {
      try {
        return await work();
      } catch {
        return undefined;
      }
    };

    let restart: Promise<void> | undefined;
    for (;;) {
      const now = await tolerate(status);
      if (now !== undefined && now !== 'active') break;
      // A third of the way in, the database restarts while the executor claims and dials and calls are live.
      if (!restart && sim.stats().dials >= LEADS / 3) restart = cluster.restart();
      await tolerate(() => processActiveCampaigns(deps));
      await dialsSettled();
      if (restart) await restart;
      await sim.idle();
      // Scoring runs after the routes answer: wait for the calls that ended to settle.
      for (let i = 0; i < 100 && ((await tolerate(openCalls)) ?? 1) > 0; i++) await new Promise((r) => setTimeout(r, 50));
      // A webhook or report lost to the outage leaves its call open until its lease runs out: recovery, asked
      // as if that time had come, reconciles it from the LiveKit API (the simulator's rooms are all over).
      if (((await tolerate(openCalls)) ?? 0) > 0) {
        await tolerate(() => recoverCalls({ db, telephony, clock: () => new Date(Date.now() + engineTiming.inProgressLeaseMs + 60_000) }));
      }
    }

    expect(await startedAt()).not.toBe(before); // the drill really restarted the server
    expect(await status()).toBe('completed');
    const calls = await db.select().from(schema.campaignCalls).where(eq(schema.campaignCalls.campaignId, campaign.id));
    const leads = await db.select().from(schema.leads).where(eq(schema.leads.campaignId, campaign.id));
    const dialled = sim.stats().dialsByNumber;

    // No call lost: every lead's one call is settled, and every dial the simulator saw has its call row.
    expect(calls.filter((c) => c.outcome === null)).toEqual([]);
    expect(calls).toHaveLength(LEADS);
    expect(Object.keys(dialled).sort()).toEqual(leads.map((l) => l.phone).sort());
    // None placed twice, and an attempt counted only for a dial that reached the phone.
    for (const lead of leads) {
      expect(dialled[lead.phone], lead.phone).toBe(1);
      expect(lead.callAttempts, lead.phone).toBe(1);
      expect(lead.lastOutcome).toBe(calls.find((c) => c.leadId === lead.id)!.outcome);
    }
    // Progress, recounted from the rows, agrees: every lead called once, none left.
    expect(await countProgress(db, campaign.id)).toMatchObject({ totalLeads: LEADS, called: LEADS, remaining: 0 });
  }, 900_000);
});
