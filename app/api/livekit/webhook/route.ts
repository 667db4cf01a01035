// POST /api/livekit/webhook – LiveKit (or the local simulator) reports rooms, participants and recordings
import { afterResponse } from '@/lib/api/after-response';
import { withErrors } from '@/lib/api/handler';
import { appClock } from '@/lib/clock';
import { logger } from '@/lib/logger';
import { applyCallEvent, findCallByRoomName } from '@/lib/services/calls';
import { webhookReceiver } from '@/lib/telephony';
import { callEventsFromWebhook, roomNameOfWebhook, verifyLiveKitWebhook } from '@/lib/telephony/livekit-webhook';

export const POST = withErrors(async ({ db, req }) => {
  const event = await verifyLiveKitWebhook(webhookReceiver(), await req.text(), req.headers.get('authorization'));
  const roomName = roomNameOfWebhook(event);
  const call = roomName ? await findCallByRoomName(db, roomName) : null;
  if (!call) {
    // Not one of our calls (another app on the same LiveKit project, or a call since deleted): acknowledge so LiveKit stops retrying.
    logger.info('livekit webhook for a room that is no call', { event: event.event, room: roomName ?? null, webhookId: event.id });
    return { ok: true, applied: 0 };
  }
  const now = appClock().now();
  let applied = 0;
  // An event dated far outside the call's life is ignored, yet acknowledged: a retry cannot fix its time.
  let ignored = 0;
  for (const callEvent of callEventsFromWebhook(event, { callId: call.id, callStatus: call.status, receivedAt: now })) {
    const result = await applyCallEvent(db, callEvent, { now });
    if (result.applied) applied++;
    if (result.ignored) ignored++;
    // Settling and scoring are slow: they run after LiveKit has its 200.
    if (result.followUp) afterResponse(result.followUp);
  }
  return { ok: true, applied, ...(ignored ? { ignored } : {}) };
});
