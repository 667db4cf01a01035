import { describe, expect, it } from 'vitest';
import { CopyChunks } from './copy-chunks';

/** A write that holds each chunk until released, recording its text when it began and when it ended. */
function slowWriter() {
  const chunks: { began: string; ended?: string; lines: number }[] = [];
  let running = 0;
  const write = async (text: Buffer, lines: number) => {
    expect(++running).toBe(1);
    const chunk = { began: text.toString('utf8'), lines } as (typeof chunks)[number];
    chunks.push(chunk);
    await new Promise((r) => setImmediate(r));
    chunk.ended = text.toString('utf8');
    running--;
  };
  return { chunks, write };
}

describe('COPY chunks', () => {
  it('writes full chunks in order, one at a time, and the rest at the end, byte for byte', async () => {
    const { chunks, write } = slowWriter();
    const writer = new CopyChunks(3, write, 8);
    const lines = Array.from({ length: 8 }, (_, i) => `${i}\tLead ${i} — Zoë\n`);
    for (const line of lines) await writer.add(line);
    await writer.finish();
    expect(chunks.map((c) => c.lines)).toEqual([3, 3, 2]);
    expect(chunks.map((c) => c.began)).toEqual([lines.slice(0, 3).join(''), lines.slice(3, 6).join(''), lines.slice(6).join('')]);
  });

  it('never refills a buffer while its chunk is still being written', async () => {
    const { chunks, write } = slowWriter();
    const writer = new CopyChunks(2, write, 4);
    // As the import does: a full chunk's promise is awaited, and it resolves once that chunk's write has started, so
    // the next lines are encoded while it runs.
    for (let i = 0; i < 9; i++) {
      const full = writer.add(`${'x'.repeat(i * 3)}${i}\n`);
      if (full) await full;
    }
    await writer.finish();
    expect(chunks).toHaveLength(5);
    for (const chunk of chunks) expect(chunk.ended).toBe(chunk.began);
  });

  it('grows for a line longer than its buffer', async () => {
    const { chunks, write } = slowWriter();
    const writer = new CopyChunks(2, write, 16);
    const long = `${'é'.repeat(5_000)}\n`;
    await writer.add('a\n');
    await writer.add(long);
    await writer.finish();
    expect(chunks[0].began).toBe(`a\n${long}`);
  });

  it('a failed write surfaces at the next flush', async () => {
    const writer = new CopyChunks(1, async () => {
      throw new Error('boom');
    });
    await writer.add('a\n');
    await expect(writer.finish()).rejects.toThrow('boom');
  });
});
