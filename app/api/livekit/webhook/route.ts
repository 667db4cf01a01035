// POST /api/livekit/webhook – LiveKit (or the local simulator) reports rooms, participants and recordings
import { afterResponse } from '@/lib/api/after-response';
import { readBoundedText } from '@/lib/api/bounded-body';
import { withErrors } from '@/lib/api/handler';
import { appClock } from '@/lib/clock';
import { env } from '@/lib/env';
import { applyLiveKitWebhook } from '@/lib/services/calls';
import { webhookVerifier } from '@/lib/telephony';
import { verifyLiveKitWebhook } from '@/lib/telephony/livekit-webhook';

export const POST = withErrors(async ({ db, req }) => {
  // Read up to the JSON limit before the signature is checked: anyone can send this route a body (413 beyond it).
  const body = await readBoundedText(req, env.JSON_MAX_BYTES);
  const event = await verifyLiveKitWebhook(webhookVerifier(), body, req.headers.get('authorization'));
  // Settling and scoring are slow: they run after LiveKit has its 200.
  return applyLiveKitWebhook(db, event, { now: appClock().now(), runAfter: afterResponse });
});
