// The dashboard's preview and the import read a file alike: the same columns, named the same, and the
// same first rows, for the files that trip a hand-rolled splitter.
import { describe, expect, it } from 'vitest';
import { readCsvRecords } from '@/lib/services/leads/read-csv';
import { detectColumnMapping, resolveColumns } from '@/shared/csv-columns';
import { PREVIEW_BYTES, previewCsv, rejectedRowsCsv } from './csv-preview';

async function* chunksOf(bytes: Uint8Array, size: number) {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

/** What the import reads: its header names (as the mapping keys them) and its rows, problems left out. */
async function imported(bytes: Uint8Array, chunkSize = 7) {
  const records: string[][] = [];
  for await (const record of readCsvRecords(chunksOf(bytes, chunkSize))) if (record.fields) records.push(record.fields);
  const [header = [], ...rows] = records;
  return { header, headers: resolveColumns(header).columns.map((c) => c.header), rows };
}

const BOM = '\uFEFF';
const files: [string, string][] = [
  ['semicolons (European Excel), CRLF, a BOM', `${BOM}Name;Phone;Company\r\nAda Lovelace;+14155550101;Analytical; Engines\r\nAlan Turing;+14155550102;Bletchley\r\n`],
  ['tabs', 'name\tphone\tnotes\nAda\t+14155550101\tlikes, commas; and semicolons\nAlan\t+14155550102\t"quoted\ttab"\n'],
  ['quoted fields holding the delimiter, quotes and line breaks (CRLF inside the quotes)', 'name,phone,notes\r\n"Lovelace, Ada",+14155550101,"line one\r\nline two"\r\n"Turing ""Alan""",+14155550102,"a\rb"\r\n'],
  ['semicolons with quoted semicolons and newlines', 'name;phone;notes\n"Ada; Countess";+14155550101;"one\ntwo; three"\nAlan;+14155550102;x\n'],
  ['a header with spaces and case differences, and a BOM before a quoted name', `${BOM}"  Full Name ";  PHONE number ; E-Mail ;Time Zone\nAda;+14155550101;ada@example.com;Europe/London\n`],
  ['a quote inside a header field (a character, not a quoted field)', 'size 5" screen;name;phone,ext\n14;Ada;+14155550101,2\n'],
  ['blank rows of bare delimiters, and mixed line endings', 'name,phone\r\n,\r\n\r\nAda,+14155550101\rAlan,+14155550102\n , \nGrace,+14155550103'],
  ['ragged rows and a trailing delimiter in the header', 'name,phone,\nAda,+14155550101\nAlan,+14155550102,extra,more\nGrace\n'],
];

describe('the preview reads what the import reads', () => {
  it.each(files)('%s', async (_kind, text) => {
    const bytes = new TextEncoder().encode(text);
    const preview = await previewCsv(new File([bytes as BlobPart], 'leads.csv'), 10);
    const { header, headers, rows } = await imported(bytes);
    expect(preview.headers).toEqual(headers);
    expect(preview.rows).toEqual(rows.slice(0, 10));
    expect(preview.rowCount).toBe(rows.length);
    expect(preview.rowCountIsEstimate).toBe(false);
    // The mapping the dashboard sends names every column the import finds, and only those.
    const { errors } = resolveColumns(header, detectColumnMapping(preview.headers));
    expect(Object.keys(errors).filter((key) => key.startsWith('mapping.'))).toEqual([]);
  });

  it('a file larger than the preview: the first rows agree, and the row count is an estimate', async () => {
    const row = (i: number) => `"Lead ${i}; the ${i}th";+1415555${String(i).padStart(4, '0')};"note ${i}\r\nsecond line"\r\n`;
    let text = `${BOM}Name;Phone;Notes\r\n`;
    for (let i = 0; text.length < PREVIEW_BYTES * 2; i++) text += row(i);
    const bytes = new TextEncoder().encode(text);
    const preview = await previewCsv(new File([bytes as BlobPart], 'leads.csv'));
    const { headers, rows } = await imported(bytes, 4096);
    expect(preview.headers).toEqual(headers);
    expect(preview.rows).toEqual(rows.slice(0, 5));
    expect(preview.rowCountIsEstimate).toBe(true);
    expect(Math.abs(preview.rowCount - rows.length) / rows.length).toBeLessThan(0.05);
  });
});

it('the rejected-rows download defuses a formula in a reason', () => {
  expect(rejectedRowsCsv([{ line: 3, reason: '=HYPERLINK("http://evil","x")' }])).toBe(`line,reason\r\n3,"'=HYPERLINK(""http://evil"",""x"")"\r\n`);
});
