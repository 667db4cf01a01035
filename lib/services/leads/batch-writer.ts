/**
 * Collects items into batches and writes each batch while the caller prepares the next: for an
 * import, phone parsing (CPU) and the insert (database) overlap when the database is Postgres.
 * Writes still run one at a time and in order, since they share one transaction.
 */
export abstract class SerialBatches {
  private inFlight: Promise<void> = Promise.resolve();

  /** Detaches what is collected so far and returns its write; null when nothing is collected. */
  protected abstract take(): (() => Promise<void>) | null;

  /** Starts writing what is collected, once the previous write is done. */
  async flush(): Promise<void> {
    await this.inFlight;
    const write = this.take();
    if (!write) return;
    this.inFlight = write();
    // A failure surfaces at the next flush or settle, not as an unhandled rejection meanwhile.
    this.inFlight.catch(() => {});
  }

  /** Writes the rest and waits for every write; throws the first failure. */
  async finish(): Promise<void> {
    await this.flush();
    await this.inFlight;
  }

  /** Waits out a write still running, ignoring its outcome: the caller is failing anyway. */
  async abandon(): Promise<void> {
    await this.inFlight.catch(() => {});
  }
}

/** Serial batches of `size` items each. */
export class BatchWriter<T> extends SerialBatches {
  private batch: T[] = [];

  constructor(
    private readonly size: number,
    private readonly write: (items: T[]) => Promise<void>,
  ) {
    super();
  }

  /**
   * Undefined unless the batch is full: then a promise, which waits for the previous write. (No
   * promise per item: an import adds a million.)
   */
  add(item: T): Promise<void> | undefined {
    if (this.batch.push(item) >= this.size) return this.flush();
    return undefined;
  }

  protected take() {
    if (this.batch.length === 0) return null;
    const items = this.batch;
    this.batch = [];
    return () => this.write(items);
  }
}
