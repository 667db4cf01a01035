// Drill: property-based fuzzing of the CSV lead import (POST /api/campaigns/:id/leads/upload, multipart).
// Files from fast-check: random columns (known, unknown, duplicated headers), quoting, delimiters, BOM, NUL,
// CR/LF/CRLF, huge fields, bidi controls, invalid numbers, numbers on the DNC list and repeated numbers;
// and raw garbage. The property: never a 5xx; a 4xx is the error body and writes nothing; a 200's report adds
// up (inserted + duplicates + DNC + rejected = rows), every rejection names a row of the file with a reason,
// the campaign gained exactly `inserted` leads, and nothing else changed. FUZZ_RUNS / FUZZ_SEED as in
// route-fuzz.int.test.ts.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@/db';
import { POST as uploadRoute } from '@/app/api/campaigns/[id]/leads/upload/route';
import { POST as addDnc } from '@/app/api/dnc/route';
import { env } from '@/lib/env';
import { errorCodes } from '@/lib/errors';
import { call, signUp, type TestUser, useTestDb, type TestDb, json, uploadRequest, type FormPart, createCampaign, addLead, appTables, tableDigests } from '@/test/fixtures';
import { statusTally } from '@/test/fuzz-arbitraries';

const runs = Number(process.env.FUZZ_RUNS ?? 12) * 3;
const seed = Number(process.env.FUZZ_SEED ?? 20_261_202);
const { tally, print: printStatuses } = statusTally();

// What a 200 may change: the campaign's leads (checked row by row below), their counts, the import's audit row
// and webhook event. Plus, as for any request, its rate-limit count and the session.
const importWrites = new Set(['leads', 'campaign_lead_counts', 'audit_log', 'webhook_events', 'webhook_deliveries']);
const unfingerprinted = new Set(['rate_limits', 'session']);

let db: TestDb;
let owner: TestUser;
let campaignId: string;
let tables: string[];

const DNC_PHONE = '+14155550111';
const EXISTING_PHONE = '+14155550122';

beforeAll(async () => {
  db = await useTestDb();
  Object.assign(env, { API_LIMIT_READS_PER_MINUTE: 1e9, API_LIMIT_WRITES_PER_MINUTE: 1e9, API_LIMIT_CREATES_PER_MINUTE: 1e9 });
  owner = await signUp('CSV Fuzz');
  campaignId = await createCampaign(owner);
  await addLead(owner, campaignId, { name: 'Already here', phone: EXISTING_PHONE });
  // Another campaign holding a number the files use: its lead must stay as it is.
  const other = await createCampaign(owner);
  await addLead(owner, other, { name: 'Elsewhere', phone: '+14155550133' });
  expect((await call(addDnc, { path: '/api/dnc', method: 'POST', token: owner.token, body: { phone: DNC_PHONE } })).status).toBe(200);
  tables = await appTables(db.db, unfingerprinted);
}, 180_000);
afterAll(async () => {
  printStatuses(seed);
  await db?.drop();
});

async function fingerprint(skip: Set<string> = new Set()): Promise<Record<string, string>> {
  // Other campaigns' leads never change (this campaign's are compared row by row).
  return tableDigests(db.db, tables.filter((t) => !skip.has(t)), { 'leads of other campaigns': `leads x where x.campaign_id <> '${campaignId}'` });
}

/** The campaign's leads as id → row text. */
async function campaignLeads(): Promise<Map<string, string>> {
  const rows = rowsOf<{ id: string; row: string }>(await db.db.execute(sql.raw(`select x.id::text as id, x::text as row from leads x where x.campaign_id = '${campaignId}'`)));
  return new Map(rows.map((r) => [r.id, r.row]));
}

const knownColumns = ['name', 'phone', 'first_name', 'last_name', 'company', 'email', 'timezone', 'state', 'consent_at', 'consent_source', 'consent_text', 'context', 'notes', 'Phone Number', 'Mobile', 'Full Name'];
// Header names from a tame alphabet, so the header alone decides the delimiter (as the importer sniffs it).
const columnName = fc.oneof({ arbitrary: fc.constantFrom(...knownColumns), weight: 4 }, { arbitrary: fc.stringMatching(/^[A-Za-z_ ]{1,12}$/), weight: 1 });

