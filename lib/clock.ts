// Time comes from here so that tests can run a multi-day campaign on a simulated clock.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

const holder = globalThis as unknown as { __clock?: Clock };

/** The process-wide clock used by route handlers and jobs; tests swap it. */
export function appClock(): Clock {
  return holder.__clock ?? systemClock;
}

export function setAppClock(clock: Clock | undefined) {
  holder.__clock = clock;
}

/** A clock a test moves by hand. */
export class ManualClock implements Clock {
  private current: number;
  constructor(start: Date | string) {
    this.current = new Date(start).getTime();
  }
  now() {
    return new Date(this.current);
  }
  set(at: Date | string) {
    this.current = new Date(at).getTime();
  }
  advance(ms: number) {
    this.current += ms;
  }
}
