// What every simulated Twirp method works with: the rooms, the webhook sender, the simulator's clock
// and waits, its options and its counters. startLiveKitSimulator (server.ts) builds one per simulator.
import type { DialResult, DialResultMix } from '../dial-results';
import type { RoomRegistry, Sleep } from '../rooms';
import type { LiveKitSimulatorOptions } from '../server';
import type { WebhookSender } from '../webhooks';

/** What the simulator counts; `stats()` answers them (LiveKitSimulatorStats). */
export type SimCounts = {
  dials: number;
  /** Calls that reached a phone, by the number dialled: a drill checks that no number was dialled twice. */
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
  /** The simulator's clock, read for every time it reports. */
  now: () => Date;
  /** Simulated seconds, compressed by the speed factor. */
  sleep: Sleep;
  /** Seconds of the simulator's clock, not compressed (the app's own requests take that long). */
  waitClock: Sleep;
  /** Aborted when the simulator closes. */
  signal: AbortSignal;
  seed: number;
  mix: DialResultMix;
  trunkId: string;
  counts: SimCounts;
  /** Background work that `idle()` waits for. */
  track: (work: Promise<unknown>) => void;
};

/** One Twirp method: its JSON request in, its JSON answer out; a TwirpFailure or ZodError becomes the Twirp error. */
export type TwirpMethod = (body: unknown) => Promise<unknown>;

/** A Twirp service's methods by their route, e.g. `livekit.RoomService/CreateRoom`. */
export type TwirpMethods = Record<string, TwirpMethod>;
