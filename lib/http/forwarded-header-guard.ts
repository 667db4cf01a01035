// Next.js keeps whatever X-Forwarded-* headers a client sends and only fills in the missing ones
// (`??=` in its base server), and a route handler never sees the socket. So before Next reads a
// request, this guard makes X-Forwarded-For end with the socket's address and, with no trusted proxy
// in front, drops the forwarded host and protocol: the headers the app reads then say who connected.
import http from 'node:http';
import https from 'node:https';

const untrustedWithoutProxy = ['x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'forwarded', 'x-real-ip'];

/** Rewrites one incoming request's forwarded headers for `trustedProxies` proxies in front. */
export function guardForwardedHeaders(req: http.IncomingMessage, trustedProxies: number): void {
  const socketIp = req.socket?.remoteAddress;
  if (!trustedProxies) {
    for (const name of untrustedWithoutProxy) delete req.headers[name];
    if (socketIp) req.headers['x-forwarded-for'] = socketIp;
    else delete req.headers['x-forwarded-for'];
    return;
  }
  const sent = req.headers['x-forwarded-for'];
  const prior = Array.isArray(sent) ? sent.join(', ') : sent;
  if (socketIp) req.headers['x-forwarded-for'] = prior ? `${prior}, ${socketIp}` : socketIp;
}

type Emit = (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
const marker = Symbol.for('outbound.forwardedHeaderGuard');

/** Installs the guard on every HTTP(S) server in this process (Next's included); idempotent. */
export function installForwardedHeaderGuard(trustedProxies: number): void {
  for (const proto of [http.Server.prototype, https.Server.prototype] as unknown as Array<Record<symbol, unknown> & { emit: Emit }>) {
    if (proto[marker]) continue;
    const emit = proto.emit;
    proto.emit = function (this: http.Server, event, ...args) {
      if (event === 'request') guardForwardedHeaders(args[0] as http.IncomingMessage, trustedProxies);
      return emit.call(this, event, ...args);
    };
    proto[marker] = true;
  }
}
