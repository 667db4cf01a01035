// A process-wide signal raised whenever a call leaves the in-flight statuses, wherever that was
// seen: a LiveKit webhook, the agent's report, a dial failure or recovery. The dialer listens to
// refill the freed line at once instead of at its next tick. Kept on globalThis because Next
// bundles instrumentation (where the dialer runs) and route handlers (where webhooks land) apart.
import { logger } from '@/lib/logger';

export type CallEnded = { callId: string; campaignId: string };
type Listener = (ended: CallEnded) => void;

const holder = globalThis as unknown as { __callEndedListeners?: Set<Listener> };
const listeners = () => (holder.__callEndedListeners ??= new Set());

/** Subscribes to call ends; returns the unsubscribe. */
export function onCallEnded(listener: Listener): () => void {
  listeners().add(listener);
  return () => listeners().delete(listener);
}

/** Raised after the ending transaction committed, so a listener's claim sees the freed line. */
export function announceCallEnded(ended: CallEnded): void {
  for (const listener of listeners()) {
    try {
      listener(ended);
    } catch (error) {
      logger.error('a call-ended listener threw', { callId: ended.callId, error: String(error) });
    }
  }
}
