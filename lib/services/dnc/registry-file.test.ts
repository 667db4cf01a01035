import { describe, expect, it } from 'vitest';
import { Rejections } from '@/lib/services/leads/rejections';
import { looksLikeRegistry, readRegistryNumbers } from './registry-file';

describe('a file is taken for a registry download', () => {
  it.each([
    ['10-digit lines', '2125550101\n2125550102\n', true, true],
    ['with trailing commas, CRLF and blank lines', '2125550101,\r\n\r\n2125550102 ,\r\n', true, true],
    ['after a UTF-8 byte-order mark', '\ufeff2125550101\n', true, true],
    ['with one stray line among many', Array.from({ length: 30 }, (_, i) => String(2125550100 + i)).join('\n') + '\nbad\n', true, true],
    ['but not with a header', 'phone\n2125550101\n', true, false],
    ['but not with numbers written otherwise', '(212) 555-0101\n2125550102\n', true, false],
    ['but not as E.164', '+12125550101\n', true, false],
    ['but not with many bad lines', '2125550101\nx\ny\n', true, false],
    ['but not when empty', '\n\n', true, false],
    ['judged on complete lines only when the head is cut off', '2125550101\n21255', false, true],
  ])('%s', (_, text, complete, expected) => {
    expect(looksLikeRegistry(Buffer.from(text, 'utf8'), complete)).toBe(expected);
  });
});

async function read(chunks: string[]) {
  const rejections = new Rejections();
  const counter = { lines: 0 };
  let text = '';
  let numbers = 0;
  async function* source() {
    for (const c of chunks) yield Buffer.from(c, 'utf8');
  }
  for await (const chunk of readRegistryNumbers(source(), rejections, counter)) {
    text += chunk.copyText.toString('utf8');
    numbers += chunk.numbers;
  }
  return { numbers: text.split('\n').filter(Boolean), counted: numbers, lines: counter.lines, rejected: rejections.list() };
}

describe('reading a registry download', () => {
  it('writes each number as +1 COPY text, whatever the chunking', async () => {
    const file = '\ufeff2125550101\r\n2125550102,\n\n  2125550103\t\n2125550104';
    const whole = await read([file]);
    expect(whole).toEqual({ numbers: ['+12125550101', '+12125550102', '+12125550103', '+12125550104'], counted: 4, lines: 4, rejected: [] });
    const bytes = [...file];
    expect(await read(bytes)).toEqual(whole);
  });

  it('rejects bad lines with their line numbers, a line too long for a number included', async () => {
    const long = 'x'.repeat(600);
    const result = await read(['2125550101\n0125550102\n', long.slice(0, 300), long.slice(300), '\n2125550103\nabc\n']);
    expect(result.numbers).toEqual(['+12125550101', '+12125550103']);
    expect(result.lines).toBe(5);
    expect(result.rejected.map((r) => r.line)).toEqual([2, 3, 5]);
    expect(result.rejected[1].reason).toContain('longer than 256 bytes');
  });
});
