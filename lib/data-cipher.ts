// The app's data cipher (shared/data-encryption.ts) with the configured keys. The embedded default
// without a key generates one beside the PGlite data, as it does the session secret; production with
// DATABASE_URL must set one (lib/env.ts refuses to start without).
import { env } from '@/lib/env';
import { devSecret } from '@/lib/secrets';
import { createDataCipher, parseDataKeys, type DataCipher } from '@/shared/data-encryption';

let cipher: DataCipher | undefined;

export function dataCipher(): DataCipher {
  if (!cipher) {
    const keys = parseDataKeys(env.DATA_ENCRYPTION_KEY, env.DATA_ENCRYPTION_KEYS);
    cipher = createDataCipher(keys.length ? keys : [{ id: 'local', key: Buffer.from(devSecret('data-encryption-key'), 'hex') }]);
  }
  return cipher;
}
