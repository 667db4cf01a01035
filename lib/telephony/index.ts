// The process-wide telephony. With LIVEKIT_URL/KEY/SECRET set it is LiveKit; without them the
// local simulator is started in-process and the very same LiveKit code talks to it. Kept on
// globalThis: Next bundles instrumentation and route handlers separately, and two simulators
// (or two sets of credentials) would not know each other's calls.
import 'server-only';
import crypto from 'node:crypto';
import { TokenVerifier } from 'livekit-server-sdk';
import { env } from '@/lib/env';
import { logger } from '@/lib/logger';
import { devSecret } from '@/lib/secrets';
import { LiveKitTelephony } from './livekit';
import type { Telephony } from './types';

export { DialError, roomNameFor, type CallContext, type PlacedCall, type RemoteCallState, type Telephony } from './types';

export type LiveKitRuntime = {
  telephony: Telephony;
  /** What a browser connects to for listening in (the simulator's URL carries no media). */
  url: string;
  apiKey: string;
  apiSecret: string;
  simulated: boolean;
  close(): Promise<void>;
};

type Holder = { __liveKit?: Promise<LiveKitRuntime>; __telephonyOverride?: Telephony };
const holder = globalThis as unknown as Holder;

const realLiveKitConfigured = () => !!(env.LIVEKIT_URL && env.LIVEKIT_API_KEY && env.LIVEKIT_API_SECRET);

/** The key pair webhooks are signed with and tokens are minted from: LiveKit's, or the simulator's own. */
export function liveKitCredentials(): { apiKey: string; apiSecret: string } {
  if (realLiveKitConfigured()) return { apiKey: env.LIVEKIT_API_KEY!, apiSecret: env.LIVEKIT_API_SECRET! };
  return { apiKey: `APIsim${devSecret('livekit-sim-api-key').slice(0, 12)}`, apiSecret: devSecret('livekit-sim-api-secret') };
}

/** Verifies the signatures of webhooks from whichever LiveKit this process talks to (lib/telephony/livekit-webhook.ts). */
export function webhookVerifier(): TokenVerifier {
  const { apiKey, apiSecret } = liveKitCredentials();
  return new TokenVerifier(apiKey, apiSecret);
}

/**
 * Signs the agents' report tokens. With real LiveKit it is derived from the API secret so every
 * instance of the app agrees on it without another setting; locally it is a dev secret.
 */
export function reportTokenSecret(): string {
  if (realLiveKitConfigured()) return crypto.createHmac('sha256', env.LIVEKIT_API_SECRET!).update('outbound-agent-report-token').digest('hex');
  return devSecret('agent-report-token');
}

function appUrl(): string {
  return env.APP_URL ?? `http://127.0.0.1:${env.PORT}`;
}

function isAddressInUse(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'EADDRINUSE';
}

async function startRuntime(): Promise<LiveKitRuntime> {
  const common = { defaultAgentName: env.LIVEKIT_AGENT_NAME, appUrl: appUrl(), reportTokenSecret: reportTokenSecret() };

  if (realLiveKitConfigured()) {
    if (!env.APP_URL) logger.warn('APP_URL is not set: the calling agent cannot reach the agent-report URL from outside this machine');
    if (!env.LIVEKIT_SIP_TRUNK_ID) logger.warn('LIVEKIT_SIP_TRUNK_ID is not set: every dial will report telephony unavailable');
    const { apiKey, apiSecret } = liveKitCredentials();
    const url = env.LIVEKIT_URL!;
    return {
      telephony: new LiveKitTelephony({ ...common, url, apiKey, apiSecret, sipTrunkId: env.LIVEKIT_SIP_TRUNK_ID ?? '' }),
      url,
      apiKey,
      apiSecret,
      simulated: false,
      close: async () => undefined,
    };
  }

  const { startLiveKitSimulator } = await import('@/lib/livekit-sim');
  const { apiKey, apiSecret } = liveKitCredentials();
  const options = {
    apiKey,
    apiSecret,
    webhookUrl: `${appUrl()}/api/livekit/webhook`,
    speed: env.LIVEKIT_SIM_SPEED,
    seed: env.LIVEKIT_SIM_SEED,
  };
  const simulator = await startLiveKitSimulator({ ...options, port: env.LIVEKIT_SIM_PORT }).catch((error: unknown) => {
    if (!isAddressInUse(error)) throw error;
    logger.warn('LiveKit simulator port is taken; using a free one', { port: env.LIVEKIT_SIM_PORT });
    return startLiveKitSimulator({ ...options, port: 0 });
  });
  logger.info('LiveKit simulator started (set LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET to call for real)', {
    url: simulator.url,
    speed: options.speed,
    seed: options.seed,
    webhookUrl: options.webhookUrl,
  });
  return {
    telephony: new LiveKitTelephony({ ...common, url: simulator.url, apiKey, apiSecret, sipTrunkId: simulator.trunkId, name: 'livekit-sim' }),
    url: simulator.url,
    apiKey,
    apiSecret,
    simulated: true,
    close: () => simulator.close(),
  };
}

/** LiveKit (or the simulator) for this process, started on first use. */
export function getLiveKit(): Promise<LiveKitRuntime> {
  if (!holder.__liveKit) {
    holder.__liveKit = startRuntime();
    holder.__liveKit.catch(() => {
      holder.__liveKit = undefined;
    });
  }
  return holder.__liveKit;
}

export async function getTelephony(): Promise<Telephony> {
  return holder.__telephonyOverride ?? (await getLiveKit()).telephony;
}

/** Tests put their own telephony in place (undefined restores the real one). */
export function setTelephony(telephony: Telephony | undefined) {
  holder.__telephonyOverride = telephony;
}

/** Stops the simulator if one runs (tests, graceful shutdown). */
export async function closeTelephony(): Promise<void> {
  const runtime = holder.__liveKit;
  holder.__liveKit = undefined;
  if (runtime) await (await runtime).close();
}
