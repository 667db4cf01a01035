// The session token is a bearer credential: in the browser it lives only in its HttpOnly cookie.
// better-auth also returns it in JSON (sign-in, sign-up, get-session, list-sessions) and, with the
// bearer plugin, in a `set-auth-token` header, both readable by any script on the page. Those copies
// are removed here; a server-side client (tests, scripts: no Origin and no Sec-Fetch-* header, which
// every browser sends on its fetches) still receives `set-auth-token` to use as a bearer token.

const answersWithTokens = new Set(['/sign-in/email', '/sign-up/email', '/get-session', '/list-sessions']);

function fromBrowser(req: Request): boolean {
  return req.headers.has('origin') || req.headers.has('sec-fetch-site') || req.headers.has('sec-fetch-mode');
}

function withoutToken(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutToken);
  if (!value || typeof value !== 'object') return value;
  const { token: _token, ...rest } = value as Record<string, unknown>;
  if (rest.session && typeof rest.session === 'object') rest.session = withoutToken(rest.session);
  return rest;
}

/** better-auth's answer to `path`, without the copies of the session token a page could read. */
export async function withoutExposedTokens(req: Request, path: string, res: Response): Promise<Response> {
  const headers = new Headers(res.headers);
  if (fromBrowser(req)) {
    headers.delete('set-auth-token');
    headers.delete('access-control-expose-headers');
  }
  if (!answersWithTokens.has(path) || !(headers.get('content-type') ?? '').includes('application/json')) {
    return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
  }
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return new Response(text, { status: res.status, statusText: res.statusText, headers });
  }
  headers.delete('content-length');
  return new Response(JSON.stringify(withoutToken(body)), { status: res.status, statusText: res.statusText, headers });
}
