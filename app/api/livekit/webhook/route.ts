// POST /api/livekit/webhook – LiveKit (or the local simulator) reports rooms, participants and recordings
import { afterResponse } from '@/lib/api/after-response';
import { withErrors } from '@/lib/api/handler';
import { appClock } from '@/lib/clock';
import { applyLiveKitWebhook } from '@/lib/services/calls';

export const POST = withErrors(async ({ db, req }) => {
  const { ack, followUps } = await applyLiveKitWebhook(db, { body: await req.text(), authorization: req.headers.get('authorization'), now: appClock().now() });
  // Settling and scoring are slow: they run after LiveKit has its 200.
  for (const followUp of followUps) afterResponse(followUp);
  return ack;
});
