// The security headers of every answer, in one place: next.config.ts serves them on pages and API
// routes, and the API wrapper sets the API's own on the responses it builds (tests call handlers
// directly, without Next). No imports: next.config.ts loads this file before the app exists.

/**
 * Scripts: 'self' plus 'unsafe-inline', because Next's App Router streams its bootstrap and RSC
 * payload as inline <script> tags. A per-request nonce (set in proxy.ts) would replace
 * 'unsafe-inline', but it forces every page to render dynamically and the proxy to run on every
 * path; this policy still refuses scripts from any other origin and eval in production.
 * connect-src allows ws:/wss:/https: for LiveKit, whose URL is a runtime setting while these headers
 * are fixed at build time.
 */
export function contentSecurityPolicy({ dev }: { dev: boolean }): string {
  return [
    "default-src 'self'",
    // React's dev tooling evaluates code; production never does.
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self' ws: wss: https:",
    "media-src 'self' blob:",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

type Header = { key: string; value: string };

export function pageSecurityHeaders({ dev }: { dev: boolean }): Header[] {
  return [
    { key: 'Content-Security-Policy', value: contentSecurityPolicy({ dev }) },
    // For browsers that predate frame-ancestors.
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  ];
}

/** API answers hold one user's data: no cache may keep them, no browser may sniff them. */
export const apiResponseHeaders: Header[] = [
  { key: 'Cache-Control', value: 'no-store' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
];

/** Sets the API's headers on a response the app built (unless a route chose its own caching). */
export function withApiHeaders(res: Response): Response {
  const missing = apiResponseHeaders.filter(({ key }) => !res.headers.has(key));
  if (!missing.length) return res;
  try {
    for (const { key, value } of missing) res.headers.set(key, value);
    return res;
  } catch {
    // Immutable headers (a fetched response): answer a copy.
    const copy = new Response(res.body, res);
    for (const { key, value } of missing) copy.headers.set(key, value);
    return copy;
  }
}
