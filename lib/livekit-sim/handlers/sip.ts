// livekit.SIP, simulated: a dial out to a lead (sip-dial.ts plays the call), counted in the simulator's stats.
import { dialSipParticipant } from '../sip-dial';
import type { SimContext, TwirpMethods } from './context';

export function sipMethods({ rooms, webhooks, now, sleep, waitClock, signal, seed, mix, trunkId, options, counts, track }: SimContext): TwirpMethods {
  return {
    'livekit.SIP/CreateSIPParticipant': async (body) =>
      dialSipParticipant(body, {
        rooms,
        webhooks,
        now,
        sleep,
        waitClock,
        signal,
        seed,
        mix,
        trunkId,
        maxConcurrentCalls: options.maxConcurrentCalls,
        activeCalls: () => counts.activeCalls,
        onCallStarted: (outcome, phoneNumber) => {
          counts.dials++;
          counts.dialsByNumber[phoneNumber] = (counts.dialsByNumber[phoneNumber] ?? 0) + 1;
          counts.outcomes[outcome]++;
          counts.activeCalls++;
        },
        onCallEnded: () => {
          counts.activeCalls--;
        },
        onReport: (ok) => {
          if (ok) counts.reports.sent++;
          else counts.reports.failed++;
        },
        retryDelaysMs: options.retryDelaysMs,
        timing: options.timing,
        track,
      }),
  };
}
