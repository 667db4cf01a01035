// The integration tests' shared fixtures: call the real route handlers the way Next.js does, with a
// signed-up user's bearer token, and make the users and campaigns a test needs through those routes.
import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { POST as authPost } from '@/app/api/auth/[...all]/route';
import { POST as createCampaignRoute } from '@/app/api/campaigns/route';
import { getDb, schema } from '@/db';

export const BASE = 'http://127.0.0.1:3000';

type RouteHandler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

export type ApiResult<T = any> = { status: number; body: T; headers: Headers };

export async function call<T = any>(
  handler: RouteHandler,
  { path, method = 'GET', body, token, params = {}, headers = {} }: { path: string; method?: string; body?: unknown; token?: string; params?: Record<string, string>; headers?: Record<string, string> },
): Promise<ApiResult<T>> {
  const init: RequestInit = { method, headers: { ...headers } };
  if (token) (init.headers as Record<string, string>).authorization = `Bearer ${token}`;
  if (body instanceof FormData) init.body = body;
  else if (typeof body === 'string') init.body = body;
  else if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)['content-type'] = 'application/json';
  }
  const res = await handler(new Request(BASE + path, init), { params: Promise.resolve(params) });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON (CSV export, etc.)
  }
  return { status: res.status, body: parsed as T, headers: res.headers };
}

/** `workspaceId`: the personal workspace sign-up made for the user (they own it). */
export type TestUser = { id: string; email: string; token: string; workspaceId: string };

/**
 * Signs a new user up through better-auth's own route and returns their bearer token. Sent as a
 * server-side client (no Origin): a browser's request never receives the token (session-tokens test).
 */
export async function signUp(name = 'Test User', email = `user-${crypto.randomBytes(5).toString('hex')}@example.com`): Promise<TestUser> {
  const res = await authPost(
    new Request(`${BASE}/api/auth/sign-up/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'correct-horse-battery', name }),
    }),
  );
  if (res.status !== 200) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
  const token = res.headers.get('set-auth-token');
  const body = (await res.json()) as { user: { id: string } };
  if (!token) throw new Error('sign-up returned no bearer token');
  const db = await getDb();
  const [workspace] = await db.select({ id: schema.workspaces.id }).from(schema.workspaces).where(eq(schema.workspaces.personalOf, body.user.id));
  if (!workspace) throw new Error('sign-up made no personal workspace');
  return { id: body.user.id, email, token, workspaceId: workspace.id };
}

export const validCampaign = {
  name: 'Spring outreach',
  description: 'Mid-market SaaS buyers',
  timezone: 'America/New_York',
  callWindows: [1, 2, 3, 4, 5].map((dayOfWeek) => ({ dayOfWeek, startHour: 9, endHour: 17 })),
  maxCallsPerDay: 200,
  maxCallsPerLead: 3,
  maxConcurrentCalls: 5,
};

/**
 * Creates a campaign through `POST /api/campaigns` in the user's workspace and returns its id;
 * `overrides` replace fields of `validCampaign`. A refused create throws with the answer.
 */
export async function createCampaign(user: TestUser, overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await call(createCampaignRoute, { path: '/api/campaigns', method: 'POST', token: user.token, body: { ...validCampaign, ...overrides } });
  if (res.status !== 201) throw new Error(`campaign create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

/** Signs an existing test user in the way the browser does and returns the session cookie to send. */
export async function signInCookie(user: TestUser, headers: Record<string, string> = {}): Promise<string> {
  const res = await authPost(
    new Request(`${BASE}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: BASE, ...headers },
      body: JSON.stringify({ email: user.email, password: 'correct-horse-battery' }),
    }),
  );
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.includes('session_token='));
  if (!cookie) throw new Error('sign-in set no session cookie');
  return cookie.split(';')[0];
}
