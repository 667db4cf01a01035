// The headers every page and API answer carry, as Next serves them from next.config.ts.
import { describe, expect, it } from 'vitest';
import nextConfig from '../../next.config';

async function headersFor(path: string): Promise<Record<string, string>> {
  const rules = (await nextConfig.headers?.()) ?? [];
  const matches = (source: string) => (source === '/:path*' ? true : source.endsWith('/:path*') ? path.startsWith(source.slice(0, -'/:path*'.length)) : source === path);
  return Object.fromEntries(rules.filter((r) => matches(r.source)).flatMap((r) => r.headers.map((h) => [h.key.toLowerCase(), h.value])));
}

describe('security headers', () => {
  it('the sign-in page cannot be framed by another origin, sniffed, or leak its URL', async () => {
    const headers = await headersFor('/sign-in');
    const csp = headers['content-security-policy'];
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/object-src 'none'/);
    expect(csp).toMatch(/base-uri 'self'/);
    expect(csp).toMatch(/form-action 'self'/);
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  });

  it('scripts only from the app itself (inline allowed for Next’s bootstrap), no eval in production', async () => {
    const csp = (await headersFor('/'))['content-security-policy'];
    const scriptSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'));
    expect(scriptSrc).toBe("script-src 'self' 'unsafe-inline'");
  });

  it('API answers are never cached', async () => {
    expect((await headersFor('/api/campaigns'))['cache-control']).toBe('no-store');
    expect((await headersFor('/campaigns'))['cache-control']).toBeUndefined();
  });

  it('no X-Powered-By', () => {
    expect(nextConfig.poweredByHeader).toBe(false);
  });
});
