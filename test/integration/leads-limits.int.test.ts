// The upload limits, set small for this file before the environment is parsed.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';

vi.hoisted(() => {
  process.env.CSV_MAX_BYTES = '4096';
  process.env.CSV_MAX_ROWS = '10';
});

import { POST as uploadRoute } from '@/app/api/campaigns/[id]/leads/upload/route';
import { schema } from '@/db';
import { generatedCsv, json, uploadRequest, createCampaign, apiFixtures } from '@/test/fixtures';

const { db, users: [alice] } = apiFixtures('Alice');
let campaignId: string;

beforeAll(async () => {
  campaignId = await createCampaign(alice);
});

const rowsCsv = (n: number) => generatedCsv(n, (i) => `Lead ${i},+1415555${String(1000 + i)}`, 'name,phone');
const send = (req: Request) => uploadRoute(req, { params: Promise.resolve({ id: campaignId }) }).then(json);
const leadCount = async () => (await db.db.select({ id: schema.leads.id }).from(schema.leads).where(eq(schema.leads.campaignId, campaignId))).length;

describe('upload limits', () => {
  it('a declared Content-Length beyond CSV_MAX_BYTES is refused with 413 before the body is read', async () => {
    let pulled = false;
    // highWaterMark 0: the stream is pulled only when someone reads it.
    const body = new ReadableStream(
      {
        pull(controller) {
          pulled = true;
          controller.enqueue(new TextEncoder().encode('--x\r\n'));
        },
      },
      { highWaterMark: 0 },
    );
    const req = new Request(`http://127.0.0.1:3000/api/campaigns/${campaignId}/leads/upload`, {
      method: 'POST',
      headers: { authorization: `Bearer ${alice.token}`, 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(10 * 1024 * 1024) },
      body,
      duplex: 'half',
    } as RequestInit);
    const res = await send(req);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
    expect(pulled).toBe(false);
  });

  it('a file past CSV_MAX_BYTES without a Content-Length is stopped while streaming: 413, nothing imported', async () => {
    const big = generatedCsv(200, (i) => `Lead number ${i} with a long name,+1415555${String(1000 + i)}`, 'name,phone', 5);
    const res = await send(uploadRequest(`/api/campaigns/${campaignId}/leads/upload`, { token: alice.token, parts: [{ name: 'file', filename: 'big.csv', content: big }] }));
    expect(res.status).toBe(413);
    expect(res.body.error.fields).toHaveProperty('file');
    expect(await leadCount()).toBe(0);
  });

  it('the limit holds as well when the file streams straight into the import (mapping sent first)', async () => {
    const big = generatedCsv(200, (i) => `Lead number ${i} with a long name,+1415555${String(1000 + i)}`, 'name,phone', 5);
    const parts = [
      { name: 'mapping', value: '{}' },
      { name: 'file', filename: 'big.csv', content: big },
    ];
    const res = await send(uploadRequest(`/api/campaigns/${campaignId}/leads/upload`, { token: alice.token, parts }));
    expect(res.status).toBe(413);
    expect(await leadCount()).toBe(0);
  });

  it('more rows than CSV_MAX_ROWS are refused with 413 and nothing is imported', async () => {
    const res = await send(uploadRequest(`/api/campaigns/${campaignId}/leads/upload`, { token: alice.token, parts: [{ name: 'file', filename: 'x.csv', content: rowsCsv(11) }] }));
    expect(res.status).toBe(413);
    expect(res.body.error.message).toMatch(/more than 10 rows/);
    expect(await leadCount()).toBe(0);
  });

  it('exactly CSV_MAX_ROWS rows are imported', async () => {
    const res = await send(uploadRequest(`/api/campaigns/${campaignId}/leads/upload`, { token: alice.token, parts: [{ name: 'file', filename: 'x.csv', content: rowsCsv(10) }] }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ inserted: 10, totalRows: 10 });
  });
});
