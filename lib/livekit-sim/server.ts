// A local stand-in for a LiveKit server with SIP and agents: the Twirp endpoints the app's SDK
// calls, checked as a real server checks them (signed token, grants, known rooms and trunk), and
// calls that play out by a seeded mix, with the webhooks and agent reports a real deployment sends.
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { TokenVerifier } from 'livekit-server-sdk';
import { z } from 'zod';
import { logger } from '@/lib/logger';
import { authorize } from './auth';
import type { SimTiming } from './conversation';
import { dialResults, dialResultMixOf, type DialResult, type DialResultMix } from './dial-results';
import { silentWav } from './recording';
import { RoomRegistry, participantJson, roomJson, type Sleep } from './rooms';
import { dialSipParticipant } from './sip-dial';
import { TwirpFailure, readBody, sendJson, sendTwirpError } from './twirp';
import { createWebhookSender } from './webhooks';

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
};

export type LiveKitSimulatorStats = {
  dials: number;
  /** Calls that reached a phone, by the number dialled: a drill checks that no number was dialled twice. */
  dialsByNumber: Record<string, number>;
  outcomes: Record<DialResult, number>;
  activeCalls: number;
  openRooms: number;
  webhooks: { sent: number; failed: number };
  reports: { sent: number; failed: number };
  rejectedRequests: number;
};

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

const roomRequest = z.object({ room: z.string().default('') });
const createRoomRequest = z.object({
  name: z.string().default(''),
  emptyTimeout: z.number().optional(),
  departureTimeout: z.number().optional(),
  maxParticipants: z.number().optional(),
  metadata: z.string().optional(),
});
const createDispatchRequest = z.object({ agentName: z.string().default(''), room: z.string().default(''), metadata: z.string().optional() });
const fileOutput = z.object({ filepath: z.string().default('') });
const roomCompositeEgressRequest = z.object({
  roomName: z.string().default(''),
  audioOnly: z.boolean().default(false),
  file: fileOutput.optional(),
  fileOutputs: z.array(fileOutput).default([]),
});

