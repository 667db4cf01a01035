// A local stand-in for a LiveKit server with SIP and agents: the Twirp endpoints the app's SDK
// calls, checked as a real server checks them (signed token, grants, known rooms and trunk), and
// calls that play out by a seeded mix, with the webhooks and agent reports a real deployment sends.
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { TokenVerifier } from 'livekit-server-sdk';
import { realSimulatorClock, type SimulatorClock } from './clock';
import type { SimTiming } from './conversation';
import { dialResults, dialResultMixOf, type DialResult, type DialResultMix } from './dial-results';
import { agentDispatchMethods } from './handlers/agent-dispatch';
import type { SimContext, SimCounts } from './handlers/context';
import { egressMethods } from './handlers/egress';
import { requestHandler } from './handlers/http';
import { roomServiceMethods } from './handlers/room-service';
import { sipMethods } from './handlers/sip';
import { RoomRegistry, type Sleep } from './rooms';
import { createWebhookSender, type WebhookSender } from './webhooks';

export type LiveKitSimulatorOptions = {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  apiKey?: string;
  apiSecret?: string;
  /** Where webhooks go (the app's /api/livekit/webhook); none are sent when unset. */
  webhookUrl?: string;
  /** Time compression: 10 plays a 90-second call in 9 seconds; tests use 1e6 (no waits to speak of). */
  speed?: number;
  seed?: number;
  mix?: Partial<DialResultMix>;
  trunkId?: string;
  /** Refuse dials beyond this many live calls, as a LiveKit project quota does (resource_exhausted, no SIP status). */
  maxConcurrentCalls?: number;
  /** When set, dispatching any other agent name fails (not_found). A real server would queue it forever; failing surfaces the typo. */
  registeredAgents?: string[];
  /** Delays between delivery retries of webhooks and reports. */
  retryDelaysMs?: number[];
  /** How long a webhook's signature stays valid (LiveKit: 5 minutes); a drill that replays recorded webhooks later needs longer. */
  webhookTokenTtl?: string;
  /** Known ranges for rings and conversations (simulated seconds), instead of each outcome's own. */
  timing?: SimTiming;
  /**
   * The simulator's time: every time it reports (room, participant, webhook, egress, the report's callback
   * times) is read from it, and with its own `sleep` it also paces rings and conversations. The real clock
   * by default. Token signatures stay on the wall clock, since the receiving side checks them against its own.
   */
  clock?: SimulatorClock;
};

/** The counters the simulator keeps (`SimCounts`), with the rooms open now and the webhooks' deliveries. */
export type LiveKitSimulatorStats = SimCounts & { openRooms: number; webhooks: ReturnType<WebhookSender['stats']> };

export type LiveKitSimulator = {
  url: string;
  apiKey: string;
  apiSecret: string;
  trunkId: string;
  close(): Promise<void>;
  stats(): LiveKitSimulatorStats;
  /** Resolves when every call in flight has played out and its webhooks were delivered (tests). */
  idle(): Promise<void>;
};

export async function startLiveKitSimulator(options: LiveKitSimulatorOptions = {}): Promise<LiveKitSimulator> {
  const apiKey = options.apiKey ?? `APIsim${crypto.randomBytes(4).toString('hex')}`;
  const apiSecret = options.apiSecret ?? crypto.randomBytes(24).toString('base64url');
  const trunkId = options.trunkId ?? 'ST_simulated';
  const speed = options.speed ?? 1;
  if (!(speed > 0)) throw new Error('The simulator speed must be above 0');
  const mix = dialResultMixOf(options.mix);
  const seed = options.seed ?? 42;

  const now = () => (options.clock ?? realSimulatorClock).now();
  const clockSleep = options.clock?.sleep?.bind(options.clock) ?? realSimulatorClock.sleep;

  const lifetime = new AbortController();
  const waitClock: Sleep = (seconds, signal) => clockSleep(seconds * 1000, signal);
  /** Simulated seconds: what happens on the phone side, compressed by the speed factor. */
  const sleep: Sleep = (seconds, signal) => waitClock(seconds / speed, signal);

  const webhooks = createWebhookSender({ url: options.webhookUrl, apiKey, apiSecret, signal: lifetime.signal, retryDelaysMs: options.retryDelaysMs, tokenTtl: options.webhookTokenTtl, now });
  const rooms = new RoomRegistry({ webhooks, waitClock, now, signal: lifetime.signal, recordingUrl: (roomName) => `${baseUrl}/recordings/${encodeURIComponent(roomName)}.wav` });
  const inFlight = new Set<Promise<unknown>>();
  const track = (work: Promise<unknown>) => {
    const settled = work.catch(() => undefined).finally(() => inFlight.delete(settled));
    inFlight.add(settled);
  };
  const counts: SimCounts = {
    dials: 0,
    dialsByNumber: {},
    outcomes: Object.fromEntries(dialResults.map((o) => [o, 0])) as Record<DialResult, number>,
    activeCalls: 0,
    reports: { sent: 0, failed: 0 },
    rejectedRequests: 0,
  };
  let baseUrl = '';

  const context: SimContext = { options, rooms, webhooks, now, sleep, waitClock, signal: lifetime.signal, seed, mix, trunkId, counts, track };
  const handle = requestHandler({
    methods: { ...roomServiceMethods(context), ...agentDispatchMethods(context), ...egressMethods(context), ...sipMethods(context) },
    verifier: new TokenVerifier(apiKey, apiSecret),
    counts,
  });

  const server = http.createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  baseUrl = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;

  return {
    url: baseUrl,
    apiKey,
    apiSecret,
    trunkId,
    stats: () => ({ ...counts, dialsByNumber: { ...counts.dialsByNumber }, outcomes: { ...counts.outcomes }, reports: { ...counts.reports }, openRooms: rooms.size, webhooks: webhooks.stats() }),
    async idle() {
      while (inFlight.size) await Promise.all([...inFlight]);
      await webhooks.idle();
    },
    async close() {
      lifetime.abort();
      rooms.closeAll();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
