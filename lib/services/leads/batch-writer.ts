/**
 * Collects items into batches and writes each batch while the caller prepares the next: for an
 * import, phone parsing (CPU) and the insert (database) overlap when the database is Postgres.
 * Writes still run one at a time and in order, since they share one transaction.
 */
export class BatchWriter<T> {
  private batch: T[] = [];
  private inFlight: Promise<void> = Promise.resolve();

  constructor(
    private readonly size: number,
    private readonly write: (items: T[]) => Promise<void>,
  ) {}

  /**
   * Undefined unless the batch is full: then a promise, which waits for the previous write. (No
   * promise per item: an import adds a million.)
   */
  add(item: T): Promise<void> | undefined {
    if (this.batch.push(item) >= this.size) return this.flush();
    return undefined;
  }

  /** Starts writing what is collected, once the previous write is done. */
  async flush(): Promise<void> {
    await this.inFlight;
    if (this.batch.length === 0) return;
    const items = this.batch;
    this.batch = [];
    this.inFlight = this.write(items);
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
