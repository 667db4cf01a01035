// Shared by the specs: a fresh user per test, screenshots, and lead CSVs whose time zones are
// in daytime now (a lead is only called 08:00–21:00 its own time).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

export type TestUser = { name: string; email: string; password: string };

export function newUser(prefix: string): TestUser {
  const id = crypto.randomBytes(4).toString('hex');
  return { name: `E2E ${prefix} ${id}`, email: `e2e-${prefix}-${id}@example.com`, password: `pw-${id}-long-enough` };
}

// Sign-up is rate limited (3 per 10 s), so one user is signed up once, by the setup project, and
// the specs that only need someone signed in share it. Each spec still makes its own campaigns.
// Read when called: the config sets E2E_DATA_DIR after its imports have run.
const dataPath = (name: string) => path.join(process.env.E2E_DATA_DIR ?? '.', name);
export const sharedUserStatePath = () => dataPath('shared-user-state.json');

export function saveSharedUser(user: TestUser) {
  fs.writeFileSync(dataPath('shared-user.json'), JSON.stringify(user));
}

export function sharedUser(): TestUser {
  return JSON.parse(fs.readFileSync(dataPath('shared-user.json'), 'utf8')) as TestUser;
}

export const signedOut = { cookies: [], origins: [] };

/** A new browser session signed up as a new user; sign-up is rate limited per address, so a 429 is waited out. */
export async function signedUp(browser: Browser, baseURL: string, user: TestUser): Promise<BrowserContext> {
  const context = await browser.newContext({ storageState: signedOut });
  await expect
    .poll(async () => (await context.request.post('/api/auth/sign-up/email', { data: user, headers: { origin: baseURL } })).status(), { timeout: 60_000, intervals: [1_000, 2_000, 5_000] })
    .toBe(200);
  return context;
}

const screenshotDir = fileURLToPath(new URL('./screenshots/', import.meta.url));

/**
 * A whole-page screenshot under e2e/screenshots/, for a person to look at. The viewport is grown
 * to the page's height first, as on a very tall screen: a full-page capture of a scrolled page
 * would cut the sticky sidebar, overlays and the fixed save bar off at the first screenful.
 */
export async function snap(page: Page, name: string) {
  const viewport = page.viewportSize()!;
  // No hover look left on whatever the last click hit.
  await page.mouse.move(0, 0);
  await page.evaluate(() => window.scrollTo(0, 0));
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  if (height > viewport.height) await page.setViewportSize({ width: viewport.width, height });
  // Toasts come and go, so they are hidden (by style: React owns those nodes, they stay in place).
  await page.screenshot({ path: `${screenshotDir}${name}.png`, animations: 'disabled', caret: 'hide', style: '[data-sonner-toaster] { display: none !important; }' });
  if (height > viewport.height) await page.setViewportSize(viewport);
}

const regions = [
  { zone: 'America/New_York', number: (i: number) => `+1212555${String(100 + i).padStart(4, '0')}` },
  { zone: 'America/Chicago', number: (i: number) => `+1312555${String(100 + i).padStart(4, '0')}` },
  { zone: 'America/Los_Angeles', number: (i: number) => `+1415555${String(100 + i).padStart(4, '0')}` },
  { zone: 'Pacific/Honolulu', number: (i: number) => `+1808555${String(100 + i).padStart(4, '0')}` },
  { zone: 'Europe/London', number: (i: number) => `+44207946${String(i).padStart(4, '0')}` },
  { zone: 'Asia/Kolkata', number: (i: number) => `+9198${String(10000000 + i).slice(-8)}` },
  { zone: 'Asia/Tokyo', number: (i: number) => `+8133${String(1000000 + i).slice(-8)}` },
  { zone: 'Asia/Dubai', number: (i: number) => `+9714330${String(1000 + i).padStart(4, '0')}` },
];
// Only places in one zone (or zones one offset apart at most): the calling rules hold a call to every zone a
// number's country or area code spans, so a Sydney lead at 09:00 would still wait for Perth's 08:00.

