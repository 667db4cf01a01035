// One bound, across every campaign of this process, on dial requests in flight to LiveKit, and
// the record of those dials so a caller (a test, a graceful shutdown) can wait for them. A dial
// holds its slot from the request until LiveKit answers it (ringing included, since LiveKit holds
// the request until the callee picks up); the campaign's line stays held after that until hang-up.
// Process-wide on globalThis: the executor job and the refills triggered from route handlers live in
// different Next bundles and must share the one bound.

type Capacity = {
  limit: number;
  inUse: number;
  inFlight: Set<Promise<unknown>>;
  /** Campaigns that found no free slot; they are refilled when one frees. */
  starved: Set<string>;
  onFreed?: (campaignIds: string[]) => void;
};

const holder = globalThis as unknown as { __dialCapacity?: Capacity };
const capacity = (): Capacity => (holder.__dialCapacity ??= { limit: 100, inUse: 0, inFlight: new Set(), starved: new Set() });

export function setDialRequestLimit(limit: number): void {
  capacity().limit = Math.max(1, Math.floor(limit));
}

/** Called with the campaigns that went without a slot, once slots free again. */
export function onDialCapacityFreed(listener: ((campaignIds: string[]) => void) | undefined): void {
  capacity().onFreed = listener;
}

/** Takes up to `want` slots at once (never waits); a campaign that gets none is remembered. */
export function reserveDialSlots(campaignId: string, want: number): number {
  const c = capacity();
  const granted = Math.max(0, Math.min(want, c.limit - c.inUse));
  c.inUse += granted;
  if (granted < want) c.starved.add(campaignId);
  return granted;
}

/** Gives back slots reserved but not used (fewer leads were due than slots taken). */
export function returnDialSlots(n: number): void {
  if (n <= 0) return;
  const c = capacity();
  c.inUse = Math.max(0, c.inUse - n);
  if (c.starved.size && c.onFreed) {
    const waiting = [...c.starved];
    c.starved.clear();
    c.onFreed(waiting);
  }
}

/** Runs one dial in a reserved slot; the slot frees when the dial request settles. */
export function runInDialSlot<T>(dial: () => Promise<T>): Promise<T> {
  const c = capacity();
  const run = dial().finally(() => returnDialSlots(1));
  const tracked = run.catch(() => undefined).finally(() => c.inFlight.delete(tracked));
  c.inFlight.add(tracked);
  return run;
}

/** Resolves once every dial this process started has settled, and the follow-ups they started too. */
export async function dialsSettled(): Promise<void> {
  const c = capacity();
  while (c.inFlight.size) await Promise.all([...c.inFlight]);
}

export function dialRequestsInFlight(): number {
  return capacity().inUse;
}
