// One app process of the line-utilisation benchmark (bench/line-utilisation.ts): its own database pool, the webhook
// and agent-report routes behind an HTTP server (the benchmark's balancer spreads the simulator's requests over the
// processes), and the real executor: the 30-second tick, and with `refill` the refill of every call end this process
// sees. It records when each call end it saw was committed (the signal the refill listens to) and which calls it
// dialled, so the benchmark can tell which process saw an end and which one refilled it.
import { serveRequests, sleepUntil } from './app-processes';

const { openPostgres, setDbHandle } = await import('@/db');
const engine = await import('@/lib/services/engine');
const { onCallEnded } = await import('@/lib/services/calls/call-ended-signal');
const { liveKitCredentials, reportTokenSecret } = await import('@/lib/telephony');
const { LiveKitTelephony } = await import('@/lib/telephony/livekit');
const { startAppServer } = await import('@/test/app-server');
type Telephony = import('@/lib/telephony/types').Telephony;

export type LineRequest =
  | { type: 'open'; url: string; poolMax: number }
  | { type: 'start'; simUrl: string; trunkId: string; appUrl: string; refill: boolean; startAt: number; tickMs: number }
  | { type: 'stop' }
  | { type: 'report' };

export type LineReply = { appUrl: string } | { ends: [callId: string, at: number][]; dials: string[] } | null;

const ends = new Map<string, number>();
onCallEnded(({ callId }) => ends.set(callId, Date.now()));
const dials: string[] = [];

let handle: Awaited<ReturnType<typeof openPostgres>> | undefined;
let running: { stop: () => Promise<void> } | undefined;

serveRequests<LineRequest, LineReply>(async (request) => {
  switch (request.type) {
    case 'open': {
      handle = await openPostgres(request.url, { max: request.poolMax });
      setDbHandle(handle);
      const app = await startAppServer();
      return { appUrl: app.url };
    }
    case 'start': {
      const livekit = new LiveKitTelephony({ url: request.simUrl, ...liveKitCredentials(), sipTrunkId: request.trunkId, defaultAgentName: 'outbound-caller', appUrl: request.appUrl, reportTokenSecret: reportTokenSecret() });
      const telephony: Telephony = {
        name: livekit.name,
        placeCall: (call) => {
          dials.push(call.callId);
          return livekit.placeCall(call);
        },
        getCallState: (roomName) => livekit.getCallState(roomName),
        hangUp: (roomName) => livekit.hangUp(roomName),
      };
      const deps = { db: handle!.db, telephony, clock: () => new Date() };
      await sleepUntil(request.startAt);
      const stopRefills = request.refill ? engine.startRefills(() => deps) : () => undefined;
      let ticking = Promise.resolve();
      const tick = () =>
        (ticking = ticking
          .then(() => engine.processActiveCampaigns(deps))
          .then(
            (ticks) => void (process.env.BENCH_DEBUG && process.stderr.write(`tick ${process.pid}: ${JSON.stringify(ticks)}\n`)),
            (error: unknown) => void process.stderr.write(`tick failed in app process ${process.pid}: ${String(error)}\n`),
          ));
      tick();
      const timer = setInterval(tick, request.tickMs);
      running = {
        stop: async () => {
          clearInterval(timer);
          await ticking;
          // The benchmark paused the campaigns first: a refill under way finds nothing more to claim.
          await engine.refillsSettled();
          stopRefills();
          await engine.dialsSettled();
        },
      };
      return null;
    }
    case 'stop':
      await running?.stop();
      running = undefined;
      return null;
    case 'report':
      return { ends: [...ends], dials };
  }
});