export async function startLiveKitSimulator(options: LiveKitSimulatorOptions = {}): Promise<LiveKitSimulator> {
  const apiKey = options.apiKey ?? `APIsim${crypto.randomBytes(4).toString('hex')}`;
  const apiSecret = options.apiSecret ?? crypto.randomBytes(24).toString('base64url');
  const trunkId = options.trunkId ?? 'ST_simulated';
  const speed = options.speed ?? 1;
  if (!(speed > 0)) throw new Error('The simulator speed must be above 0');
  const mix = dialResultMixOf(options.mix);
  const seed = options.seed ?? 42;

  const lifetime = new AbortController();
  const waitReal: Sleep = (seconds, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(new Error('aborted'));
      const timer = setTimeout(resolve, Math.max(0, seconds * 1000));
      signal?.addEventListener('abort', () => (clearTimeout(timer), reject(new Error('aborted'))), { once: true });
    });
  /** Simulated seconds: what happens on the phone side, compressed by the speed factor. */
  const sleep: Sleep = (seconds, signal) => waitReal(seconds / speed, signal);

  const webhooks = createWebhookSender({ url: options.webhookUrl, apiKey, apiSecret, signal: lifetime.signal, retryDelaysMs: options.retryDelaysMs, tokenTtl: options.webhookTokenTtl });
  const rooms = new RoomRegistry({ webhooks, waitReal, signal: lifetime.signal, recordingUrl: (roomName) => `${baseUrl}/recordings/${encodeURIComponent(roomName)}.wav` });
  const verifier = new TokenVerifier(apiKey, apiSecret);
  const inFlight = new Set<Promise<unknown>>();
  const track = (work: Promise<unknown>) => {
    const settled = work.catch(() => undefined).finally(() => inFlight.delete(settled));
    inFlight.add(settled);
  };
  const counts = {
    dials: 0,
    dialsByNumber: {} as Record<string, number>,
    outcomes: Object.fromEntries(dialResults.map((o) => [o, 0])) as Record<DialResult, number>,
    activeCalls: 0,
    reports: { sent: 0, failed: 0 },
    rejectedRequests: 0,
  };
  let baseUrl = '';

  const handlers: Record<string, (body: unknown) => Promise<unknown>> = {
    'livekit.RoomService/CreateRoom': async (body) => {
      const request = createRoomRequest.parse(body);
      if (!request.name) throw new TwirpFailure('invalid_argument', 'room name is required');
      return roomJson(rooms.create(request));
    },
    'livekit.RoomService/ListRooms': async (body) => {
      const names = z.object({ names: z.array(z.string()).default([]) }).parse(body).names;
      return { rooms: rooms.list(names).map(roomJson) };
    },
    'livekit.RoomService/DeleteRoom': async (body) => {
      const room = rooms.get(roomRequest.parse(body).room);
      if (!room) throw new TwirpFailure('not_found', 'room not found');
      rooms.close(room, 'ROOM_DELETED');
      return {};
    },
    'livekit.RoomService/ListParticipants': async (body) => {
      const room = rooms.get(roomRequest.parse(body).room);
      if (!room) throw new TwirpFailure('not_found', 'room not found');
      return { participants: [...room.participants.values()].map((p) => participantJson(p)) };
    },
    'livekit.AgentDispatchService/CreateDispatch': async (body) => {
      const request = createDispatchRequest.parse(body);
      const room = rooms.get(request.room);
      if (!room) throw new TwirpFailure('not_found', `room ${request.room} not found`);
      if (options.registeredAgents && !options.registeredAgents.includes(request.agentName)) {
        throw new TwirpFailure('not_found', `no agent worker registered with agent_name ${request.agentName}`);
      }
      const id = `AD_${crypto.randomBytes(6).toString('hex')}`;
      room.dispatchMetadata = request.metadata;
      // The worker takes the job and its agent joins the room a moment later.
      track(
        sleep(0.3, AbortSignal.any([room.controller.signal, lifetime.signal]))
          .then(() => rooms.join(room, { identity: `agent-AJ_${crypto.randomBytes(6).toString('hex')}`, name: request.agentName, kind: 'AGENT' }))
          .catch(() => undefined),
      );
      return { id, agentName: request.agentName, room: room.name, metadata: request.metadata ?? '' };
    },
    'livekit.Egress/StartRoomCompositeEgress': async (body) => {
      const request = roomCompositeEgressRequest.parse(body);
      if (!request.roomName) throw new TwirpFailure('invalid_argument', 'room_name is required');
      const room = rooms.get(request.roomName);
      if (!room) throw new TwirpFailure('not_found', `requested room ${request.roomName} does not exist`);
      // The simulator writes files only; a stream or segments output is not something it can fake usefully.
      const file = request.fileOutputs[0] ?? request.file;
      if (!file) throw new TwirpFailure('invalid_argument', 'the simulator records to a file output only');
      // LiveKit allows several egresses per room; the simulator keeps one recording per call.
      if (room.egress) throw new TwirpFailure('already_exists', `room ${room.name} is already being recorded`);
      return rooms.egressJson(room, rooms.startEgress(room, file.filepath), 'EGRESS_STARTING');
    },
    'livekit.SIP/CreateSIPParticipant': async (body) =>
      dialSipParticipant(body, {
        rooms,
        webhooks,
        sleep,
        waitReal,
        signal: lifetime.signal,
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

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const path = new URL(req.url ?? '/', 'http://sim').pathname;
    if (req.method === 'GET' && path === '/') return void (res.writeHead(200, { 'Content-Type': 'text/plain' }), res.end('OK'));
    if (req.method === 'GET' && path.startsWith('/recordings/')) {
      return void (res.writeHead(200, { 'Content-Type': 'audio/wav', 'Cache-Control': 'public, max-age=86400' }), res.end(silentWav()));
    }
    const match = /^\/twirp\/([\w.]+\/\w+)$/.exec(path);
    const handler = match && req.method === 'POST' ? handlers[match[1]] : undefined;
    if (!match || !handler) return sendTwirpError(res, new TwirpFailure('bad_route', `no handler for ${req.method} ${path}`));

    let body: Record<string, unknown>;
    try {
      const text = await readBody(req);
      body = text.trim() ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      return sendTwirpError(res, new TwirpFailure('malformed', 'the request body is not JSON'));
    }
    try {
      await authorize(verifier, match[1], req.headers.authorization, body);
    } catch (error) {
      counts.rejectedRequests++;
      return sendTwirpError(res, error as TwirpFailure);
    }
    try {
      sendJson(res, 200, await handler(body));
    } catch (error) {
      if (error instanceof TwirpFailure) return sendTwirpError(res, error);
      if (error instanceof z.ZodError) return sendTwirpError(res, new TwirpFailure('invalid_argument', error.issues[0]?.message ?? 'invalid request'));
      logger.error('livekit-sim: handler failed', { method: match[1], error: error instanceof Error ? error.stack : String(error) });
      sendTwirpError(res, new TwirpFailure('internal', 'simulator error'));
    }
  }

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
