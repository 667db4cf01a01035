// How long the engine waits before it assumes a call was lost, and related timings.
import { maxCallDurationSeconds } from '@/lib/telephony/types';

const maxCallMs = maxCallDurationSeconds * 1000;

export const engineTiming = {
  /** A claimed call that was never confirmed dialled is reconciled after this. */
  claimLeaseMs: 2 * 60_000,
  /** Ringing: LiveKit's ringing timeout plus margin. */
  ringingLeaseMs: 3 * 60_000,
  /** The longest an answered call can last: LiveKit hangs up at this. */
  maxCallMs,
  /** Answered: the longest call plus margin. Only a question to the telephony when it runs out: a live room extends it. */
  inProgressLeaseMs: maxCallMs + 5 * 60_000,
  /** An answered call whose agent report has not come by then is settled from the webhooks alone. */
  reportGraceMs: 2 * 60_000,
  /** Throttle pause when the telephony says rate limited without a Retry-After. */
  defaultThrottleMs: 60_000,
  /**
   * A lead whose number has a call in flight in another of the owner's campaigns waits this long, so it
   * leaves the queue head instead of blocking the leads behind it until that call ends.
   */
  busyNumberRetryMs: 2 * 60_000,
  /** While LiveKit is unreachable or not answering, a campaign waits this long between tries. */
  telephonyTroubleThrottleMs: 15_000,
  /** Telephony trouble lasting this long pauses the campaign with a notification. */
  telephonyTroublePauseMs: 2 * 60_000,
  /** Most calls one instance dials for one campaign per tick. */
  maxBatchSize: 50,
} as const;

export type EngineTiming = typeof engineTiming;
