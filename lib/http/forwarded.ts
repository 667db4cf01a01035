// Where a request came from, by its headers. X-Forwarded-* are believed only behind TRUSTED_PROXY:
// without a proxy in front, any client can send them, so the request's own Host is used instead.
import { env } from '@/lib/env';

function listed(value: string | null): string[] {
  return (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

/** `host[:port]` the client addressed, lower-cased. */
export function requestHost(req: Request): string {
  const forwarded = env.TRUSTED_PROXY ? listed(req.headers.get('x-forwarded-host')).at(-1) : undefined;
  return (forwarded ?? req.headers.get('host') ?? new URL(req.url).host).toLowerCase();
}

/**
 * The app's origin for links it hands out (an invitation's join link): APP_URL when set, else the scheme and host
 * the client addressed (X-Forwarded-Proto, like -Host, only behind TRUSTED_PROXY), so any host and port works.
 */
export function requestOrigin(req: Request): string {
  if (env.APP_URL) return new URL(env.APP_URL).origin;
  const forwarded = env.TRUSTED_PROXY ? listed(req.headers.get('x-forwarded-proto')).at(-1)?.toLowerCase() : undefined;
  const scheme = forwarded === 'https' || forwarded === 'http' ? forwarded : new URL(req.url).protocol.replace(':', '');
  return `${scheme}://${requestHost(req)}`;
}

/**
 * The client's IP address, or undefined when nothing says. X-Forwarded-For ends with the socket's
 * address (the forwarded-header guard appends it); each trusted proxy adds one more entry after the
 * client's, so the client is the entry TRUSTED_PROXY places before the last. Entries further left
 * were written by the client and prove nothing.
 */
export function clientIp(headers: Headers): string | undefined {
  const hops = listed(headers.get('x-forwarded-for'));
  if (!hops.length) return undefined;
  const ip = hops[Math.max(0, hops.length - 1 - env.TRUSTED_PROXY)];
  return ip.toLowerCase().startsWith('::ffff:') && ip.includes('.') ? ip.slice('::ffff:'.length) : ip;
}