const phoneCell = fc.oneof(
  { arbitrary: fc.integer({ min: 100, max: 999 }).map((n) => `+1415555${String(n).padStart(4, '0')}`), weight: 4 },
  fc.constantFrom(DNC_PHONE, EXISTING_PHONE, '+14155550133', '+14155550133', '+447700900123', '4155550144', '(415) 555-0155', '+1 900 555 0100', '+19005550100', '12', '+999999999999999999', '-1', '1e10', 'NaN', '0', '', ' ', 'not a phone', '+1415555\u00000166', '\u202E+14155550177'),
  fc.integer({ min: 100, max: 999 }).map((n) => `+1415555${String(n).padStart(4, '0')}`),
  fc.stringMatching(/^\+?[0-9 ()-]{0,20}$/),
);
const textCell = fc.oneof(
  { arbitrary: fc.string({ maxLength: 30 }), weight: 4 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }), weight: 2 },
  { arbitrary: fc.constantFrom('', ' ', '\u0000', 'a\u0000b', '\u202Eevil', '\u2066x\u2069', '"', '""', '"quoted"', ',', ';', '\t', '|', 'line\nbreak', 'cr\r\nlf', '=1+1', '\uFEFF', '2026-13-45', '-1', 'Infinity', '{"a":1}', 'America/New_York', 'Not/AZone', 'CA', 'ZZ'), weight: 3 },
  { arbitrary: fc.constantFrom(70_000, 1_100_000).map((n) => 'x'.repeat(n)), weight: 1 },
);

type Csv = { text: string; rowLines: number[]; rowsWithContent: number; wellFormed: boolean };

/** A well-formed file: every cell quoted when it must be, so its rows and their first lines are known. */
const usableHeader = fc
  .tuple(fc.array(columnName, { maxLength: 4 }), fc.nat(), fc.nat())
  .map(([extra, i, j]) => {
    const header = [...extra];
    header.splice(i % (header.length + 1), 0, 'phone');
    header.splice(j % (header.length + 1), 0, 'name');
    return header;
  });
