import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// lib/env parses the environment once, at import: each test imports a fresh copy after stubbing it.
async function load(vars: Record<string, string | undefined>) {
  vi.resetModules();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'telephony-'));
  vi.stubEnv('PGLITE_DIR', path.join(dir, 'pglite'));
  vi.stubEnv('LIVEKIT_SIM_SPEED', '1000');
  vi.stubEnv('LOG_LEVEL', 'error');
  for (const [name, value] of Object.entries(vars)) vi.stubEnv(name, value ?? '');
  return import('./index');
}

let loaded: Awaited<ReturnType<typeof load>> | undefined;
beforeEach(() => {
  loaded = undefined;
});
afterEach(async () => {
  loaded?.setTelephony(undefined);
  await loaded?.closeTelephony();
  vi.unstubAllEnvs();
});

describe('the process telephony', () => {
  it('without LiveKit settings, starts the simulator once and points LiveKit at it', async () => {
    loaded = await load({ LIVEKIT_URL: undefined, LIVEKIT_API_KEY: undefined, LIVEKIT_API_SECRET: undefined, LIVEKIT_SIM_PORT: '0' });
    const [a, b] = await Promise.all([loaded.getTelephony(), loaded.getTelephony()]);
    expect(a).toBe(b);
    expect(a.name).toBe('livekit-sim');
    const runtime = await loaded.getLiveKit();
    expect(runtime).toMatchObject({ simulated: true, url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/), ...loaded.liveKitCredentials() });
    await expect(a.getCallState('nothing-here')).resolves.toBe('ended');
  });

  it('falls back to a free port when the simulator port is taken', async () => {
    const squatter = http.createServer();
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
    const taken = (squatter.address() as AddressInfo).port;
    try {
      loaded = await load({ LIVEKIT_URL: undefined, LIVEKIT_API_KEY: undefined, LIVEKIT_API_SECRET: undefined, LIVEKIT_SIM_PORT: String(taken) });
      const runtime = await loaded.getLiveKit();
      expect(runtime.url).not.toContain(`:${taken}`);
      await expect(runtime.telephony.getCallState('nothing-here')).resolves.toBe('ended');
    } finally {
      squatter.close();
    }
  });

  it('with LiveKit settings, talks to that server with those credentials', async () => {
    loaded = await load({ LIVEKIT_URL: 'wss://example.livekit.cloud', LIVEKIT_API_KEY: 'APIreal', LIVEKIT_API_SECRET: 'real-secret', LIVEKIT_SIP_TRUNK_ID: 'ST_real' });
    const runtime = await loaded.getLiveKit();
    expect(runtime).toMatchObject({ simulated: false, url: 'wss://example.livekit.cloud', apiKey: 'APIreal', apiSecret: 'real-secret' });
    expect(runtime.telephony.name).toBe('livekit');
    expect(loaded.reportTokenSecret()).toMatch(/^[0-9a-f]{64}$/);
    expect(loaded.reportTokenSecret()).not.toContain('real-secret');
  });

  it('the webhook verifier verifies what is signed with the same key pair', async () => {
    loaded = await load({ LIVEKIT_URL: undefined, LIVEKIT_API_KEY: undefined, LIVEKIT_API_SECRET: undefined });
    const { signWebhook } = await import('@/lib/livekit-sim');
    const { apiKey, apiSecret } = loaded.liveKitCredentials();
    const body = JSON.stringify({ event: 'room_started', id: 'EV_1', room: { name: 'r' } });
    const { verifyLiveKitWebhook } = await import('@/lib/telephony/livekit-webhook');
    await expect(verifyLiveKitWebhook(loaded.webhookVerifier(), body, await signWebhook(body, apiKey, apiSecret))).resolves.toMatchObject({ event: 'room_started' });
    await expect(verifyLiveKitWebhook(loaded.webhookVerifier(), body, await signWebhook(body, apiKey, 'another-secret-entirely-long'))).rejects.toThrow();
  });

  it('a test can put its own telephony in place', async () => {
    loaded = await load({});
    const fake = { name: 'fake', placeCall: vi.fn(), getCallState: vi.fn(), hangUp: vi.fn() };
    loaded.setTelephony(fake);
    await expect(loaded.getTelephony()).resolves.toBe(fake);
  });
});
