// Runs the LiveKit simulator on its own, e.g. to point several app instances at one "LiveKit":
//   npx tsx scripts/livekit-sim.ts [--port 7880] [--speed 10] [--seed 42] [--webhook-url http://127.0.0.1:3000/api/livekit/webhook]
//                                  [--ring-seconds 15-30] [--conversation-seconds 60-180]
// then start the app with the LIVEKIT_* lines it prints. (The app starts its own simulator when
// LIVEKIT_URL is unset; this script is only for running one separately.)
import crypto from 'node:crypto';
import { parseArgs } from 'node:util';
import { env } from '@/lib/env';
import { startLiveKitSimulator } from '@/lib/livekit-sim';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    speed: { type: 'string' },
    seed: { type: 'string' },
    'webhook-url': { type: 'string' },
    key: { type: 'string' },
    secret: { type: 'string' },
    'ring-seconds': { type: 'string' },
    'conversation-seconds': { type: 'string' },
  },
});

/** "15-30" → [15, 30] (simulated seconds). */
function range(value: string | undefined, flag: string): [number, number] | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/.exec(value);
  if (!match || Number(match[1]) > Number(match[2])) throw new Error(`--${flag} takes a range of seconds such as 15-30, not ${value}`);
  return [Number(match[1]), Number(match[2])];
}

async function main() {
  const simulator = await startLiveKitSimulator({
    port: Number(values.port ?? env.LIVEKIT_SIM_PORT),
    host: '127.0.0.1',
    apiKey: values.key ?? env.LIVEKIT_API_KEY ?? `APIsim${crypto.randomBytes(4).toString('hex')}`,
    apiSecret: values.secret ?? env.LIVEKIT_API_SECRET ?? crypto.randomBytes(24).toString('base64url'),
    webhookUrl: values['webhook-url'] ?? `${env.APP_URL ?? `http://127.0.0.1:${env.PORT}`}/api/livekit/webhook`,
    speed: Number(values.speed ?? env.LIVEKIT_SIM_SPEED),
    seed: Number(values.seed ?? env.LIVEKIT_SIM_SEED),
    timing: { ringSeconds: range(values['ring-seconds'], 'ring-seconds'), conversationSeconds: range(values['conversation-seconds'], 'conversation-seconds') },
  });

  process.stdout.write(
    [
      `LiveKit simulator listening on ${simulator.url}. Start the app with:`,
      `LIVEKIT_URL=${simulator.url}`,
      `LIVEKIT_API_KEY=${simulator.apiKey}`,
      `LIVEKIT_API_SECRET=${simulator.apiSecret}`,
      `LIVEKIT_SIP_TRUNK_ID=${simulator.trunkId}`,
      '',
    ].join('\n'),
  );

  let last = '';
  const report = () => {
    const line = JSON.stringify(simulator.stats());
    if (line !== last) process.stdout.write(`${new Date().toISOString()} ${line}\n`);
    last = line;
  };
  const timer = setInterval(report, 10_000);

  const stop = async () => {
    clearInterval(timer);
    report();
    await simulator.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
