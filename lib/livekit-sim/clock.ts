// The simulator's time: what it stamps on rooms, participants, webhooks and recordings, and what it
// waits on while a phone rings or a conversation plays. The real clock unless the caller passes one,
// so a test can pin the times it checks, or run the simulator's time at its own pace.
import { systemClock, type Clock } from '@/lib/clock';

export type SimulatorClock = Clock & {
  /** Waits `ms` of this clock's time, rejecting when the signal aborts; real timers when left out. */
  sleep?(ms: number, signal?: AbortSignal): Promise<void>;
};

/** A wait on real timers. */
export function realSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error('aborted'));
    const timer = setTimeout(resolve, Math.max(0, ms));
    signal?.addEventListener('abort', () => (clearTimeout(timer), reject(new Error('aborted'))), { once: true });
  });
}

export const realSimulatorClock: Required<SimulatorClock> = { now: () => systemClock.now(), sleep: realSleep };