const wellFormedCsv: fc.Arbitrary<Csv> = fc
  .record({
    header: fc.oneof({ arbitrary: usableHeader, weight: 5 }, { arbitrary: fc.array(columnName, { minLength: 1, maxLength: 6 }), weight: 1 }),
    delimiter: fc.constantFrom(',', ';', '\t', '|'),
    eol: fc.constantFrom('\n', '\r\n', '\r'),
    bom: fc.boolean(),
    trailingEol: fc.boolean(),
    quoteAll: fc.boolean(),
    // Each row: a cell per column (a number where the header says phone), then a few cells more or fewer.
    rows: fc.array(fc.tuple(fc.array(fc.oneof(phoneCell, textCell), { maxLength: 8 }), fc.array(textCell, { maxLength: 8 }), fc.integer({ min: -2, max: 1 })), { maxLength: 12 }),
  })
  .map(({ rows, header, ...rest }) => ({
    ...rest,
    header,
    rows: rows.map(([phones, texts, more]) => {
      const cells = header.map((column, i) => (/phone|mobile/i.test(column) ? (phones[i] ?? '+14155550199') : (texts[i] ?? 'Name')));
      return more < 0 ? cells.slice(0, Math.max(0, cells.length + more)) : [...cells, ...phones.slice(0, more)];
    }),
  }))
  .map(({ header, delimiter, eol, bom, trailingEol, quoteAll, rows }) => {
    const sep = header.length > 1 ? delimiter : ',';
    const cell = (v: string) => (quoteAll || /["\r\n,;\t|]/.test(v) || v !== v.trim() ? `"${v.replaceAll('"', '""')}"` : v);
    const lines = [header.map(cell).join(sep), ...rows.map((r) => r.map(cell).join(sep))];
    const rowLines: number[] = [];
    let line = 1;
    lines.forEach((text, i) => {
      if (i > 0) rowLines.push(line);
      line += (text.match(/\r\n|\r|\n/g) ?? []).length + 1;
    });
    const rowsWithContent = rows.filter((r) => r.some((v) => v.trim() !== '')).length;
    return { text: (bom ? '\uFEFF' : '') + lines.join(eol) + (trailingEol ? eol : ''), rowLines, rowsWithContent, wellFormed: true };
  });

const garbageCsv: fc.Arbitrary<Csv> = fc
  .oneof(
    fc.string({ unit: 'binary', maxLength: 400 }),
    fc.constantFrom('name,phone\n"Ada,+14155550101\nAlan,+14155550102\n', 'name,phone\nA"da,+1415"5550101\n', 'phone\n\u0000\u0000\u0000', '\uFEFF\uFEFFphone\n+14155550101', 'phone,phone,phone\n1,2,3\n', '', '\n\n\n', 'PK\u0003\u0004xxxx', '\u00ff\u00fephone'),
    fc.array(fc.oneof(phoneCell, textCell, fc.constantFrom('"', ',', '\n', '\r', ';')), { maxLength: 40 }).map((parts) => 'name,phone\n' + parts.join('')),
  )
  .map((text) => ({ text, rowLines: [], rowsWithContent: 0, wellFormed: false }));

const formFields = fc.record({
  // Mostly absent or usable, so most files reach the rows; sometimes wrong.
  mapping: fc.oneof({ arbitrary: fc.constant(null), weight: 6 }, { arbitrary: fc.constantFrom('{"Phone Number":"phone","Full Name":"name"}', '{"Mobile":"phone"}', '{}'), weight: 1 }, { arbitrary: fc.constantFrom('{"phone":"nope"}', 'not json', '[]', '{"a":{"b":1}}', '\u0000'), weight: 1 }),
  defaultRegion: fc.oneof({ arbitrary: fc.constant(null), weight: 4 }, { arbitrary: fc.constantFrom('US', 'GB'), weight: 3 }, { arbitrary: fc.constantFrom('ZZ', 'us', '', '\u0000', 'USA'), weight: 1 }),
});

function checkErrorBody(status: number, body: unknown): string | null {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  if (!error || typeof error.code !== 'string' || typeof error.message !== 'string') return `a ${status} without { error: { code, message } }: ${JSON.stringify(body)?.slice(0, 300)}`;
  if (errorCodes[error.code as keyof typeof errorCodes] !== status) return `a ${status} with code ${error.code}`;
  return null;
}

const shortly = (v: unknown) => JSON.stringify(v, (_, x: unknown) => (typeof x === 'string' && x.length > 200 ? `${x.slice(0, 200)}…(${x.length} chars)` : x)).slice(0, 2_000);

describe('CSV import fuzz drill', () => {
  it('never a 5xx; a refused upload writes nothing; an accepted one writes exactly the rows it reports as inserted', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof({ arbitrary: wellFormedCsv, weight: 4 }, { arbitrary: garbageCsv, weight: 1 }), formFields, async (csv, fields) => {
        const parts: FormPart[] = [];
        if (fields.mapping !== null) parts.push({ name: 'mapping', value: fields.mapping });
        if (fields.defaultRegion !== null) parts.push({ name: 'defaultRegion', value: fields.defaultRegion });
        parts.push({ name: 'file', filename: 'leads.csv', content: csv.text });
        const label = `${shortly({ csv: csv.text, fields })}`;

        const before = await fingerprint();
        const leadsBefore = await campaignLeads();
        const res = await json(await uploadRoute(uploadRequest(`/api/campaigns/${campaignId}/leads/upload`, { token: owner.token, parts, chunkSize: 4096 }), { params: Promise.resolve({ id: campaignId }) }));
        tally(`${res.status}${res.status >= 400 ? ` ${String((res.body as { error?: { message?: string } })?.error?.message).slice(0, 60)}` : ` inserted ${Math.min((res.body as { inserted: number }).inserted, 3)}${(res.body as { inserted: number }).inserted >= 3 ? '+' : ''}`}`);
        expect(res.status, `${res.status} ${shortly(res.body)} to ${label}`).toBeLessThan(500);

        if (res.status >= 400) {
          expect(checkErrorBody(res.status, res.body), label).toBeNull();
          const after = await fingerprint();
          expect(Object.keys(after).filter((t) => after[t] !== before[t]), `a ${res.status} changed these tables: ${label}`).toEqual([]);
          return;
        }
        expect(res.status, label).toBe(200);
        const report = res.body as { inserted: number; duplicates: number; dnc: number; rejected: { line: number; reason: string }[]; rejectedTotal: number; totalRows: number };
        expect(report.inserted + report.duplicates + report.dnc + report.rejectedTotal, `the report adds up: ${shortly(report)} for ${label}`).toBe(report.totalRows);
        expect(report.rejected.length).toBeLessThanOrEqual(report.rejectedTotal);
        for (const rejection of report.rejected) {
          expect(typeof rejection.reason === 'string' && rejection.reason.trim().length > 0, `a reason for line ${rejection.line}: ${label}`).toBe(true);
          if (csv.wellFormed && report.rejected.length === report.rejectedTotal) expect(csv.rowLines, `line ${rejection.line} (${rejection.reason}) starts a row: ${label}`).toContain(rejection.line);
        }
        if (csv.wellFormed) expect(report.totalRows, `every row with content is counted: ${shortly(report)} for ${label}`).toBe(csv.rowsWithContent);

        const leadsAfter = await campaignLeads();
        for (const [id, row] of leadsBefore) expect(leadsAfter.get(id), `an existing lead is unchanged: ${label}`).toBe(row);
        expect(leadsAfter.size - leadsBefore.size, `the campaign gained the leads reported as inserted: ${shortly(report)} for ${label}`).toBe(report.inserted);
        const after = await fingerprint(importWrites);
        expect(Object.keys(after).filter((t) => after[t] !== before[t]), `an import changed these tables: ${label}`).toEqual([]);
      }),
      { numRuns: runs, seed },
    );
  }, 600_000);
});
