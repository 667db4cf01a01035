// Outbound webhooks through the real routes and the real delivery pass, to a real HTTP receiver on
// 127.0.0.1: the endpoint API and its validation, Standard Webhooks signatures checked with the
// standardwebhooks package, retries on an injected clock, giving up after 24 h, the outbox's
// transaction (an event rolled back is never sent), and the private-address refusal.
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { GET as listRoute, POST as createRoute } from '@/app/api/webhooks/route';
import { DELETE as deleteRoute, PATCH as patchRoute } from '@/app/api/webhooks/[id]/route';
import { GET as deliveriesRoute } from '@/app/api/webhooks/[id]/deliveries/route';
import { POST as testRoute } from '@/app/api/webhooks/[id]/test/route';
import { POST as retryRoute } from '@/app/api/webhooks/deliveries/[id]/retry/route';
import { POST as createCampaignRoute } from '@/app/api/campaigns/route';
import { POST as dncRoute } from '@/app/api/dnc/route';
import { schema } from '@/db';
import { ManualClock, setAppClock } from '@/lib/clock';
import { importLeads } from '@/lib/services/leads';
import { applyCallEvent, settleCall } from '@/lib/services/calls';
import { sealReport, sealTranscript } from '@/lib/services/calls/call-personal-data';
import { engineTransition } from '@/lib/services/campaigns';
import { insertCampaign, insertLeads, call, signUp, validCampaign, type TestUser, testDriver, campaignAction, apiFixtures } from '@/test/fixtures';
import { createWebhookEndpoint, deliverDueWebhooks, enqueueWebhookEvent, openWebhookPayload, pruneWebhookEvents, releaseOverdueSettlements, webhookRetry, type UrlPolicy } from '@/lib/services/webhooks';
import { webhookDeliveryList, webhookDeliveryQueued, webhookEndpointCreated, webhookEndpointList, webhookTestQueued } from '@/lib/api/responses';
import { startWebhookReceiver } from '@/test/webhook-receiver';

const { db, users: [alice, bob] } = apiFixtures('Alice', 'Bob');
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

// The receiver is on 127.0.0.1: the delivery pass is told what WEBHOOKS_ALLOW_PRIVATE=true tells the job.
const allowPrivate: UrlPolicy = { allowPrivate: true, production: false };
const publicOnly: UrlPolicy = { allowPrivate: false, production: false };

beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await receiver.close();
});

async function localEndpoint(user: TestUser, events: string[] = ['call.ended'], now = new Date()) {
  return createWebhookEndpoint(db.db, { workspaceId: user.workspaceId, actorId: user.id, input: { url: receiver.url, events: events as never, description: 'local' }, policy: allowPrivate, now });
}

/** Runs delivery passes until nothing is due at the clock's moment. */
async function deliverAll(clock: () => Date, policy: UrlPolicy = allowPrivate) {
  for (let i = 0; i < 20; i++) {
    const result = await deliverDueWebhooks({ db: db.db, clock, policy, timeoutMs: 10_000 });
    if (result.attempted === 0) return;
  }
}

