// CSRF: a state-changing request riding on the session cookie must come from the app's own pages.
// The browser's Sec-Fetch-Site says so when it is sent; otherwise Origin must name the request's own
// host. Neither header: not a browser, so there is no victim's cookie to ride on. The same algorithm
// as Go's net/http CrossOriginProtection; see docs/decisions/009-trust-at-the-http-edge.md.
import { AppError } from '@/lib/errors';
import { requestHost } from '@/lib/http/forwarded';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

function isSameOrigin(req: Request): boolean {
  const site = req.headers.get('sec-fetch-site');
  if (site) return site === 'same-origin' || site === 'none';
  const origin = req.headers.get('origin');
  if (origin === null) return true;
  try {
    return new URL(origin).host.toLowerCase() === requestHost(req);
  } catch {
    return false; // `Origin: null` (sandboxed frames, some redirects) and garbage
  }
}

/**
 * 403 for a POST/PUT/PATCH/DELETE from another origin. A request with an Authorization header
 * (bearer token or API key) or an `x-api-key` header is exempt: a cross-site page cannot set either
 * header without a CORS preflight, which this app never grants.
 */
export function assertSameOrigin(req: Request): void {
  if (safeMethods.has(req.method.toUpperCase())) return;
  if (req.headers.has('authorization') || req.headers.has('x-api-key')) return;
  if (!isSameOrigin(req)) throw new AppError('forbidden', 'Cross-site request refused: send it from the app itself, or with a bearer token');
}
