import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores(['.next/**', 'node_modules/**', '.data/**', 'db/migrations/**', 'agent/node_modules/**', 'e2e/screenshots/**', 'test-results/**', 'next-env.d.ts']),
  {
    rules: {
      // Tests and fixtures use `any` for parsed JSON bodies.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      'no-console': 'error',
    },
  },
  // The layers (app → lib/services → db; lib/telephony is the only door to LiveKit; shared/ sits below
  // everything) as a lint rule, so an import the wrong way fails the build instead of waiting for a review.
  // Tests are left out: they drive the real route handlers on a real database across the layers.
  {
    ignores: ['**/*.test.ts', '**/*.test.tsx', 'test/**', 'e2e/**', 'bench/**', 'scripts/**'],
    rules: {
      'import/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './db',
              from: './lib',
              message: 'db/ is the bottom layer: it imports nothing of lib/ (put a shared type in shared/).',
            },
            { target: './lib/telephony', from: './lib/services', message: 'lib/telephony knows nothing of the services that call it.' },
            { target: './app/api', from: './db', message: 'A route handler gets the db from the wrapper in lib/api/handler.ts, or calls a service.' },
            { target: './lib/services', from: './app', message: 'Services know nothing of HTTP or screens.' },
            { target: './lib/services', from: './components', message: 'Services know nothing of HTTP or screens.' },
            {
              target: './shared',
              from: ['./lib', './app', './components', './db'],
              message: 'shared/ sits below every layer and runs in the browser and on the server: it imports only shared/ and pure packages.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['lib/services/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['next', 'next/*'], message: 'Services know nothing of HTTP: no next/* in lib/services.' }] },
      ],
    },
  },
  {
    files: ['components/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/lib/services', '@/lib/services/*', '**/lib/services', '**/lib/services/*'],
              allowTypeImports: true,
              message: 'A component runs in the browser: it may import types from lib/services, never its code (put shared values in shared/).',
            },
          ],
        },
      ],
    },
  },
]);
