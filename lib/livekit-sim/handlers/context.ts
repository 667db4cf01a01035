// What every simulated Twirp method works with: the rooms, the webhook sender, the simulator's clock and waits,
// its options and its counters. startLiveKitSimulator (server.ts) builds one per simulator.
import type { Clock } from '@/lib/clock';
import type { LiveKitSimulatorOptions } from '../server';
import type { DialResult, DialResultMix } from '../dial-results';
import type { RoomRegistry, Sleep } from '../rooms';
import type { WebhookSender } from '../webhooks';

export type SimCounts = {
  dials: number;
  dialsByNumber: Record<string, number>;
  outcomes: Record<DialResult, number>;
  activeCalls: number;
  reports: { sent: number; failed: number };
  rejectedRequests: number;
};

export type SimContext = {
  options: LiveKitSimulatorOptions;
  rooms: RoomRegistry;
  webhooks: WebhookSender;
  clock: Clock;
  /** Simulated seconds, compressed by the speed factor. */
  sleep: Sleep;
  /** Real seconds. */
  waitReal: Sleep;
  /** Aborted when the simulator closes. */
  signal: AbortSignal;
  seed: number;
  mix: DialResultMix;
  trunkId: string;
  counts: SimCounts;
  /** Background work `idle()` waits for. */
  track: (work: Promise<unknown>) => void;
};

/** One Twirp method: its JSON request in, its JSON answer out; a TwirpFailure or ZodError becomes the Twirp error. */
export type TwirpMethod = (body: unknown) => Promise<unknown>;
