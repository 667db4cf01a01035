// The session token stays in its HttpOnly cookie: nothing a page's JavaScript can read carries it.
import { describe, expect, it } from 'vitest';
import { GET as listRoute } from '@/app/api/campaigns/route';
import { GET as authGet, POST as authPost } from '@/app/api/auth/[...all]/route';
import { BASE, call, signUp, apiFixtures } from '@/test/fixtures';

const { users: [alice] } = apiFixtures('Alice');

/** Signs in as the dashboard does: a same-origin fetch from the page. */
async function browserSignIn() {
  const res = await authPost(
    new Request(`${BASE}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: BASE, 'sec-fetch-site': 'same-origin' },
      body: JSON.stringify({ email: alice.email, password: 'correct-horse-battery' }),
    }),
  );
  const cookie = res.headers.getSetCookie().find((c) => c.includes('session_token='))!;
  return { res, text: await res.text(), cookie: cookie.split(';')[0], setCookie: cookie };
}

const sessionToken = (cookie: string) => decodeURIComponent(cookie.split('=')[1]).split('.')[0];

describe('session tokens are not exposed to the browser', () => {
  it('a browser sign-in: the token is only in the HttpOnly cookie, not in the body or a readable header', async () => {
    const { res, text, cookie, setCookie } = await browserSignIn();
    expect(res.status).toBe(200);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(res.headers.get('set-auth-token')).toBeNull();
    expect(text).not.toContain(sessionToken(cookie));
    expect(JSON.parse(text)).not.toHaveProperty('token');
  });

  it('get-session and list-sessions answer without tokens, and the cookie keeps working', async () => {
    const { cookie } = await browserSignIn();
    const session = await authGet(new Request(`${BASE}/api/auth/get-session`, { headers: { cookie, 'sec-fetch-site': 'same-origin' } }));
    const sessionText = await session.text();
    expect(session.status).toBe(200);
    expect(JSON.parse(sessionText).user.id).toBe(alice.id);
    expect(JSON.parse(sessionText).session).not.toHaveProperty('token');
    expect(sessionText).not.toContain(sessionToken(cookie));
    expect(session.headers.get('set-auth-token')).toBeNull();

    const list = await authGet(new Request(`${BASE}/api/auth/list-sessions`, { headers: { cookie, 'sec-fetch-site': 'same-origin' } }));
    const listText = await list.text();
    expect(list.status).toBe(200);
    const sessions = JSON.parse(listText) as Array<Record<string, unknown>>;
    expect(sessions.length).toBeGreaterThan(1);
    expect(sessions.every((s) => !('token' in s))).toBe(true);
    expect(listText).not.toContain(sessionToken(cookie));
    expect(listText).not.toContain(alice.token);

    expect((await call(listRoute, { path: '/api/campaigns', headers: { cookie } })).status).toBe(200);
  });

  it('a server-side client (no Origin) still gets its bearer token from the set-auth-token header, and it works', async () => {
    const bob = await signUp('Bob');
    expect(bob.token).toBeTruthy();
    expect((await call(listRoute, { path: '/api/campaigns', token: bob.token })).status).toBe(200);
    const viaBearer = await authGet(new Request(`${BASE}/api/auth/get-session`, { headers: { authorization: `Bearer ${bob.token}` } }));
    const body = await viaBearer.json() as { user: { id: string }; session: Record<string, unknown> };
    expect(body.user.id).toBe(bob.id);
    expect(body.session).not.toHaveProperty('token');
  });
});
