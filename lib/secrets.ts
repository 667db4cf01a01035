// Secrets for the embedded default. Production sets them in the environment; locally a random
// secret is made once and kept beside the PGlite data so sessions survive restarts.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { env } from '@/lib/env';

const cache = new Map<string, string>();

export function devSecret(name: string): string {
  const cached = cache.get(name);
  if (cached) return cached;
  const file = path.join(path.dirname(path.resolve(env.PGLITE_DIR)), `${name}.secret`);
  let secret: string;
  try {
    secret = fs.readFileSync(file, 'utf8').trim();
  } catch {
    secret = crypto.randomBytes(32).toString('hex');
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, secret, { mode: 0o600 });
    } catch {
      // A read-only tree still works; the secret then lasts for this process only.
    }
  }
  cache.set(name, secret);
  return secret;
}
