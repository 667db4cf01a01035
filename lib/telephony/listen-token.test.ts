import { TokenVerifier } from 'livekit-server-sdk';
import { describe, expect, it } from 'vitest';
import { listenerToken } from './listen-token';

const apiKey = 'APIlisten';
const apiSecret = 'listen-test-secret-long-enough-for-hs256';

describe('listener token', () => {
  it('joins only the call room, hidden, and can only subscribe', async () => {
    const jwt = await listenerToken({ apiKey, apiSecret, roomName: 'call-abc', userId: 'user-1' });
    const claims = await new TokenVerifier(apiKey, apiSecret).verify(jwt);
    expect(claims.sub).toMatch(/^listener-user-1-[0-9a-f]{8}$/);
    expect(claims.video).toEqual({
      roomJoin: true,
      room: 'call-abc',
      hidden: true,
      canSubscribe: true,
      canPublish: false,
      canPublishData: false,
      canUpdateOwnMetadata: false,
    });
    expect(claims.sip).toBeUndefined();
  });

  it('two tokens for the same listener get different identities', async () => {
    const verifier = new TokenVerifier(apiKey, apiSecret);
    const [a, b] = await Promise.all([1, 2].map(() => listenerToken({ apiKey, apiSecret, roomName: 'r', userId: 'u' })));
    expect((await verifier.verify(a)).sub).not.toBe((await verifier.verify(b)).sub);
  });
});
