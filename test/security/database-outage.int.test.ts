// A database that cannot be reached is a 503 with Retry-After — something to wait out — never a 500.
// Here the database is a real postgres.js connection to a port nothing listens on; the drill in
// test/drill/db-blip.int.test.ts stops a real second Postgres cluster in the middle of a run.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as listCampaigns } from '@/app/api/campaigns/route';
import { POST as webhookRoute } from '@/app/api/livekit/webhook/route';
import { openPostgres, setDbHandle, type DbHandle } from '@/db';
import { resetAuth } from '@/lib/auth';
import { AppError, asAppError } from '@/lib/errors';
import { signWebhook } from '@/lib/livekit-sim';
import { liveKitCredentials } from '@/lib/telephony';
import { call, apiFixtures } from '@/test/fixtures';

/** A port that was free a moment ago: connecting to it is refused. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const { db, users: [alice] } = apiFixtures('Alice');
let down: DbHandle;

beforeAll(async () => {
  down = await openPostgres(`postgres://postgres@127.0.0.1:${await closedPort()}/gone`, { max: 1 });
});
afterAll(async () => {
  await down.close();
  setDbHandle(db);
});

function outage() {
  setDbHandle(down);
  resetAuth();
}
function recovered() {
  setDbHandle(db);
  resetAuth();
}

describe('a database outage', () => {
  it('answers 503 with Retry-After and the error body, for a signed-in request', async () => {
    outage();
    try {
      const res = await call(listCampaigns, { path: '/api/campaigns', token: alice.token });
      expect(res.status).toBe(503);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(res.body).toEqual({ error: { code: 'unavailable', message: expect.stringMatching(/database/i) } });
    } finally {
      recovered();
    }
    expect((await call(listCampaigns, { path: '/api/campaigns', token: alice.token })).status).toBe(200);
  });

  it('answers a LiveKit webhook 503, so LiveKit delivers it again later', async () => {
    outage();
    try {
      const body = JSON.stringify({ event: 'room_finished', id: 'EV_outage', createdAt: String(Math.floor(Date.now() / 1000)), room: { name: 'call-any' } });
      const { apiKey, apiSecret } = liveKitCredentials();
      const res = await call(webhookRoute, { path: '/api/livekit/webhook', method: 'POST', body, headers: { 'content-type': 'application/webhook+json', authorization: await signWebhook(body, apiKey, apiSecret) } });
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBeTruthy();
    } finally {
      recovered();
    }
  });
});

describe('connection errors are "unavailable"', () => {
  const codes = ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'CONNECTION_ENDED', 'CONNECTION_CLOSED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT', '57P01', '57P03', '08006', '53300'];
  it.each(codes)('%s, bare or as the cause of a query error', (code) => {
    const bare = Object.assign(new Error('boom'), { code });
    expect(asAppError(bare)).toMatchObject({ code: 'unavailable', status: 503 });
    expect(asAppError(new Error('Failed query: select 1', { cause: bare }))).toMatchObject({ code: 'unavailable' });
  });

  it('leaves other errors alone: a constraint violation, a syntax error, a bug', () => {
    for (const code of ['23505', '42601', undefined]) {
      const error = Object.assign(new Error('boom'), { code });
      expect(asAppError(error)).toBe(error);
    }
    const app = new AppError('not_found', 'Campaign not found');
    expect(asAppError(app)).toBe(app);
  });
});
