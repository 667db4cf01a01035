// A token for the campaign owner to listen in on a live call: hidden from the lead and the agent,
// and receive-only, so a listener can never speak or send data into the call.
import crypto from 'node:crypto';
import { AccessToken } from 'livekit-server-sdk';

export const listenTokenTtlSeconds = 60 * 60;

export async function listenerToken(input: { apiKey: string; apiSecret: string; roomName: string; userId: string }): Promise<string> {
  const token = new AccessToken(input.apiKey, input.apiSecret, {
    // Unique per request: two tabs listening to one call must not kick each other out.
    identity: `listener-${input.userId}-${crypto.randomBytes(4).toString('hex')}`,
    name: 'Listener',
    ttl: listenTokenTtlSeconds,
  });
  token.addGrant({
    roomJoin: true,
    room: input.roomName,
    hidden: true,
    canSubscribe: true,
    canPublish: false,
    canPublishData: false,
    canUpdateOwnMetadata: false,
  });
  return token.toJwt();
}
