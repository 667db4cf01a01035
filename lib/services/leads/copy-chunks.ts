import { SerialBatches } from './batch-writer';

/**
 * Collects COPY lines into chunks of `rows` lines and writes each chunk while the caller prepares the next, as
 * BatchWriter does, but the lines are encoded at once into one of two reusable buffers instead of being kept as
 * strings. A kept string lives until its chunk is written, long enough to be promoted to the old generation, so an
 * import of a million rows left hundreds of MB of old garbage between major collections; an encoded line's string
 * dies young. One buffer fills while the other is written, and a buffer is refilled only after its write is done
 * (SerialBatches takes a chunk only once the previous write has finished).
 */
export class CopyChunks extends SerialBatches {
  private buffers: [Buffer, Buffer];
  private filling = 0;
  private used = 0;
  private lines = 0;

  constructor(
    private readonly rows: number,
    private readonly write: (text: Buffer, lines: number) => Promise<void>,
    initialBytes = 1 << 20,
  ) {
    super();
    this.buffers = [Buffer.allocUnsafe(initialBytes), Buffer.allocUnsafe(initialBytes)];
  }

  /** Undefined unless the chunk is full: then a promise, which waits for the previous write; await it before adding more. */
  add(line: string): Promise<void> | undefined {
    const bytes = Buffer.byteLength(line);
    if (this.used + bytes > this.buffers[this.filling].length) this.grow(this.used + bytes);
    this.used += this.buffers[this.filling].write(line, this.used);
    if (++this.lines >= this.rows) return this.flush();
    return undefined;
  }

  protected take() {
    if (this.lines === 0) return null;
    const text = this.buffers[this.filling].subarray(0, this.used);
    const lines = this.lines;
    this.filling = 1 - this.filling;
    this.used = 0;
    this.lines = 0;
    return () => this.write(text, lines);
  }

  /** A chunk larger than the buffer (long contexts): a bigger buffer, keeping what is written so far. */
  private grow(needed: number) {
    const current = this.buffers[this.filling];
    const bigger = Buffer.allocUnsafe(Math.max(needed, current.length * 2));
    current.copy(bigger, 0, 0, this.used);
    this.buffers[this.filling] = bigger;
  }
}
