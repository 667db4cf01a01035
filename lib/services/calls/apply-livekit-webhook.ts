// A verified LiveKit webhook (or the simulator's) applied to the call its room belongs to: the event read as
// CallEvents, each applied in turn. The caller checks the signature and answers LiveKit; settling is slow, so
// each event's follow-up goes to `runAfter` as soon as the event is applied (a later event failing the
// webhook cannot then lose an earlier one's settlement: LiveKit's retry finds that event a duplicate).
import type { Db } from '@/db';
import { logger } from '@/lib/logger';
import { callEventsFromWebhook, roomNameOfWebhook, type LiveKitWebhookEvent } from '@/lib/telephony/livekit-webhook';
import { applyCallEvent } from './apply-call-event';
import { findCallByRoomName } from './find-call';

/** What LiveKit is answered: any 200 stops its retries. `ignored`: events dated far outside the call's life. */
export type LiveKitWebhookResult = { ok: true; applied: number; ignored?: number };

export async function applyLiveKitWebhook(
  db: Db,
  event: LiveKitWebhookEvent,
  { now, runAfter }: { now: Date; runAfter: (task: () => Promise<void>) => void },
): Promise<LiveKitWebhookResult> {
  const roomName = roomNameOfWebhook(event);
  const call = roomName ? await findCallByRoomName(db, roomName) : null;
  if (!call) {
    // Not one of our calls (another app on the same LiveKit project, or a call since deleted): acknowledged so LiveKit stops retrying.
    logger.info('livekit webhook for a room that is no call', { event: event.event, room: roomName ?? null, webhookId: event.id });
    return { ok: true, applied: 0 };
  }
  let applied = 0;
  // An event dated far outside the call's life is ignored, yet acknowledged: a retry cannot fix its time.
  let ignored = 0;
  for (const callEvent of callEventsFromWebhook(event, { callId: call.id, callStatus: call.status, receivedAt: now })) {
    const result = await applyCallEvent(db, callEvent, { now });
    if (result.applied) applied++;
    if (result.ignored) ignored++;
    if (result.followUp) runAfter(result.followUp);
  }
  return { ok: true, applied, ...(ignored ? { ignored } : {}) };
}
