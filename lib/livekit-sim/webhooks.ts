// Webhooks as a LiveKit server sends them: the event as protobuf JSON with
// `Content-Type: application/webhook+json`, and in `Authorization` a JWT (no "Bearer") signed with
// the API secret whose `sha256` claim is the base64 SHA-256 of the body. One room's webhooks go out
// in order, as they happened.
import crypto from 'node:crypto';
import { AccessToken, WebhookEvent } from 'livekit-server-sdk';
import { logger } from '@/lib/logger';
import { deliver } from './deliver';

export async function signWebhook(body: string, apiKey: string, apiSecret: string, ttl: string = '5m'): Promise<string> {
  const token = new AccessToken(apiKey, apiSecret, { ttl });
  token.sha256 = crypto.createHash('sha256').update(body).digest('base64');
  return token.toJwt();
}

/** The wire form of an event; going through the SDK's WebhookEvent keeps field names and enums exact. */
export function webhookBody(event: Record<string, unknown>): string {
  return WebhookEvent.fromJson(event as never).toJsonString();
}

export type WebhookSender = {
  send(roomName: string, event: Record<string, unknown>): Promise<void>;
  /** Resolves once every queued webhook has been delivered or given up on. */
  idle(): Promise<void>;
  stats(): { sent: number; failed: number };
};

export function createWebhookSender(options: { url?: string; apiKey: string; apiSecret: string; signal: AbortSignal; retryDelaysMs?: number[]; tokenTtl?: string; now: () => Date }): WebhookSender {
  const queues = new Map<string, Promise<void>>();
  const counts = { sent: 0, failed: 0 };

  async function post(body: string, event: Record<string, unknown>) {
    if (!options.url) return;
    const authorization = await signWebhook(body, options.apiKey, options.apiSecret, options.tokenTtl);
    const result = await deliver(options.url, { headers: { 'Content-Type': 'application/webhook+json', Authorization: authorization }, body }, options);
    if (result.ok) counts.sent++;
    else {
      counts.failed++;
      if (!options.signal.aborted) logger.warn('livekit-sim: webhook not delivered', { event: event.event, url: options.url, status: result.status, error: result.error });
    }
  }

  return {
    send(roomName, event) {
      // Serialised now: the room and participants change while earlier webhooks are still in flight.
      const body = webhookBody({ id: `EV_${crypto.randomBytes(6).toString('hex')}`, createdAt: String(Math.floor(options.now().getTime() / 1000)), ...event });
      const next = (queues.get(roomName) ?? Promise.resolve()).then(() => post(body, event)).catch(() => undefined);
      queues.set(roomName, next);
      void next.then(() => {
        if (queues.get(roomName) === next) queues.delete(roomName);
      });
      return next;
    },
    async idle() {
      while (queues.size) await Promise.all([...queues.values()]);
    },
    stats: () => ({ ...counts }),
  };
}
