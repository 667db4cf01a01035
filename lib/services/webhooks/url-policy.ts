// Where a webhook may be sent. An endpoint URL is the customer's, so it must not become a way into our
// own network: https only in production, and no loopback, private, link-local or otherwise internal
// address, checked for every address the host resolves to, when the endpoint is saved and again on
// every connection (the lookup the request itself uses, so a DNS answer cannot change in between).
// `WEBHOOKS_ALLOW_PRIVATE=true` lifts both rules (tests, private networks).
import dns from 'node:dns';
import net from 'node:net';

export type UrlPolicy = { allowPrivate: boolean; production: boolean };

const blocked = new net.BlockList();
for (const [address, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24],
  ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) blocked.addSubnet(address, prefix, 'ipv4');
for (const [address, prefix] of [
  ['::', 128], ['::1', 128], ['64:ff9b::', 96], ['100::', 64], ['2001:db8::', 32], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8],
] as const) blocked.addSubnet(address, prefix, 'ipv6');

/** Whether an address is internal: loopback, private, link-local, shared, documentation, multicast, or an IPv4 one of those inside IPv6. */
export function isInternalAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family !== 6) return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address) ?? /^::(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (mapped) return blocked.check(mapped[1], 'ipv4');
  const hexMapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (hexMapped) {
    const n = (parseInt(hexMapped[1], 16) << 16) | parseInt(hexMapped[2], 16);
    return blocked.check([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.'), 'ipv4');
  }
  return blocked.check(address, 'ipv6');
}

/** Why the URL's form is refused (scheme, credentials), or null. */
export function urlFormProblem(raw: string, policy: UrlPolicy): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'is not a valid URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be an http(s) URL';
  if (url.protocol === 'http:' && policy.production && !policy.allowPrivate) return 'must use https';
  if (url.username || url.password) return 'must not carry credentials';
  return null;
}

const hostOf = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1');

/** Every address the host resolves to; an IP literal is itself. */
async function resolveAll(host: string): Promise<string[]> {
  if (net.isIP(host)) return [host];
  const answers = await dns.promises.lookup(host, { all: true, verbatim: true });
  return answers.map((a) => a.address);
}

/** Why the URL may not receive webhooks, or null: its form, a host that does not resolve, or any internal address. */
export async function webhookUrlProblem(raw: string, policy: UrlPolicy): Promise<string | null> {
  const form = urlFormProblem(raw, policy);
  if (form) return form;
  if (policy.allowPrivate) return null;
  const host = hostOf(new URL(raw));
  let addresses: string[];
  try {
    addresses = await resolveAll(host);
  } catch {
    return `host ${host} does not resolve`;
  }
  if (addresses.length === 0) return `host ${host} does not resolve`;
  const internal = addresses.find(isInternalAddress);
  return internal ? `resolves to ${internal}, a private or loopback address: webhooks go to public addresses only` : null;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/** A `lookup` for http(s).request that refuses internal addresses at connection time. */
export function guardedLookup(policy: UrlPolicy) {
  return (hostname: string, options: dns.LookupOptions, callback: LookupCallback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const list = addresses as dns.LookupAddress[];
      const internal = policy.allowPrivate ? undefined : list.find((a) => isInternalAddress(a.address));
      if (internal) return callback(Object.assign(new Error(`refused: ${hostname} resolves to ${internal.address}, a private or loopback address`), { code: 'EADDRNOTPUBLIC' }), []);
      if (options.all) return callback(null, list);
      callback(null, list[0].address, list[0].family);
    });
  };
}

/** The policy the environment sets. */
export const webhookUrlPolicy = (e: { WEBHOOKS_ALLOW_PRIVATE: boolean; NODE_ENV: string }): UrlPolicy => ({ allowPrivate: e.WEBHOOKS_ALLOW_PRIVATE, production: e.NODE_ENV === 'production' });
