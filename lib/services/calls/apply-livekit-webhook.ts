// A verified LiveKit webhook (or the simulator's) applied to the call its room belongs to: the event read as
// CallEvents, applied in the next batch of webhooks (call-event-batches.ts), each to the call as the events before it
// left it. The caller checks the signature and answers LiveKit once the batch committed; settling is slow, so each
// applied event's follow-up goes to `runAfter` (a later webhook failing cannot then lose an earlier one's settlement:
// LiveKit's retry finds that event a duplicate).
import type { Db } from '@/db';
import { logger } from '@/lib/logger';
import { callEventsFromWebhook, roomNameOfWebhook, type LiveKitWebhookEvent } from '@/lib/telephony/livekit-webhook';
import { applyInNextBatch } from './call-event-batches';

/** What LiveKit is answered: any 200 stops its retries. `ignored`: events dated far outside the call's life. */
export type LiveKitWebhookResult = { ok: true; applied: number; ignored?: number };

export async function applyLiveKitWebhook(
  db: Db,
  event: LiveKitWebhookEvent,
  { now, runAfter }: { now: Date; runAfter: (task: () => Promise<void>) => void },
): Promise<LiveKitWebhookResult> {
  const roomName = roomNameOfWebhook(event);
  const outcome = roomName
    ? await applyInNextBatch(db, { roomName, now, events: (call) => callEventsFromWebhook(event, { callId: call.id, callStatus: call.status, receivedAt: now }) })
    : undefined;
  if (!outcome?.found) {
    // Not one of our calls (another app on the same LiveKit project, or a call since deleted): acknowledged so LiveKit stops retrying.
    logger.info('livekit webhook for a room that is no call', { event: event.event, room: roomName ?? null, webhookId: event.id });
    return { ok: true, applied: 0 };
  }
  let applied = 0;
  // An event dated far outside the call's life is ignored, yet acknowledged: a retry cannot fix its time.
  let ignored = 0;
  for (const result of outcome.results) {
    if (result.applied) applied++;
    if (result.ignored) ignored++;
    // Here, in the webhook's own request, not in the batch's: `runAfter` belongs to the request that asked.
    if (result.followUp) runAfter(result.followUp);
  }
  return { ok: true, applied, ...(ignored ? { ignored } : {}) };
}
