// Call events that arrive together, applied together: while the batches' transactions run, the sources arriving meanwhile
// queue and go in the next one (a batch of one when they come one at a time, so nobody waits for a batch to fill). At
// 8 webhooks in flight one commit, one lock statement and one rollup-trigger pass then serve several webhooks instead of
// each paying its own. Two batches run at once, so the next one's round trips overlap the current one's commit (they
// lock their calls in id order, so they never wait on each other in a cycle). Each caller is answered once its batch has committed, so nothing acknowledged is lost; a batch
// that fails is applied again one source at a time, so a bad source fails only its own caller.
import type { Db } from '@/db';
import { applyCallEvents, type CallEventSource, type SourceOutcome } from './apply-call-events';

/** Enough to take in everything a busy instance has in flight, few enough that a transaction stays short. */
const maxBatch = 64;
const batchesAtOnce = 2;

type Waiting = { source: CallEventSource; resolve: (outcome: SourceOutcome) => void; reject: (error: unknown) => void };

class CallEventBatches {
  private queue: Waiting[] = [];
  private running = 0;

  constructor(private readonly db: Db) {}

  apply(source: CallEventSource): Promise<SourceOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ source, resolve, reject });
      if (this.running < batchesAtOnce) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running++;
    try {
      while (this.queue.length) await this.write(this.queue.splice(0, maxBatch));
    } finally {
      this.running--;
    }
  }

  private async write(batch: Waiting[]): Promise<void> {
    try {
      const outcomes = await applyCallEvents(this.db, batch.map((w) => w.source));
      batch.forEach((w, i) => w.resolve(outcomes[i]));
    } catch (error) {
      if (batch.length === 1) return batch[0].reject(error);
      for (const w of batch) await applyCallEvents(this.db, [w.source]).then(([outcome]) => w.resolve(outcome), w.reject);
    }
  }
}

// Per database: a test process opens several.
const batchesByDb = new WeakMap<Db, CallEventBatches>();

/** Applies the source in the next batch of its database; resolves once that batch committed. */
export function applyInNextBatch(db: Db, source: CallEventSource): Promise<SourceOutcome> {
  let batches = batchesByDb.get(db);
  if (!batches) batchesByDb.set(db, (batches = new CallEventBatches(db)));
  return batches.apply(source);
}
