import { afterEach, describe, expect, it } from 'vitest';
import { env } from '@/lib/env';
import { clientIp, requestHost, requestOrigin } from './forwarded';

const saved = { TRUSTED_PROXY: env.TRUSTED_PROXY, APP_URL: env.APP_URL };
afterEach(() => {
  Object.assign(env, saved);
});

describe('the client address believes only what our own proxies wrote', () => {
  it.each([
    // [trusted proxies, X-Forwarded-For as the handler sees it (the guard appended the socket), client]
    [0, '127.0.0.1', '127.0.0.1'],
    [0, '6.6.6.6, 127.0.0.1', '127.0.0.1'],
    [0, '::ffff:10.0.0.5', '10.0.0.5'],
    [1, '198.51.100.4, 10.0.0.2', '198.51.100.4'],
    [1, '6.6.6.6, 198.51.100.4, 10.0.0.2', '198.51.100.4'],
    [2, '6.6.6.6, 198.51.100.4, 10.0.0.9, 10.0.0.2', '198.51.100.4'],
    [2, '10.0.0.2', '10.0.0.2'],
  ])('TRUSTED_PROXY=%s, X-Forwarded-For "%s" → %s', (hops, header, ip) => {
    env.TRUSTED_PROXY = hops;
    expect(clientIp(new Headers({ 'x-forwarded-for': header }))).toBe(ip);
  });

  it('no header: unknown', () => {
    expect(clientIp(new Headers())).toBeUndefined();
  });

  it('X-Forwarded-Host names the host only behind a trusted proxy', () => {
    const req = new Request('http://127.0.0.1:3000/api/campaigns', { headers: { host: '127.0.0.1:3000', 'x-forwarded-host': 'evil.example' } });
    expect(requestHost(req)).toBe('127.0.0.1:3000');
    env.TRUSTED_PROXY = 1;
    expect(requestHost(req)).toBe('evil.example');
  });
});

describe('the origin of the links the app hands out', () => {
  const req = new Request('http://127.0.0.1:4000/api/team/members', { headers: { host: 'crm.example:4000', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' } });

  it('is the scheme and host the client addressed, forwarded ones only behind a trusted proxy', () => {
    env.APP_URL = undefined;
    env.TRUSTED_PROXY = 0;
    expect(requestOrigin(req)).toBe('http://crm.example:4000');
    env.TRUSTED_PROXY = 1;
    expect(requestOrigin(req)).toBe('https://evil.example');
  });

  it('is APP_URL when set', () => {
    env.APP_URL = 'https://calls.example.com/';
    expect(requestOrigin(req)).toBe('https://calls.example.com');
  });
});