describe('endpoint routes', () => {
  it('POST answers 201 with Location and a whsec_ secret shown once; GET lists without secrets', async () => {
    const res = await call(createRoute, { path: '/api/webhooks', method: 'POST', token: alice.token, body: { url: 'https://93.184.215.14/hooks', events: ['call.ended', 'call.scored'], description: 'CRM' } });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/api/webhooks/${res.body.id}`);
    expect(res.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(res.body).toMatchObject({ url: 'https://93.184.215.14/hooks', events: ['call.ended', 'call.scored'], description: 'CRM', enabled: true });
    const list = await call(listRoute, { path: '/api/webhooks', token: alice.token });
    expect(list.status).toBe(200);
    const listed = list.body.items.find((e: { id: string }) => e.id === res.body.id);
    expect(listed).toBeDefined();
    // The answers are what the OpenAPI document (and the browser's types) say.
    expect(webhookEndpointCreated.safeParse(res.body).error).toBeUndefined();
    expect(webhookEndpointList.safeParse(list.body).error).toBeUndefined();
    expect(JSON.stringify(list.body)).not.toContain(res.body.secret);
    const bobs = await call(listRoute, { path: '/api/webhooks', token: bob.token });
    expect(bobs.body.items).toEqual([]);
  });

  it('a create retried with the same Idempotency-Key answers the first endpoint and secret, and makes one endpoint', async () => {
    const body = { url: 'https://93.184.215.14/retried', events: ['call.ended'], description: 'retried' };
    const create = () => call(createRoute, { path: '/api/webhooks', method: 'POST', token: alice.token, body, headers: { 'Idempotency-Key': 'webhook-retry-1' } });
    const first = await create();
    const again = await create();
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    const rows = await db.db.select().from(schema.webhookEndpoints).where(and(eq(schema.webhookEndpoints.workspaceId, alice.workspaceId), eq(schema.webhookEndpoints.url, body.url)));
    expect(rows).toHaveLength(1);
    // The stored answer holds the secret: it is sealed, never in the clear.
    const [stored] = await db.db.select().from(schema.idempotencyKeys).where(and(eq(schema.idempotencyKeys.userId, alice.id), eq(schema.idempotencyKeys.key, 'webhook-retry-1')));
    expect(stored.body).not.toContain(first.body.secret);
  });

  it.each([
    [{ events: ['call.ended'] }, 'url'],
    [{ url: 'not a url', events: ['call.ended'] }, 'url'],
    [{ url: 'ftp://93.184.215.14/x', events: ['call.ended'] }, 'url'],
    [{ url: 'https://93.184.215.14/x', events: [] }, 'events'],
    [{ url: 'https://93.184.215.14/x', events: ['call.exploded'] }, 'events.0'],
    [{ url: 'https://93.184.215.14/x', events: 'call.ended' }, 'events'],
    [{ url: 'https://93.184.215.14/x', events: ['call.ended'], description: 'x'.repeat(501) }, 'description'],
  ])('an invalid create %j is a 422 naming %s', async (body, field) => {
    const res = await call(createRoute, { path: '/api/webhooks', method: 'POST', token: alice.token, body });
    expect(res.status).toBe(422);
    expect(res.body.error.fields[field], JSON.stringify(res.body)).toBeTruthy();
  });

  it('a body that is not JSON is a 400', async () => {
    const res = await call(createRoute, { path: '/api/webhooks', method: 'POST', token: alice.token, body: '{nope', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
  });

  it.each(['http://127.0.0.1:9/hooks', 'https://localhost/hooks', 'https://10.1.2.3/hooks', 'https://192.168.1.20/hooks', 'https://169.254.169.254/latest', 'https://[::1]/hooks', 'https://[::ffff:127.0.0.1]/hooks', 'https://[fd00::1]/hooks'])(
    'a loopback or private address (%s) is refused with a 422 naming url',
    async (url) => {
      const res = await call(createRoute, { path: '/api/webhooks', method: 'POST', token: alice.token, body: { url, events: ['call.ended'] } });
      expect(res.status).toBe(422);
      expect(res.body.error.fields.url).toMatch(/private or loopback|does not resolve/);
    },
  );

  it('PATCH changes only what it is sent; another user’s endpoint is a 404; DELETE removes it', async () => {
    const created = await call(createRoute, { path: '/api/webhooks', method: 'POST', token: alice.token, body: { url: 'https://93.184.215.14/a', events: ['lead.qualified'], description: 'first' } });
    const id = created.body.id;
    const patched = await call(patchRoute, { path: `/api/webhooks/${id}`, method: 'PATCH', token: alice.token, params: { id }, body: { description: 'second' } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ url: 'https://93.184.215.14/a', events: ['lead.qualified'], description: 'second', enabled: true });
    const bad = await call(patchRoute, { path: `/api/webhooks/${id}`, method: 'PATCH', token: alice.token, params: { id }, body: { url: 'https://127.0.0.1/x' } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields.url).toBeTruthy();
    const badEvents = await call(patchRoute, { path: `/api/webhooks/${id}`, method: 'PATCH', token: alice.token, params: { id }, body: { events: ['nope'] } });
    expect(badEvents.status).toBe(422);
    expect(badEvents.body.error.fields['events.0']).toBeTruthy();
    const off = await call(patchRoute, { path: `/api/webhooks/${id}`, method: 'PATCH', token: alice.token, params: { id }, body: { enabled: false } });
    expect(off.body).toMatchObject({ enabled: false, description: 'second' });
    expect((await call(patchRoute, { path: `/api/webhooks/${id}`, method: 'PATCH', token: bob.token, params: { id }, body: { description: 'mine' } })).status).toBe(404);
    expect((await call(deleteRoute, { path: `/api/webhooks/${id}`, method: 'DELETE', token: bob.token, params: { id } })).status).toBe(404);
    expect((await call(deliveriesRoute, { path: `/api/webhooks/${id}/deliveries`, token: alice.token, params: { id } })).status).toBe(200);
    const limit = await call(deliveriesRoute, { path: `/api/webhooks/${id}/deliveries?limit=0`, token: alice.token, params: { id } });
    expect(limit.status).toBe(400);
    expect(limit.body.error.fields.limit).toBeTruthy();
    expect((await call(deleteRoute, { path: `/api/webhooks/${id}`, method: 'DELETE', token: alice.token, params: { id } })).status).toBe(200);
    expect((await call(deleteRoute, { path: `/api/webhooks/${id}`, method: 'DELETE', token: alice.token, params: { id } })).status).toBe(404);
    expect((await call(patchRoute, { path: '/api/webhooks/not-an-id', method: 'PATCH', token: alice.token, params: { id: 'not-an-id' }, body: {} })).status).toBe(404);
  });
});

describe('delivery', () => {
  it('the test event arrives signed: Webhook.verify accepts it with the endpoint’s secret, and rejects it with another', async () => {
    const endpoint = await localEndpoint(alice);
    receiver.received.length = 0;
    const sent = await call(testRoute, { path: `/api/webhooks/${endpoint.id}/test`, method: 'POST', token: alice.token, params: { id: endpoint.id } });
    expect(sent.status).toBe(202);
    await deliverAll(() => new Date());
    expect(receiver.received).toHaveLength(1);
    const [got] = receiver.received;
    expect(got.headers['webhook-id']).toBe(sent.body.eventId);
    expect(got.headers['webhook-timestamp']).toMatch(/^\d{10}$/);
    expect(got.headers['webhook-signature']).toMatch(/^v1,/);
    const verified = new Webhook(endpoint.secret).verify(got.body, got.headers) as { type: string; data: { endpointId: string } };
    expect(verified.type).toBe('webhook.test');
    expect(verified.data.endpointId).toBe(endpoint.id);
    const other = (await localEndpoint(alice)).secret;
    expect(() => new Webhook(other).verify(got.body, got.headers)).toThrow();
    expect(() => new Webhook(endpoint.secret).verify(got.body.replace('test', 'tost'), got.headers)).toThrow();
    const log = await call(deliveriesRoute, { path: `/api/webhooks/${endpoint.id}/deliveries`, token: alice.token, params: { id: endpoint.id } });
    expect(log.body.items[0]).toMatchObject({ id: sent.body.deliveryId, type: 'webhook.test', status: 'delivered', attempts: 1, lastStatusCode: 200 });
    expect(log.body.items[0].attemptLog).toHaveLength(1);
    expect(log.body.items[0].attemptLog[0]).toMatchObject({ statusCode: 200, error: null });
    expect(typeof log.body.items[0].attemptLog[0].durationMs).toBe('number');
    expect(webhookTestQueued.safeParse(sent.body).error).toBeUndefined();
    expect(webhookDeliveryList.safeParse(log.body).error).toBeUndefined();
  });

  it('an endpoint that answers 500 twice gets the event on the third attempt; the first retry comes within 10 s', async () => {
    const clock = new ManualClock(new Date());
    setAppClock(clock);
    onTestFinished(() => setAppClock(undefined));
    const endpoint = await localEndpoint(alice, ['call.ended'], clock.now());
    receiver.received.length = 0;
    receiver.answerWith((n) => (n <= 2 ? 500 : 200));
    const sent = await call(testRoute, { path: `/api/webhooks/${endpoint.id}/test`, method: 'POST', token: alice.token, params: { id: endpoint.id } });
    const t0 = clock.now().getTime();
    const due = async () => (await db.db.select().from(schema.webhookDeliveries).where(eq(schema.webhookDeliveries.id, sent.body.deliveryId)))[0];

    await deliverAll(() => clock.now());
    expect(receiver.received).toHaveLength(1);
    const first = await due();
    expect(first).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 500 });
    expect(first.nextAttemptAt.getTime() - t0).toBeGreaterThan(0);
    expect(first.nextAttemptAt.getTime() - t0).toBeLessThanOrEqual(10_000);
    // Not due yet: nothing is sent before its time.
    clock.advance(first.nextAttemptAt.getTime() - t0 - 1);
    await deliverAll(() => clock.now());
    expect(receiver.received).toHaveLength(1);
    clock.set(first.nextAttemptAt);
    await deliverAll(() => clock.now());
    expect(receiver.received).toHaveLength(2);
    const second = await due();
    expect(second).toMatchObject({ status: 'pending', attempts: 2, lastStatusCode: 500 });
    expect(second.nextAttemptAt.getTime() - clock.now().getTime()).toBeGreaterThan(first.nextAttemptAt.getTime() - t0);
    clock.set(second.nextAttemptAt);
    await deliverAll(() => clock.now());
    expect(receiver.received).toHaveLength(3);
    expect(await due()).toMatchObject({ status: 'delivered', attempts: 3, lastStatusCode: 200 });
    // One message, three attempts: the same webhook-id each time, each signed afresh and valid.
    expect(new Set(receiver.received.map((r) => r.headers['webhook-id']))).toEqual(new Set([sent.body.eventId]));
    for (const r of receiver.received) expect(() => new Webhook(endpoint.secret).verify(r.body, r.headers)).not.toThrow();
    const log = await call(deliveriesRoute, { path: `/api/webhooks/${endpoint.id}/deliveries`, token: alice.token, params: { id: endpoint.id } });
    expect(log.body.items[0].attemptLog.map((a: { statusCode: number }) => a.statusCode)).toEqual([200, 500, 500]);
    receiver.answerWith(() => 200);
  });

  it('retries for 24 hours, then gives up, disables the endpoint with a notification; enabled again, "send again" delivers', async () => {
    const clock = new ManualClock(new Date());
    setAppClock(clock);
    onTestFinished(() => setAppClock(undefined));
    const endpoint = await localEndpoint(alice, ['call.ended'], clock.now());
    receiver.answerWith(() => 503);
    const t0 = clock.now().getTime();
    const sent = await call(testRoute, { path: `/api/webhooks/${endpoint.id}/test`, method: 'POST', token: alice.token, params: { id: endpoint.id } });
    const row = async () => (await db.db.select().from(schema.webhookDeliveries).where(eq(schema.webhookDeliveries.id, sent.body.deliveryId)))[0];
    for (let i = 0; i < 40; i++) {
      await deliverAll(() => clock.now());
      const d = await row();
      if (d.status !== 'pending') break;
      clock.set(d.nextAttemptAt);
    }
    const failed = await row();
    expect(failed.status).toBe('failed');
    expect(clock.now().getTime() - t0).toBe(webhookRetry.windowMs);
    expect(failed.attempts).toBeGreaterThan(5);
    expect(failed.attempts).toBeLessThan(20);
    const [stored] = await db.db.select().from(schema.webhookEndpoints).where(eq(schema.webhookEndpoints.id, endpoint.id));
    expect(stored.disabledAt).not.toBeNull();
    expect(stored.disabledReason).toMatch(/24 hours/);
    const notes = await db.db.select().from(schema.notifications).where(and(eq(schema.notifications.workspaceId, alice.workspaceId), eq(schema.notifications.kind, 'webhook_disabled')));
    expect(notes).toHaveLength(1);
    expect(notes[0].message).toContain(receiver.url);
    // A disabled endpoint receives no new events.
    expect(await db.db.transaction((tx) => enqueueWebhookEvent(tx, { workspaceId: alice.workspaceId, type: 'call.ended', data: {} as never, now: clock.now() }))).toBeGreaterThan(0); // the other local endpoints still get it
    const none = await db.db.select().from(schema.webhookDeliveries).where(and(eq(schema.webhookDeliveries.endpointId, endpoint.id), eq(schema.webhookDeliveries.status, 'pending')));
    expect(none).toEqual([]);

    const refused = await call(retryRoute, { path: `/api/webhooks/deliveries/${failed.id}/retry`, method: 'POST', token: alice.token, params: { id: failed.id } });
    expect(refused.status).toBe(409);
    expect((await call(retryRoute, { path: `/api/webhooks/deliveries/${failed.id}/retry`, method: 'POST', token: bob.token, params: { id: failed.id } })).status).toBe(404);
    await call(patchRoute, { path: `/api/webhooks/${endpoint.id}`, method: 'PATCH', token: alice.token, params: { id: endpoint.id }, body: { enabled: true } });
    receiver.answerWith(() => 200);
    receiver.received.length = 0;
    const again = await call(retryRoute, { path: `/api/webhooks/deliveries/${failed.id}/retry`, method: 'POST', token: alice.token, params: { id: failed.id } });
    expect(again.status).toBe(202);
    expect(webhookDeliveryQueued.safeParse(again.body).error).toBeUndefined();
    await deliverAll(() => clock.now());
    const mine = receiver.received.filter((r) => r.headers['webhook-id'] === sent.body.eventId);
    expect(mine).toHaveLength(1);
    expect(await row()).toMatchObject({ status: 'delivered', lastStatusCode: 200 });
  });

  it('an endpoint that never answers costs one request timeout per attempt and is retried', async () => {
    const other = await signUp('Carol');
    const endpoint = await localEndpoint(other, ['call.ended']);
    receiver.answerWith(() => 'hang');
    const sent = await call(testRoute, { path: `/api/webhooks/${endpoint.id}/test`, method: 'POST', token: other.token, params: { id: endpoint.id } });
    const started = Date.now();
    await deliverDueWebhooks({ db: db.db, clock: () => new Date(), policy: allowPrivate, timeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(5_000);
    const [d] = await db.db.select().from(schema.webhookDeliveries).where(eq(schema.webhookDeliveries.id, sent.body.deliveryId));
    expect(d).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: null });
    expect(d.lastError).toMatch(/no answer within 300 ms/);
    receiver.answerWith(() => 200);
  });

  it('without WEBHOOKS_ALLOW_PRIVATE a delivery to a private address is refused at connection time, never sent', async () => {
    const other = await signUp('Dave');
    const endpoint = await localEndpoint(other, ['call.ended']);
    receiver.received.length = 0;
    const sent = await call(testRoute, { path: `/api/webhooks/${endpoint.id}/test`, method: 'POST', token: other.token, params: { id: endpoint.id } });
    await deliverDueWebhooks({ db: db.db, clock: () => new Date(), policy: publicOnly });
    expect(receiver.received).toHaveLength(0);
    const [d] = await db.db.select().from(schema.webhookDeliveries).where(eq(schema.webhookDeliveries.id, sent.body.deliveryId));
    expect(d.lastError).toMatch(/refused: 127\.0\.0\.1/);
  });
});

describe('the outbox is the change’s own transaction', () => {
  it('an event written in a transaction that rolls back is never stored nor sent', async () => {
    const owner = await signUp('Erin');
    await localEndpoint(owner, ['campaign.status_changed']);
    receiver.received.length = 0;
    await expect(
      db.db.transaction(async (tx) => {
        await enqueueWebhookEvent(tx, { workspaceId: owner.workspaceId, type: 'campaign.status_changed', data: { campaign: { id: 'x', name: 'x' }, from: 'active', to: 'paused', by: 'engine', reason: 'r', kind: null }, now: new Date() });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await db.db.select().from(schema.webhookEvents).where(eq(schema.webhookEvents.workspaceId, owner.workspaceId))).toEqual([]);
    await deliverAll(() => new Date());
    expect(receiver.received).toHaveLength(0);
  });

  it('an import that fails as a whole sends no import.completed; one that commits sends it with its counts', async () => {
    const owner = await signUp('Frank');
    const endpoint = await localEndpoint(owner, ['import.completed']);
    const campaign = await call(createCampaignRoute, { path: '/api/campaigns', method: 'POST', token: owner.token, body: validCampaign });
    const csv = (rows: number) => (async function* () {
      yield new TextEncoder().encode(['name,phone,external_id', ...Array.from({ length: rows }, (_, i) => `Lead ${i},+1212555${String(1000 + i)},crm-${i}`)].join('\n'));
    })();
    await expect(importLeads(db.db, { workspaceId: owner.workspaceId, userId: owner.id, campaignId: campaign.body.id, csv: csv(3), maxRows: 2, now: new Date() })).rejects.toThrow(/more than 2 rows/);
    const events = () => db.db.select().from(schema.webhookEvents).where(eq(schema.webhookEvents.workspaceId, owner.workspaceId));
    expect(await events()).toEqual([]);
    receiver.received.length = 0;
    await importLeads(db.db, { workspaceId: owner.workspaceId, userId: owner.id, campaignId: campaign.body.id, csv: csv(2), maxRows: 2, now: new Date() });
    expect((await events()).map((e) => e.type)).toEqual(['import.completed']);
    // The outbox keeps the body sealed, like the rows it was built from.
    expect(JSON.stringify((await events())[0].payload)).not.toContain(validCampaign.name);
    await deliverAll(() => new Date());
    const body = new Webhook(endpoint.secret).verify(receiver.received[0].body, receiver.received[0].headers) as { type: string; data: Record<string, unknown> };
    expect(body).toMatchObject({ type: 'import.completed', data: { campaign: { id: campaign.body.id, name: validCampaign.name }, inserted: 2, totalRows: 2, rejected: 0 } });
  });

  it.runIf(testDriver() === 'postgres')('an event is invisible to the delivery job until its transaction commits', async () => {
    const owner = await signUp('Grace');
    await localEndpoint(owner, ['campaign.status_changed']);
    receiver.received.length = 0;
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let written!: () => void;
    const wrote = new Promise<void>((r) => (written = r));
    const tx = db.db.transaction(async (t) => {
      await enqueueWebhookEvent(t, { workspaceId: owner.workspaceId, type: 'campaign.status_changed', data: { campaign: { id: 'c', name: 'c' }, from: 'draft', to: 'active', by: 'user', reason: null, kind: null }, now: new Date() });
      written();
      await held;
    });
    await wrote;
    expect((await deliverDueWebhooks({ db: db.db, clock: () => new Date(), policy: allowPrivate })).attempted).toBe(0);
    release();
    await tx;
    await deliverAll(() => new Date());
    expect(receiver.received.map((r) => JSON.parse(r.body).type)).toEqual(['campaign.status_changed']);
  });
});

describe('lead.opted_out', () => {
  const optedOutOf = async (workspaceId: string) =>
    (await db.db.select().from(schema.webhookEvents).where(and(eq(schema.webhookEvents.workspaceId, workspaceId), eq(schema.webhookEvents.type, 'lead.opted_out')))).map(
      (e) => openWebhookPayload(e.payload) as { data: { callId: string | null; source: string; lead: { id: string; status: string } } },
    );

  it('a number put on the DNC list by hand sends one event per lead it took out of the queue, in every campaign', async () => {
    const owner = await signUp('Ivan');
    await localEndpoint(owner, ['lead.opted_out']);
    const [first, second] = [await insertCampaign(db.db, owner.id), await insertCampaign(db.db, owner.id)];
    const [a] = await insertLeads(db.db, first.id, 1);
    const [b] = await insertLeads(db.db, second.id, 1);
    expect(b.phone).toBe(a.phone);
    const res = await call(dncRoute, { path: '/api/dnc', method: 'POST', token: owner.token, body: { phone: a.phone, reason: 'asked by e-mail' } });
    expect(res.status).toBe(200);
    const events = await optedOutOf(owner.workspaceId);
    expect(events.map((e) => e.data.lead.id).sort()).toEqual([a.id, b.id].sort());
    for (const e of events) expect(e.data).toMatchObject({ callId: null, source: 'dnc_list', lead: { status: 'do_not_call' } });
    // Listing it again takes no one else out: no second event.
    await call(dncRoute, { path: '/api/dnc', method: 'POST', token: owner.token, body: { phone: a.phone } });
    expect(await optedOutOf(owner.workspaceId)).toHaveLength(2);
  });

  it('an opt-out on a call sends the called lead’s event from the call, and the other campaign’s lead with that number from the listing', async () => {
    const owner = await signUp('Judy');
    await localEndpoint(owner, ['lead.opted_out']);
    const [calledCampaign, otherCampaign] = [await insertCampaign(db.db, owner.id), await insertCampaign(db.db, owner.id)];
    const [called] = await insertLeads(db.db, calledCampaign.id, 1);
    const [other] = await insertLeads(db.db, otherCampaign.id, 1);
    const answeredAt = new Date(Date.now() - 60_000);
    const [row] = await db.db
      .insert(schema.campaignCalls)
      .values({ campaignId: calledCampaign.id, leadId: called.id, attemptNumber: 1, status: 'completed', phone: called.phone, claimedAt: new Date(Date.now() - 90_000), dialedAt: answeredAt, answeredAt, endedAt: new Date(), durationSeconds: 60, endedReason: 'completed', report: sealReport({ answeringMachine: false, optOut: true, callbackAt: null, summary: null, endedReason: null, receivedAt: new Date().toISOString() }), transcript: sealTranscript([{ speaker: 'lead', text: 'Take me off your list and never call again.' }]) })
      .returning();
    await db.db.update(schema.leads).set({ status: 'calling', callAttempts: 1 }).where(eq(schema.leads.id, called.id));
    expect((await settleCall(db.db, { callId: row.id, now: new Date() })).settled).toBe(true);
    const events = await optedOutOf(owner.workspaceId);
    expect(events.map((e) => [e.data.lead.id, e.data.source, e.data.callId]).sort()).toEqual(
      [
        [called.id, 'call', row.id],
        [other.id, 'dnc_list', null],
      ].sort(),
    );
  });
});

describe('call.ended carries the recording link', () => {
  async function recordedCall(owner: TestUser) {
    const campaign = await insertCampaign(db.db, owner.id, { recordCalls: true });
    const [lead] = await insertLeads(db.db, campaign.id, 1);
    const answeredAt = new Date(Date.now() - 60_000);
    const [row] = await db.db
      .insert(schema.campaignCalls)
      .values({ campaignId: campaign.id, leadId: lead.id, attemptNumber: 1, status: 'completed', phone: lead.phone, claimedAt: new Date(Date.now() - 90_000), dialedAt: answeredAt, answeredAt, endedAt: new Date(), durationSeconds: 60, endedReason: 'completed', recordingConsent: 'disclosed', report: sealReport({ answeringMachine: false, optOut: false, callbackAt: null, summary: null, endedReason: null, receivedAt: new Date().toISOString() }), transcript: sealTranscript([{ speaker: 'lead', text: 'Not interested, thanks.' }]) })
      .returning();
    await db.db.update(schema.leads).set({ status: 'calling', callAttempts: 1 }).where(eq(schema.leads.id, lead.id));
    return row;
  }
  const endedOf = async (workspaceId: string) =>
    (await db.db.select().from(schema.webhookEvents).where(and(eq(schema.webhookEvents.workspaceId, workspaceId), eq(schema.webhookEvents.type, 'call.ended')))).map((e) => openWebhookPayload(e.payload) as { data: { recordingUrl: string | null } });

  it('a recorded call settled before its recording sends call.ended when the recording arrives, with its link', async () => {
    const owner = await signUp('Heidi');
    await localEndpoint(owner, ['call.ended', 'call.scored']);
    const c = await recordedCall(owner);
    expect((await settleCall(db.db, { callId: c.id, now: new Date() })).settled).toBe(true);
    expect(await endedOf(owner.workspaceId)).toEqual([]);
    await applyCallEvent(db.db, { id: `rec:${c.id}`, callId: c.id, at: new Date(), type: 'recording', url: 'https://storage.example.com/recordings/call.ogg' }, { now: new Date() });
    const ended = await endedOf(owner.workspaceId);
    expect(ended.map((e) => e.data.recordingUrl)).toEqual(['https://storage.example.com/recordings/call.ogg']);
  });

  it('one whose recording never comes is sent without it once the wait is over', async () => {
    const owner = await signUp('Ivan');
    await localEndpoint(owner, ['call.ended']);
    const c = await recordedCall(owner);
    await settleCall(db.db, { callId: c.id, now: new Date() });
    await releaseOverdueSettlements(db.db, { now: new Date(Date.now() + 30_000) });
    expect(await endedOf(owner.workspaceId)).toEqual([]);
    await releaseOverdueSettlements(db.db, { now: new Date(Date.now() + 61_000) });
    expect((await endedOf(owner.workspaceId)).map((e) => e.data.recordingUrl)).toEqual([null]);
  });
});

describe('campaign.status_changed', () => {
  it('says who moved the campaign: the user’s start, then the engine’s own pause with its reason and kind', async () => {
    const owner = await signUp('Judy');
    await localEndpoint(owner, ['campaign.status_changed']);
    const campaign = await insertCampaign(db.db, owner.id, {}, 'draft');
    await insertLeads(db.db, campaign.id, 2);
    const started = await campaignAction(owner, campaign.id, 'start');
    expect(started.status).toBe(200);
    const reason = 'Paused: LiveKit has been unreachable or not answering for 2 min (connect ECONNREFUSED). Resume once it is back.';
    expect(await engineTransition(db.db, { campaignId: campaign.id, from: 'active', to: 'paused', reason, notificationKind: 'paused_telephony_trouble', now: new Date() })).toBe(true);
    // A transition that does not happen (the campaign moved meanwhile) sends nothing.
    expect(await engineTransition(db.db, { campaignId: campaign.id, from: 'active', to: 'completed', reason: 'x', now: new Date() })).toBe(false);
    const events = await db.db
      .select({ payload: schema.webhookEvents.payload })
      .from(schema.webhookDeliveries)
      .innerJoin(schema.webhookEvents, eq(schema.webhookEvents.id, schema.webhookDeliveries.eventId))
      .where(eq(schema.webhookEvents.workspaceId, owner.workspaceId))
      .orderBy(schema.webhookDeliveries.seq);
    expect(events.map((e) => (openWebhookPayload(e.payload) as { data: unknown }).data)).toEqual([
      { campaign: { id: campaign.id, name: campaign.name }, from: 'draft', to: 'active', by: 'user', reason: null, kind: null },
      { campaign: { id: campaign.id, name: campaign.name }, from: 'active', to: 'paused', by: 'engine', reason, kind: 'paused_telephony_trouble' },
    ]);
  });
});

describe('retention', () => {
  it('events older than 30 days go with their deliveries, unless a delivery is still pending', async () => {
    const owner = await signUp('Mallory');
    await localEndpoint(owner, ['import.completed']);
    const old = new Date(Date.now() - 31 * 24 * 3600_000);
    const data = { campaign: { id: 'c', name: 'c' }, inserted: 0, duplicates: 0, dnc: 0, rejected: 0, totalRows: 0 };
    await db.db.transaction((tx) => enqueueWebhookEvent(tx, { workspaceId: owner.workspaceId, type: 'import.completed', data, now: old }));
    await db.db.transaction((tx) => enqueueWebhookEvent(tx, { workspaceId: owner.workspaceId, type: 'import.completed', data, now: old }));
    const [done] = await db.db.select().from(schema.webhookEvents).where(eq(schema.webhookEvents.workspaceId, owner.workspaceId)).limit(1);
    await db.db.update(schema.webhookDeliveries).set({ status: 'delivered' }).where(eq(schema.webhookDeliveries.eventId, done.id));
    await pruneWebhookEvents(db.db, { before: new Date(Date.now() - 30 * 24 * 3600_000) });
    const left = await db.db.select().from(schema.webhookEvents).where(eq(schema.webhookEvents.workspaceId, owner.workspaceId));
    expect(left).toHaveLength(1);
    expect(left[0].id).not.toBe(done.id);
    expect(await db.db.select().from(schema.webhookDeliveries).where(eq(schema.webhookDeliveries.eventId, done.id))).toEqual([]);
  });
});
