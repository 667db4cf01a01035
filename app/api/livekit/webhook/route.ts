// POST /api/livekit/webhook – LiveKit (or the local simulator) reports rooms, participants and recordings
import { afterResponse } from '@/lib/api/after-response';
import { withErrors } from '@/lib/api/handler';
import { appClock } from '@/lib/clock';
import { applyLiveKitWebhook } from '@/lib/services/calls';
import { webhookReceiver } from '@/lib/telephony';
import { verifyLiveKitWebhook } from '@/lib/telephony/livekit-webhook';

export const POST = withErrors(async ({ db, req }) => {
  const event = await verifyLiveKitWebhook(webhookReceiver(), await req.text(), req.headers.get('authorization'));
  // Settling and scoring are slow: they run after LiveKit has its 200.
  return applyLiveKitWebhook(db, event, { now: appClock().now(), runAfter: afterResponse });
});
