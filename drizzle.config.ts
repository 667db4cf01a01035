import { defineConfig } from 'drizzle-kit';

// One schema and one migration history serve both drivers (postgres.js and PGlite).
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
});
