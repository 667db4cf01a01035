// The local LiveKit simulator: what the app talks to when no LiveKit server is configured.
export { startLiveKitSimulator, type LiveKitSimulator, type LiveKitSimulatorOptions, type LiveKitSimulatorStats } from './server';
export type { SimulatorClock } from './clock';
export { defaultDialResultMix, dialResults, type DialResult, type DialResultMix } from './dial-results';
export { personas, type Persona } from './personas';
export { signWebhook } from './webhooks';