function hourIn(zone: string, at: Date): number {
  return Number(new Intl.DateTimeFormat('en-US', { timeZone: zone, hour: 'numeric', hourCycle: 'h23' }).format(at));
}

/** Zones where it is 09:00–18:59 now: hours away from the 08:00–21:00 legal edge either way. */
export function daytimeRegions(now = new Date()) {
  const daytime = regions.filter((r) => {
    const hour = hourIn(r.zone, now);
    return hour >= 9 && hour < 19;
  });
  if (!daytime.length) throw new Error(`no test region is in daytime at ${now.toISOString()}`);
  return daytime;
}

export const phoneHeader = 'Contact No';

/**
 * `count` leads, spread over daytime zones. The phone column's header is one the import does not
 * recognise, so the user has to map it by hand. Each lead carries its consent record (consent_at,
 * consent_source): the campaign's default basis, prior express written consent, calls no lead without one.
 * The specs share a workspace, so each takes its own `firstNumber`: one spec's opt-outs must not meet another's import.
 */
export function leadsCsv(count: number, { now = new Date(), firstNumber = 0 }: { now?: Date; firstNumber?: number } = {}): string {
  const pool = daytimeRegions(now);
  const firstNames = ['Ava', 'Ben', 'Chloe', 'Dev', 'Elena', 'Farid', 'Grace', 'Hiro', 'Isla', 'Jonas'];
  const lastNames = ['Adams', 'Bauer', 'Chen', 'Diaz', 'Evans', 'Fischer', 'Garcia'];
  const rows = [['Full Name', phoneHeader, 'Company', 'Email', 'timezone', 'Industry', 'consent_at', 'consent_source']];
  for (let i = 0; i < count; i++) {
    const region = pool[i % pool.length];
    const name = `${firstNames[i % firstNames.length]} ${lastNames[i % lastNames.length]} ${i + 1}`;
    const consentAt = new Date(now.getTime() - 86_400_000 * (1 + (i % 30))).toISOString();
    rows.push([name, region.number(firstNumber + i), `Company ${(i % 9) + 1}`, `lead${i + 1}@example.com`, region.zone, i % 2 ? 'logistics' : 'retail', consentAt, 'web form https://example.com/demo-request']);
  }
  return rows.map((r) => r.join(',')).join('\n') + '\n';
}

/** Drops a file on an element the way a browser does: dragenter, dragover, drop, with a real DataTransfer. */
export async function dropFile(page: Page, testId: string, file: { name: string; type: string; content: string }) {
  const dataTransfer = await page.evaluateHandle(({ name, type, content }) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([content], name, { type }));
    return transfer;
  }, file);
  const target = page.getByTestId(testId);
  for (const type of ['dragenter', 'dragover', 'drop']) await target.dispatchEvent(type, { dataTransfer });
  await dataTransfer.dispose();
}

/** The number a counter shows ("1,234" → 1234). */
export async function numberIn(page: Page, testId: string): Promise<number> {
  const text = (await page.getByTestId(testId).textContent()) ?? '';
  return Number(text.replace(/[^\d.-]/g, ''));
}

const allDay = [0, 1, 2, 3, 4, 5, 6].map((dayOfWeek) => ({ dayOfWeek, startHour: 0, endHour: 24 }));

/**
 * A draft campaign made through the API as the signed-in user, open all day in UTC (each lead is still called
 * only in its own legal hours): the specs that test a later step make their own campaign this way.
 */
export async function createCampaignByApi(page: Page, body: Record<string, unknown>): Promise<{ id: string }> {
  const res = await page.request.post('/api/campaigns', {
    data: { description: 'Created by a browser test.', timezone: 'UTC', callWindows: allDay, maxCallsPerDay: 500, maxCallsPerLead: 3, maxConcurrentCalls: 5, ...body },
  });
  if (res.status() !== 201) throw new Error(`campaign create failed: ${res.status()} ${await res.text()}`);
  return (await res.json()) as { id: string };
}
