// The README's Integrations walk-through, run as written: its ```bash blocks, in order, by bash and curl
// against every API route served over HTTP, with the real jobs (executor, refills, webhook delivery) and the
// local LiveKit simulator. The script gets nothing but an API key and two URLs; a receiver of our own
// verifies each delivery with the secret the script's webhook creation printed, and the test waits until
// every lead of the walk-through has had its call.ended and call.scored, signed.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Webhook } from 'standardwebhooks';

vi.hoisted(() => {
  // The receiver is on 127.0.0.1, and `start` kicks the executor only where jobs run, as in production.
  process.env.WEBHOOKS_ALLOW_PRIVATE = 'true';
  process.env.JOBS_ENABLED = 'true';
});

import { backgroundTasksDone } from '@/lib/api/after-response';
import { startJobs, stopJobs } from '@/lib/jobs';
import { startLiveKitSimulator, type LiveKitSimulator } from '@/lib/livekit-sim';
import { checkCompliance } from '@/lib/services/compliance';
import { closeTelephony, liveKitCredentials, reportTokenSecret, setTelephony } from '@/lib/telephony';
import { LiveKitTelephony } from '@/lib/telephony/livekit';
import { webhookEventBody, type WebhookEventBody } from '@/shared/contracts/webhook-events';
import { startApiServer } from '@/test/api-server';
import { useTestDb, type TestDb, daytimePlaces } from '@/test/fixtures';
import { startWebhookReceiver } from '@/test/webhook-receiver';

const run = promisify(execFile);
const readme = fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');

