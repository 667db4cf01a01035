import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;
const alias = { '@': root, 'server-only': path.join(root, 'test/server-only-stub.ts') };

// Integration tests (*.int.test.ts) run once per database driver: PGlite always, and Postgres
// when DATABASE_URL is set. Unit tests (*.test.ts) run once.
const drivers = ['pglite', ...(process.env.DATABASE_URL ? ['postgres'] : [])];

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['lib/**/*.test.ts', 'db/**/*.test.ts', 'test/lint/**/*.test.ts', 'agent/**/*.test.ts', 'scripts/**/*.test.ts', 'shared/**/*.test.ts', 'components/**/*.test.tsx'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
          environment: 'node',
          // Bounds are for hangs, not speed: a busy 2-core machine runs the simulator test well past 5 s.
          testTimeout: 60_000,
          hookTimeout: 180_000,
          env: { LOG_LEVEL: 'warn' },
        },
      },
      ...drivers.map((driver) => ({
        resolve: { alias },
        test: {
          name: `int-${driver}`,
          include: ['**/*.int.test.ts'],
          exclude: ['**/node_modules/**', 'e2e/**'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 180_000,
          env: { TEST_DB_DRIVER: driver, LOG_LEVEL: 'warn', JOBS_ENABLED: 'false' },
        },
      })),
    ],
  },
});
