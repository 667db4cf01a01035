// The DNC upload's size limit, set small for this file before the environment is parsed.
import { describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';

vi.hoisted(() => {
  process.env.DNC_MAX_BYTES = '4096';
});

import { POST as postRoute } from '@/app/api/dnc/route';
import { schema } from '@/db';
import { generatedCsv, json, uploadRequest, apiFixtures } from '@/test/fixtures';

const { db, users: [alice] } = apiFixtures('Alice');

const registry = (numbers: number) => generatedCsv(numbers - 1, (i) => String(2125560001 + i), '2125560000', 50);
const send = (req: Request) => postRoute(req, { params: Promise.resolve({}) }).then(json);
const listedCount = async () => (await db.db.select({ phone: schema.dncNumbers.phone }).from(schema.dncNumbers).where(eq(schema.dncNumbers.workspaceId, alice.workspaceId))).length;

describe('DNC upload limit', () => {
  it('a registry file past DNC_MAX_BYTES is stopped while streaming: 413, nothing listed', async () => {
    // 400 lines of 11 bytes: past 4 KB, sent without a Content-Length.
    const res = await send(uploadRequest('/api/dnc', { token: alice.token, parts: [{ name: 'format', value: 'registry' }, { name: 'file', filename: 'registry.txt', content: registry(400) }] }));
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ code: 'payload_too_large', fields: { file: expect.stringContaining('larger than') } });
    expect(await listedCount()).toBe(0);
  });

  it('a declared Content-Length past the limit is refused with 413', async () => {
    const res = await send(uploadRequest('/api/dnc', { token: alice.token, headers: { 'content-length': String(1024 * 1024) }, parts: [{ name: 'file', filename: 'registry.txt', content: registry(10) }] }));
    expect(res.status).toBe(413);
  });

  it('a file within the limit is imported, and the database is usable after a refused one', async () => {
    const res = await send(uploadRequest('/api/dnc', { token: alice.token, parts: [{ name: 'file', filename: 'registry.txt', content: registry(300) }] }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ format: 'registry', added: 300 });
    expect(await listedCount()).toBe(300);
  });
});
