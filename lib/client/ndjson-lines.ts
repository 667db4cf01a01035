// NDJSON read as it arrives: text comes in pieces that cut lines anywhere, and the last line may
// come without its newline. Every line goes through `take`, so whoever reads the final line (the
// progress handler or the end of the response) sees it; nothing is read twice.

export class NdjsonLines {
  private pending = '';

  /** The complete lines in this piece of text, parsed; a cut line waits for the next piece. */
  push(text: string): unknown[] {
    const values: unknown[] = [];
    const lines = (this.pending + text).split('\n');
    this.pending = lines.pop() ?? '';
    for (const line of lines) if (line.trim()) values.push(JSON.parse(line));
    return values;
  }

  /** At the end of the response: the last line, when it came without a newline. */
  end(): unknown[] {
    const rest = this.pending;
    this.pending = '';
    return rest.trim() ? [JSON.parse(rest)] : [];
  }
}

/** Reads a growing response text (XMLHttpRequest's responseText) piece by piece. */
export class GrowingText {
  private seen = 0;
  constructor(private readonly lines = new NdjsonLines()) {}

  /** The lines completed since the last call. */
  read(text: string): unknown[] {
    const piece = text.slice(this.seen);
    this.seen = text.length;
    return this.lines.push(piece);
  }

  /** The response is complete: the lines it still held, the final one included. */
  finish(text: string): unknown[] {
    return [...this.read(text), ...this.lines.end()];
  }
}
