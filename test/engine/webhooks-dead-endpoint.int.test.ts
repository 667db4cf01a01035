// A customer's endpoint that never answers must not slow the engine: with it subscribed to every event
// and the delivery job poked after each commit (as lib/jobs wires it), a campaign is claimed, dialled,
// tracked and settled to the end while every webhook request is still held open by the receiver.
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { eq, isNull, and, count } from 'drizzle-orm';

vi.hoisted(() => {
  // The receiver is on 127.0.0.1; the job reads this once, as in production.
  process.env.WEBHOOKS_ALLOW_PRIVATE = 'true';
});

import { schema } from '@/db';
import { sealLeadContext } from '@/lib/services/leads/lead-context';
import { ManualClock, setAppClock } from '@/lib/clock';
import { runWebhookDelivery } from '@/lib/jobs';
import { dialsSettled, processActiveCampaigns } from '@/lib/services/engine';
import { createWebhookEndpoint, onWebhookEvents } from '@/lib/services/webhooks';
import { webhookEventTypes } from '@/shared/contracts/webhook-events';
import { useTestDb, type TestDb, insertCampaign, insertUser, leadConsent, mixedOutcomes } from '@/test/fixtures';
import { InProcessTelephony } from '@/test/in-process-telephony';
import { startWebhookReceiver } from '@/test/webhook-receiver';

const LEADS = 40;
let db: TestDb;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let stopPokes: () => void;

beforeAll(async () => {
  db = await useTestDb();
  receiver = await startWebhookReceiver(() => 'hang');
  stopPokes = onWebhookEvents(() => void runWebhookDelivery());
});
afterAll(async () => {
  stopPokes();
  await receiver.close();
  await runWebhookDelivery();
  await db.drop();
});

describe('a dead webhook endpoint', () => {
  it('delays no dial: the campaign runs to the end while every delivery is still unanswered', async () => {
    // Wednesday 17 June 2026, 11:00 in New York.
    const clock = new ManualClock('2026-06-17T15:00:00Z');
    // The delivery job reads the app's clock: the same one the engine runs on.
    setAppClock(clock);
    onTestFinished(() => setAppClock(undefined));
    const ownerId = await insertUser(db.db);
    await createWebhookEndpoint(db.db, { workspaceId: ownerId, actorId: ownerId, input: { url: receiver.url, events: [...webhookEventTypes] }, policy: { allowPrivate: true, production: false }, now: clock.now() });
    const campaign = await insertCampaign(db.db, ownerId, { maxConcurrentCalls: 10, maxCallsPerLead: 1 });
    await db.db.insert(schema.leads).values(Array.from({ length: LEADS }, (_, i) => ({ campaignId: campaign.id, name: `Lead ${i}`, phone: `+1212555${String(3000 + i)}`, ...leadConsent, context: sealLeadContext({ external_id: `crm-${i}` }) })));
    const telephony = new InProcessTelephony(mixedOutcomes, () => clock.now());
    const deps = { db: db.db, telephony, clock: () => clock.now() };
    const unsettled = async () =>
      (await db.db.select({ n: count() }).from(schema.campaignCalls).where(and(eq(schema.campaignCalls.campaignId, campaign.id), isNull(schema.campaignCalls.outcome))))[0].n;

    for (let tick = 0; tick < 40; tick++) {
      const [row] = await db.db.select({ status: schema.campaigns.status }).from(schema.campaigns).where(eq(schema.campaigns.id, campaign.id));
      if (row.status !== 'active') break;
      await processActiveCampaigns(deps);
      await dialsSettled();
      await telephony.deliver(db.db);
      clock.advance(5 * 60_000);
    }
    const calls = await db.db.select({ n: count() }).from(schema.campaignCalls).where(eq(schema.campaignCalls.campaignId, campaign.id));
    expect(calls[0].n).toBe(LEADS);
    expect(await unsettled()).toBe(0);
    // The endpoint hears of the calls (the job runs beside the engine) and answers none of it: nothing of the run waited for an answer.
    for (let i = 0; i < 600 && receiver.received.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(receiver.received.length).toBeGreaterThan(0);
    const delivered = await db.db.select({ n: count() }).from(schema.webhookDeliveries).where(eq(schema.webhookDeliveries.status, 'delivered'));
    expect(delivered[0].n).toBe(0);
    const waiting = await db.db.select({ n: count() }).from(schema.webhookDeliveries).where(eq(schema.webhookDeliveries.status, 'pending'));
    expect(waiting[0].n).toBeGreaterThan(LEADS);
  }, 300_000);
});
