import { describe, expect, it } from 'vitest';
import { skipOverlongRecords } from './overlong-records';

async function run(text: string, chunkSize: number, maxRecordBytes = 32) {
  const bytes = Buffer.from(text);
  async function* chunks() {
    for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, i + chunkSize);
  }
  const skipped: number[] = [];
  const out: Buffer[] = [];
  for await (const chunk of skipOverlongRecords(chunks(), { delimiter: ',', maxRecordBytes, onSkip: (line) => skipped.push(line) })) out.push(chunk);
  return { text: Buffer.concat(out).toString(), skipped };
}

describe('records longer than the limit are dropped whole, lines kept', () => {
  const sizes = [1, 2, 3, 7, 64, 4096];

  it.each(sizes)('passes a file of short records through unchanged (chunks of %i bytes)', async (size) => {
    const text = 'name,notes\nAda,"two\nlines"\n"Turing, Alan","say ""hi"""\n\uFEFFtail';
    expect(await run(text, size)).toEqual({ text, skipped: [] });
  });

  it.each(sizes)('drops an over-long unquoted record and keeps the next (chunks of %i bytes)', async (size) => {
    const text = `name,notes\nAda,short\nBlob,${'x'.repeat(100)}\nAlan,next\n`;
    expect(await run(text, size)).toEqual({ text: 'name,notes\nAda,short\n\nAlan,next\n', skipped: [3] });
  });

  it('keeps the line count of a dropped record whose quoted cells span lines', async () => {
    const text = `a,b\n"one\ntwo",${'y'.repeat(100)}\nok,row\n`;
    expect(await run(text, 5)).toEqual({ text: 'a,b\n\n\nok,row\n', skipped: [2] });
  });

  it('leaves a quoted cell that never closes to the parser', async () => {
    const text = `a,b\n"${'z'.repeat(100)}\nmore\n`;
    expect(await run(text, 8)).toEqual({ text, skipped: [] });
  });

  it('a quote inside an unquoted cell is text, not the start of a quoted cell', async () => {
    const text = `a,b\n5" screen,${'w'.repeat(100)}\nok,row\n`;
    expect(await run(text, 16)).toEqual({ text: 'a,b\n\nok,row\n', skipped: [2] });
  });
});
