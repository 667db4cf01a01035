// Every app/api route behind a plain HTTP server, matched the way Next.js matches them (a static segment
// before a dynamic one, a dynamic one before a catch-all), so a test can drive the real route handlers
// with curl or any other HTTP client. Records which route answered each request.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { discoverRoutes, type Route, type RouteMethod } from '@/test/api-routes';

/** One request the server answered: its method, path and the route (`POST /api/campaigns/:id/leads`) that handled it. */
export type Served = { method: string; path: string; route: Route | null; status: number };

type Segment = { kind: 'static'; name: string } | { kind: 'param'; name: string } | { kind: 'catchAll'; name: string };
const rank = { static: 2, param: 1, catchAll: 0 } as const;

function segmentsOf(route: Route): Segment[] {
  return route.openApiPath
    .split('/')
    .filter(Boolean)
    .map((s): Segment => {
      const catchAll = /^\{\.\.\.(\w+)\}$/.exec(s);
      if (catchAll) return { kind: 'catchAll', name: catchAll[1] };
      const param = /^\{(\w+)\}$/.exec(s);
      return param ? { kind: 'param', name: param[1] } : { kind: 'static', name: s };
    });
}

/** The params a route takes from a path, or null when it does not match. */
function matchRoute(segments: Segment[], parts: string[]): Record<string, string | string[]> | null {
  const params: Record<string, string | string[]> = {};
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    if (segment.kind === 'catchAll') {
      if (i >= parts.length) return null;
      params[segment.name] = parts.slice(i);
      return params;
    }
    if (i >= parts.length) return null;
    if (segment.kind === 'static' && segment.name !== parts[i]) return null;
    if (segment.kind === 'param') params[segment.name] = parts[i];
  }
  return segments.length === parts.length ? params : null;
}

/** Lexicographic by segment kind: the most specific route wins, as in Next.js. */
function moreSpecific(a: Segment[], b: Segment[]): boolean {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (rank[a[i].kind] !== rank[b[i].kind]) return rank[a[i].kind] > rank[b[i].kind];
  }
  return a.length > b.length;
}

export async function startApiServer() {
  const routes = (await discoverRoutes()).map((route) => ({ route, segments: segmentsOf(route) }));
  const served: Served[] = [];

  function find(method: string, pathname: string) {
    const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
    let best: { route: Route; segments: Segment[]; params: Record<string, string | string[]> } | null = null;
    for (const candidate of routes) {
      if (candidate.route.method !== (method as RouteMethod)) continue;
      const params = matchRoute(candidate.segments, parts);
      if (params && (!best || moreSpecific(candidate.segments, best.segments))) best = { ...candidate, params };
    }
    return best;
  }

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
    const found = find(req.method ?? 'GET', url.pathname);
    if (!found) {
      served.push({ method: req.method ?? 'GET', path: url.pathname, route: null, status: 404 });
      return void res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"code":"not_found","message":"No such route"}}');
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    const body = chunks.length && req.method !== 'GET' && req.method !== 'HEAD' ? new Uint8Array(Buffer.concat(chunks)) : undefined;
    // The handlers turn every error into the error body; a throw here is a bug to see, not a hung client. A handler
    // may answer without a promise (GET /api/openapi.json does), as Next.js allows.
    const response = await Promise.resolve()
      .then(() => found.route.handler(new Request(url, { method: req.method, headers, body }), { params: Promise.resolve(found.params as Record<string, string>) }))
      .catch((error: unknown) => Response.json({ error: { code: 'internal', message: String(error) } }, { status: 500 }));
    served.push({ method: req.method ?? 'GET', path: url.pathname, route: found.route, status: response.status });
    const out: Record<string, string | string[]> = {};
    response.headers.forEach((value, name) => {
      if (name !== 'set-cookie') out[name] = value;
    });
    const cookies = response.headers.getSetCookie();
    if (cookies.length) out['set-cookie'] = cookies;
    res.writeHead(response.status, out).end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    served,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
