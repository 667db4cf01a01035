// Raised after a transaction that wrote webhook events committed, so this instance's delivery job runs
// at once rather than at its next tick. On globalThis for the same reason as the call-ended signal:
// Next bundles instrumentation (where the job runs) and route handlers apart.
import { logger } from '@/lib/logger';

type Listener = () => void;
const holder = globalThis as unknown as { __webhookListeners?: Set<Listener> };
const listeners = () => (holder.__webhookListeners ??= new Set());

export function onWebhookEvents(listener: Listener): () => void {
  listeners().add(listener);
  return () => listeners().delete(listener);
}

/** Never throws and never waits: the caller is on the engine's path. */
export function announceWebhookEvents(): void {
  for (const listener of listeners()) {
    try {
      listener();
    } catch (error) {
      logger.error('a webhook listener threw', { error: String(error) });
    }
  }
}
