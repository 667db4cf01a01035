// The local LiveKit simulator: what the app talks to when no LiveKit server is configured.
export { startLiveKitSimulator, type LiveKitSimulator, type LiveKitSimulatorOptions, type LiveKitSimulatorStats } from './server';
export { defaultOutcomeMix, callOutcomes, type CallOutcome, type OutcomeMix } from './outcomes';
export { personas, type Persona } from './personas';
export { signWebhook } from './webhooks';