/** The README's "## Integrations" section, up to the next second-level heading. */
function integrationsSection(): string {
  const start = readme.indexOf('\n## Integrations\n');
  if (start < 0) throw new Error('README has no "## Integrations" section');
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

function fencedBlocks(text: string): { lang: string; code: string }[] {
  return [...text.matchAll(/^```(\S*)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1], code: m[2] }));
}

/** The rows of a lead CSV (a header line, no quoted commas: the README's and ours). */
function csvRows(csv: string): Record<string, string>[] {
  const [header, ...lines] = csv.trim().split('\n');
  const names = header.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [names[i], v])));
}

/** Whether every lead may lawfully be called now and for the next fifteen minutes (the campaign's own window is always open). */
const callableNow = (rows: Record<string, string>[], now: Date) =>
  rows.every((row) => [0, 15].every((m) => checkCompliance({ phone: row.phone, declaredTimezone: row.timezone, at: new Date(now.getTime() + m * 60_000) }).allowed));

let db: TestDb;
let api: Awaited<ReturnType<typeof startApiServer>>;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let sim: LiveKitSimulator;
let workDir: string;

beforeAll(async () => {
  db = await useTestDb();
  api = await startApiServer();
  receiver = await startWebhookReceiver();
  // Every dial is answered, so each lead's call is a conversation: call.ended, then call.scored.
  sim = await startLiveKitSimulator({ ...liveKitCredentials(), webhookUrl: `${api.url}/api/livekit/webhook`, speed: 1e6, seed: 5, mix: { answered: 1 }, timing: { recordingGraceSeconds: 30 } });
  // The SDK's 10 s request timeout would turn a starved machine's slow answer into a failed dial.
  setTelephony(new LiveKitTelephony({ url: sim.url, ...liveKitCredentials(), sipTrunkId: sim.trunkId, defaultAgentName: 'outbound-caller', appUrl: api.url, reportTokenSecret: reportTokenSecret(), requestTimeoutSeconds: 300 }));
  startJobs();
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'readme-walkthrough-'));
});
afterAll(async () => {
  stopJobs();
  await sim.close();
  // Settlements and the executor's kick run after their answers: none may outlive the database.
  await backgroundTasksDone();
  setTelephony(undefined);
  await closeTelephony();
  await api.close();
  await receiver.close();
  await db.drop();
  fs.rmSync(workDir, { recursive: true, force: true });
});

/** A request as curl sends it (fetch adds Sec-Fetch-Mode, which marks a browser): a server-side client. */
function request<T = any>(method: string, route: string, { token, body }: { token?: string; body?: unknown } = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: T }> {
  const headers: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  return new Promise((resolve, reject) => {
    const req = http.request(api.url + route, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as T }));
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

describe('the README walk-through', () => {
  it('with only an API key: a campaign, its leads uploaded, started, and each lead’s signed call.ended and call.scored at our endpoint', async () => {
    const section = integrationsSection();
    const blocks = fencedBlocks(section);
    // Every shell command in the section is run here: none may hide in a block of another name.
    expect(blocks.filter((b) => ['sh', 'shell', 'console', 'zsh'].includes(b.lang)).map((b) => b.code)).toEqual([]);
    const script = blocks.filter((b) => b.lang === 'bash').map((b) => b.code).join('\n');
    expect(script).toContain('/api/webhooks');
    expect(script).toContain('/leads/upload');
    expect(script).toContain('/start');
    const scriptFile = path.join(workDir, 'walkthrough.sh');
    fs.writeFileSync(scriptFile, script);

    // The developer's part before the walk-through: an account and an owner key, through the API.
    const signUp = await request('POST', '/api/auth/sign-up/email', { body: { email: 'dev@example.com', password: 'correct-horse-battery', name: 'Dev' } });
    expect(signUp.status).toBe(200);
    const token = String(signUp.headers['set-auth-token']);
    const key = await request<{ key: string; role: string }>('POST', '/api/api-keys', { token, body: { name: 'walk-through' } });
    expect(key.status).toBe(201);
    expect(key.body.role).toBe('owner');

    // The README's sample leads when they may be called now; else leads of our own in places where it is day
    // (the same substitution the README offers: LEADS_CSV), since the engine rightly calls no one at night.
    const sample = /cat > "\$LEADS_CSV" <<'CSV'\n([\s\S]*?)\nCSV\n/.exec(script)?.[1];
    expect(sample, 'the sample leads.csv in the walk-through').toBeDefined();
    const env: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: workDir, BASE_URL: api.url, API_KEY: key.body.key, RECEIVER_URL: receiver.url };
    let leads = csvRows(sample!);
    if (!callableNow(leads, new Date())) {
      const places = daytimePlaces(new Date());
      expect(places.length).toBeGreaterThan(0);
      const header = 'name,phone,company,timezone,consent_at,consent_source,external_id';
      const lines = Array.from({ length: 6 }, (_, i) => {
        const place = places[i % places.length];
        return `Lead ${i},${place.prefix}${2000 + i},Company ${i},${place.zone},2026-01-15T10:00:00Z,web form,CRM-${String(100 + i)}`;
      });
      const csv = [header, ...lines].join('\n') + '\n';
      fs.writeFileSync(path.join(workDir, 'daytime-leads.csv'), csv);
      env.LEADS_CSV = 'daytime-leads.csv';
      leads = csvRows(csv);
    }

    const servedBefore = api.served.length;
    const { stdout } = await run('bash', ['-euo', 'pipefail', scriptFile], { cwd: workDir, env: env as NodeJS.ProcessEnv, timeout: 300_000 });
    const served = api.served.slice(servedBefore);

    // Every request the walk-through made was answered by a route the OpenAPI document describes.
    const openApi = await request<{ paths: Record<string, Record<string, unknown>> }>('GET', '/api/openapi.json');
    expect(served.length).toBeGreaterThanOrEqual(5);
    for (const s of served) {
      expect(s.route, `${s.method} ${s.path}`).not.toBeNull();
      expect(s.status, `${s.method} ${s.path}`).toBeLessThan(400);
      expect(Object.keys(openApi.body.paths[s.route!.openApiPath] ?? {}), s.route!.key).toContain(s.method.toLowerCase());
    }
    const routesUsed = new Set(served.map((s) => s.route!.key));
    for (const used of ['POST /api/webhooks', 'POST /api/campaigns', 'POST /api/campaigns/:id/leads/upload', 'POST /api/campaigns/:id/:action']) expect(routesUsed).toContain(used);

    const secret = /^WEBHOOK_SECRET=(whsec_\S+)$/m.exec(stdout)?.[1];
    const campaignId = /^CAMPAIGN_ID=(\S+)$/m.exec(stdout)?.[1];
    expect(secret, stdout).toBeDefined();
    expect(campaignId, stdout).toBeDefined();
    // The upload's report and the start's answer, as the walk-through prints them.
    expect(stdout).toMatch(new RegExp(`"inserted": ${leads.length},`));
    expect(stdout).toMatch(/^active$/m);

    // Poll until each lead's call.ended and call.scored have arrived (deduplicated by webhook-id: delivery is at least once).
    const wanted = new Set(leads.map((l) => l.external_id));
    const byLead = () => {
      const seen = new Map<string, Set<string>>();
      const ids = new Set<string>();
      for (const r of receiver.received) {
        if (ids.has(r.headers['webhook-id'])) continue;
        ids.add(r.headers['webhook-id']);
        const event = webhookEventBody.parse(JSON.parse(r.body)) as WebhookEventBody;
        const externalId = String((event.data as { lead?: { context?: Record<string, unknown> } }).lead?.context?.external_id);
        seen.set(externalId, (seen.get(externalId) ?? new Set()).add(event.type));
      }
      return seen;
    };
    const complete = () => {
      const seen = byLead();
      return [...wanted].every((id) => seen.get(id)?.has('call.ended') && seen.get(id)?.has('call.scored'));
    };
    const deadline = Date.now() + 480_000;
    while (!complete() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
    expect(Object.fromEntries([...byLead()].map(([id, types]) => [id, [...types].sort()]))).toEqual(
      Object.fromEntries([...wanted].map((id) => [id, ['call.ended', 'call.scored']])),
    );

    // Every delivery is signed with the secret the walk-through printed, and only with it.
    const wh = new Webhook(secret!);
    for (const r of receiver.received) {
      const verified = wh.verify(r.body, r.headers) as { type: string; data: { campaign: { id: string } } };
      expect(['call.ended', 'call.scored']).toContain(verified.type);
      expect(verified.data.campaign.id).toBe(campaignId);
    }
    const other = new Webhook(`whsec_${Buffer.from('another endpoint secret, 32 byte').toString('base64')}`);
    expect(() => other.verify(receiver.received[0].body, receiver.received[0].headers)).toThrow();
    for (const r of receiver.received) {
      const event = webhookEventBody.parse(JSON.parse(r.body)) as WebhookEventBody;
      if (event.type === 'call.scored') expect(Object.keys(event.data.criteria)).toEqual(expect.arrayContaining(['budget', 'decision_maker']));
    }
  }, 900_000);
});
