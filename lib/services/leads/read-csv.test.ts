import { describe, expect, it } from 'vitest';
import { BatchWriter } from './batch-writer';
import { lineFeedsOnly, readCsvRecords, RECORDS_PER_TURN } from './read-csv';

async function* chunksOf(text: string, size: number) {
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += size) yield new Uint8Array(bytes.subarray(i, i + size));
}

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of source) out.push(item);
  return out;
}

describe('line breaks', () => {
  it.each([1, 2, 3, 64])('CRLF, lone CR and LF all become LF, whatever the chunking (%i-byte chunks)', async (size) => {
    const out = Buffer.concat(await collect(lineFeedsOnly(chunksOf('a\r\nb\rc\nd\r\n\r\ne\r', size))));
    expect(out.toString()).toBe('a\nb\nc\nd\n\ne\n');
  });
});

describe('CSV records', () => {
  it('number each record by the physical line it starts on', async () => {
    const records = await collect(readCsvRecords(chunksOf('h1,h2\r\n\r\n"a\r\nb",1\r\n,\r\nc,2', 5)));
    expect(records).toEqual([
      { line: 1, fields: ['h1', 'h2'] },
      { line: 3, fields: ['a\nb', '1'] },
      { line: 6, fields: ['c', '2'] },
    ]);
  });

  it('a file holding only a byte order mark has no records', async () => {
    await expect(collect(readCsvRecords(chunksOf('\uFEFF\n', 8)))).resolves.toEqual([]);
  });

  it('a UTF-16 file is refused as not UTF-8', async () => {
    const utf16 = async function* () {
      yield new Uint8Array([0xff, 0xfe, 0x6e, 0x00]);
    };
    await expect(collect(readCsvRecords(utf16()))).rejects.toMatchObject({ code: 'unsupported_media_type' });
  });
});

describe('reading a large file', () => {
  it('gives the event loop a turn every few hundred records, even when the bytes are all there already', async () => {
    // A source that never waits (as a buffered upload): without turns, nothing else in the process (the import's
    // own database answers, other requests) would run until the whole file was parsed.
    const rows = 20 * RECORDS_PER_TURN;
    let read = 0;
    let lastSeen = 0;
    let widestGap = 0;
    let ticking = true;
    const tick = () => {
      widestGap = Math.max(widestGap, read - lastSeen);
      lastSeen = read;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    for await (const record of readCsvRecords(chunksOf(`name,phone\n${'Ada,+12125550100\n'.repeat(rows)}`, 1 << 20))) if (record.fields) read++;
    ticking = false;
    tick(); // the stretch since the last turn counts too
    expect(read).toBe(rows + 1);
    expect(widestGap).toBeLessThanOrEqual(2 * RECORDS_PER_TURN);
  });
});

describe('batch writer', () => {
  it('writes full batches in order, one at a time, and the rest at the end', async () => {
    const written: number[][] = [];
    let running = 0;
    const writer = new BatchWriter<number>(3, async (items) => {
      expect(++running).toBe(1);
      await new Promise((r) => setTimeout(r, 5));
      written.push(items);
      running--;
    });
    for (let i = 1; i <= 7; i++) await writer.add(i);
    await writer.finish();
    expect(written).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
  });

  it('a failed write surfaces at the next flush', async () => {
    const writer = new BatchWriter<number>(1, async () => {
      throw new Error('boom');
    });
    await writer.add(1);
    await expect(writer.finish()).rejects.toThrow('boom');
  });
});
