// The staged import (COPY into a temporary table per chunk, one set-based merge each) counts as the
// batched inserts did, whatever the chunk boundaries, and the upload streams NDJSON progress when asked.
import { beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { POST as uploadRoute } from '@/app/api/campaigns/[id]/leads/upload/route';
import { schema } from '@/db';
import { importLeads } from '@/lib/services/leads/import-leads';
import { openLeadContext } from '@/lib/services/leads/lead-context';
import { hashedDncEntry } from '@/lib/services/dnc/dnc-keys';
import { call, createCampaign, generatedCsv, uploadRequest, type FormPart, apiFixtures } from '@/test/fixtures';
import { importProgressLine } from '@/lib/api/responses';

const { db, users: [alice] } = apiFixtures('Alice');

beforeAll(async () => {
  await db.db.insert(schema.dncNumbers).values([
    { workspaceId: alice.workspaceId, phone: '+14155550901' },
    { workspaceId: alice.workspaceId, phone: '+14155550902' },
  ]);
});

const leadsOf = (campaignId: string) =>
  db.db.select({ name: schema.leads.name, phone: schema.leads.phone }).from(schema.leads).where(eq(schema.leads.campaignId, campaignId)).orderBy(asc(schema.leads.createdAt));

const bytes = (text: string) =>
  (async function* () {
    yield new TextEncoder().encode(text);
  })();

// Line 1 is the header. Already in the campaign: +14155550900. On the DNC list: …0901 and …0902.
const mixedFile = [
  'name,phone,notes',
  'New A,4155550911,first', // 2 imported
  'Existing,4155550900,', // 3 duplicate: already in the campaign
  'New B,(415) 555-0912,', // 4 imported
  'New B again,+14155550912,', // 5 duplicate within the file
  'Listed,4155550901,', // 6 DNC
  'Listed again,415.555.0901,', // 7 DNC (a repeat on the list counts as DNC, not as a duplicate)
  'Bad,12345,', // 8 rejected
  ',4155550913,', // 9 rejected: no name
  'Listed and existing,4155550902,', // 10 DNC, though also in the campaign
  'New C,4155550914,"tab\there, back\\\\slash, ""quote"""', // 11 imported
  'New A again,4155550911,', // 12 duplicate within the file, across chunks
].join('\n');

const mixedCounts = { inserted: 3, duplicates: 3, dnc: 3, rejectedTotal: 2, totalRows: 11 };
const mixedRejections = [
  { line: 8, reason: 'phone "12345" is not a valid number in US' },
  { line: 9, reason: 'name is empty' },
];

async function seeded(): Promise<string> {
  const id = await createCampaign(alice);
  await db.db.insert(schema.leads).values([
    { campaignId: id, name: 'Existing', phone: '+14155550900' },
    { campaignId: id, name: 'Listed and existing', phone: '+14155550902' },
  ]);
  return id;
}

describe('the staged import counts as before, wherever the chunks are cut', () => {
  it.each([1, 2, 3, 5, 20_000])('chunks of %i leads: imported, duplicates in the file and in the campaign, DNC, rejections with their lines', async (chunkRows) => {
    const id = await seeded();
    const progress: number[] = [];
    const result = await importLeads(db.db, {
      workspaceId: alice.workspaceId,
      userId: alice.id,
      campaignId: id,
      csv: bytes(mixedFile),
      maxRows: 1000,
      now: new Date(),
      chunkRows,
      onProgress: (p) => progress.push(p.inserted),
    });
    expect({ inserted: result.inserted, duplicates: result.duplicates, dnc: result.dnc, rejectedTotal: result.rejectedTotal, totalRows: result.totalRows }).toEqual(mixedCounts);
    expect(result.rejected).toEqual(mixedRejections);
    // The first of a repeated number wins. (Rows of one chunk share their created_at, so no order is asserted.)
    expect((await leadsOf(id)).map((l) => l.name).filter((name) => name.startsWith('New')).sort()).toEqual(['New A', 'New B', 'New C']);
    expect(progress.at(-1)).toBe(3);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('through the upload route, the same counts; a cell with tabs, backslashes and quotes is stored as written', async () => {
    const id = await seeded();
    const form = new FormData();
    form.append('file', new Blob([mixedFile], { type: 'text/csv' }), 'mixed.csv');
    const res = await call(uploadRoute, { path: `/api/campaigns/${id}/leads/upload`, method: 'POST', token: alice.token, params: { id }, body: form });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ...mixedCounts, rejected: mixedRejections });
    const [c] = await db.db.select({ context: schema.leads.context }).from(schema.leads).where(eq(schema.leads.phone, '+14155550914'));
    expect(openLeadContext(c.context)).toEqual({ notes: 'tab\there, back\\\\slash, "quote"' });
  });

  it('a number on the list only as its keyed hash (an erased lead’s opt-out) counts as DNC and is not imported', async () => {
    const id = await createCampaign(alice);
    await db.db.insert(schema.dncNumbers).values({ workspaceId: alice.workspaceId, phone: hashedDncEntry('+14155550977') });
    const result = await importLeads(db.db, { workspaceId: alice.workspaceId, userId: alice.id, campaignId: id, csv: bytes('name,phone\nHashed,4155550977\nFree,4155550978\n'), maxRows: 1000, now: new Date() });
    expect({ inserted: result.inserted, duplicates: result.duplicates, dnc: result.dnc }).toEqual({ inserted: 1, duplicates: 0, dnc: 1 });
    expect((await leadsOf(id)).map((l) => l.name)).toEqual(['Free']);
  });

  it('a chunk that meets a number already in the campaign after clean chunks is merged whole, skipping only that number', async () => {
    const id = await createCampaign(alice);
    await db.db.insert(schema.leads).values({ campaignId: id, name: 'Old', phone: '+14155550987' });
    const rows = Array.from({ length: 12 }, (_, i) => `Lead ${i},+1415555${String(980 + i).padStart(4, '0')}`);
    const result = await importLeads(db.db, { workspaceId: alice.workspaceId, userId: alice.id, campaignId: id, csv: bytes(`name,phone\n${rows.join('\n')}\n`), maxRows: 1000, now: new Date(), chunkRows: 4 });
    expect({ inserted: result.inserted, duplicates: result.duplicates, dnc: result.dnc }).toEqual({ inserted: 11, duplicates: 1, dnc: 0 });
    expect((await leadsOf(id)).map((l) => l.name).sort()).toEqual(['Old', ...rows.map((_, i) => `Lead ${i}`).filter((n) => n !== 'Lead 7')].sort());
  });
});

describe('the upload streams NDJSON progress when asked', () => {
  function ndjsonUpload(id: string, parts: FormPart[]) {
    return uploadRoute(uploadRequest(`/api/campaigns/${id}/leads/upload`, { token: alice.token, parts, headers: { accept: 'application/x-ndjson' } }), { params: Promise.resolve({ id }) });
  }
  const linesOf = async (res: Response) =>
    (await res.text())
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line));

  it('45,000 rows: a progress line per chunk of 20,000 with the rows done so far, then the report', async () => {
    const id = await createCampaign(alice);
    const csv = generatedCsv(45_000, (i) => `Lead ${i},+1415${String(3_000_000 + i)}`, 'name,phone');
    const res = await ndjsonUpload(id, [{ name: 'file', filename: 'big.csv', content: csv }]);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const lines = await linesOf(res);
    expect(lines.slice(0, -1)).toEqual([20_000, 40_000, 45_000].map((n) => ({ progress: { rows: n, inserted: n, duplicates: 0, dnc: 0, rejected: 0 } })));
    expect(lines.at(-1)).toEqual({ result: { inserted: 45_000, duplicates: 0, dnc: 0, rejected: [], rejectedTotal: 0, cleaned: [], notes: [], notesTotal: 0, totalRows: 45_000 } });
    for (const line of lines) expect(importProgressLine.safeParse(line).error).toBeUndefined();
  }, 120_000);

  it('a failure after the first progress line ends the stream with the error and its status, and imports nothing', async () => {
    const id = await createCampaign(alice);
    const csv = generatedCsv(25_000, (i) => `Lead ${i},+1415${String(4_000_000 + i)}`, 'name,phone');
    // A body cut off before its closing boundary: the import fails at the end of the file, after the first chunk went in.
    const enc = new TextEncoder();
    // The fields first, so the file streams into the import instead of being spooled to disk first.
    const field = (name: string, value: string) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const cut = async function* () {
      yield enc.encode(`${field('mapping', '{}')}${field('defaultRegion', 'US')}--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="cut.csv"\r\n\r\n`);
      yield* csv();
    };
    const chunks = cut();
    const req = new Request(`http://127.0.0.1:3000/api/campaigns/${id}/leads/upload`, {
      method: 'POST',
      headers: { authorization: `Bearer ${alice.token}`, accept: 'application/x-ndjson', 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      body: new ReadableStream<Uint8Array>({
        async pull(controller) {
          const next = await chunks.next();
          if (next.done) controller.close();
          else controller.enqueue(next.value);
        },
      }),
      duplex: 'half',
    } as RequestInit);
    const res = await uploadRoute(req, { params: Promise.resolve({ id }) });
    expect(res.status).toBe(200);
    const lines = await linesOf(res);
    expect(lines[0]).toEqual({ progress: { rows: 20_000, inserted: 20_000, duplicates: 0, dnc: 0, rejected: 0 } });
    expect(lines.at(-1)).toMatchObject({ status: 400, error: { code: 'bad_request' } });
    for (const line of lines) expect(importProgressLine.safeParse(line).error).toBeUndefined();
    expect(await leadsOf(id)).toHaveLength(0);
  }, 120_000);

  it('a request refused before any row is its ordinary HTTP error, NDJSON asked or not', async () => {
    const res = await ndjsonUpload('00000000-0000-4000-8000-000000000000', [{ name: 'file', filename: 'x.csv', content: 'name,phone\nA,4155550999\n' }]);
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('not_found');
  });

  it('a file with no lead to save answers the report as its one line', async () => {
    const id = await createCampaign(alice);
    const res = await ndjsonUpload(id, [{ name: 'file', filename: 'x.csv', content: 'name,phone\nA,123\n' }]);
    expect(res.status).toBe(200);
    expect(await linesOf(res)).toEqual([{ result: expect.objectContaining({ inserted: 0, rejectedTotal: 1, totalRows: 1 }) }]);
  });
});

const BOUNDARY = '----staged-import-cut-boundary';
