// The database's part of the environment: the one place DATABASE_URL and PGLITE_DIR are defined. lib/env.ts
// spreads these fields into the app's one schema (which checks the whole environment at start-up); db/client.ts
// reads just these two, since db/ is the bottom layer and imports nothing of lib/.
import { z } from 'zod';

const optional = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== '' ? v.trim() : undefined));

export const databaseEnvFields = {
  DATABASE_URL: optional,
  PGLITE_DIR: z.string().default('.data/pglite'),
};

export const databaseEnv = z.object(databaseEnvFields);

export function readDatabaseEnv(source: Record<string, string | undefined> = process.env) {
  return databaseEnv.parse(source);
}
