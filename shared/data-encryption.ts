// The one place personal data is encrypted (AES-256-GCM, node:crypto). Pure: the keys come in as
// arguments, so the environment check, the app and the tests share the same parsing and envelope.
//
// A stored value is a text envelope `v1:<keyId>:<iv>:<tag>:<ciphertext>` (base64), so a key can be
// rotated: the first key seals, every key listed opens. Anything else is a value written before
// encryption (plaintext JSON or a URL) and is read as it is.
import crypto from 'node:crypto';

export type DataKey = { id: string; key: Buffer };

const envelopePrefix = 'v1:';
const keyIdShape = /^[A-Za-z0-9_-]{1,32}$/;
/** The key id DATA_ENCRYPTION_KEY (one key, no id of its own) and the embedded default's generated key go by. */
export const defaultKeyId = 'default';

/** 32 bytes written as 64 hex digits or as base64; null when it is neither. */
function keyBytes(text: string): Buffer | null {
  const t = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(t)) return Buffer.from(t, 'hex');
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(t)) return null;
  const bytes = Buffer.from(t, 'base64');
  return bytes.length === 32 ? bytes : null;
}

type KeyProblem = { variable: 'DATA_ENCRYPTION_KEY' | 'DATA_ENCRYPTION_KEYS'; message: string };

/** What is wrong with the configured keys (empty when nothing is). */
export function dataKeyProblems(single: string | undefined, list: string | undefined): KeyProblem[] {
  const problems: KeyProblem[] = [];
  if (single && !keyBytes(single)) problems.push({ variable: 'DATA_ENCRYPTION_KEY', message: 'must be 32 bytes, as base64 (`openssl rand -base64 32`) or 64 hex digits' });
  if (list) {
    const ids = new Set<string>();
    for (const [n, entry] of list.split(',').entries()) {
      const colon = entry.indexOf(':');
      const id = entry.slice(0, colon).trim();
      if (colon < 0 || !keyIdShape.test(id) || !keyBytes(entry.slice(colon + 1))) {
        problems.push({ variable: 'DATA_ENCRYPTION_KEYS', message: `entry ${n + 1} must be \`id:key\`: an id of letters, digits, - or _ (at most 32) and a 32-byte key as base64 or hex` });
      } else if (ids.has(id)) {
        problems.push({ variable: 'DATA_ENCRYPTION_KEYS', message: `key id "${id}" is listed twice` });
      }
      ids.add(id);
    }
  }
  return problems;
}

/** The configured keys, sealing key first: DATA_ENCRYPTION_KEYS, else DATA_ENCRYPTION_KEY as id `default`. */
export function parseDataKeys(single: string | undefined, list: string | undefined): DataKey[] {
  const problems = dataKeyProblems(single, list);
  if (problems.length) throw new Error(problems.map((p) => `${p.variable} ${p.message}`).join('; '));
  if (list) {
    return list.split(',').map((entry) => {
      const colon = entry.indexOf(':');
      return { id: entry.slice(0, colon).trim(), key: keyBytes(entry.slice(colon + 1))! };
    });
  }
  return single ? [{ id: defaultKeyId, key: keyBytes(single)! }] : [];
}

export function isEnvelope(stored: string): boolean {
  return stored.startsWith(envelopePrefix);
}

export type DataCipher = {
  seal(plain: string): string;
  /** The plaintext of an envelope; a value stored before encryption comes back as it is. */
  open(stored: string): string;
  sealJson(value: unknown): string;
  /** An envelope's (or legacy plaintext's) JSON value; null stays null. */
  openJson<T>(stored: string | null): T | null;
  /**
   * Keyed hashes of a value, one per key (the sealing key's first), for looking up a value that is
   * kept only as a hash: `h1:<keyId>:<base64url HMAC-SHA256>`.
   */
  hashes(value: string): string[];
};

// Random 96-bit IVs drawn from a pooled CSPRNG buffer: one randomBytes call per 4,096 values sealed
// (a CSV import seals a context per row).
const ivBytes = 12;
let ivPool = Buffer.alloc(0);
let ivAt = 0;
function nextIv(): Buffer {
  if (ivAt + ivBytes > ivPool.length) {
    ivPool = crypto.randomBytes(ivBytes * 4096);
    ivAt = 0;
  }
  ivAt += ivBytes;
  return ivPool.subarray(ivAt - ivBytes, ivAt);
}

/** A sub-key per purpose, so the HMAC key is never the encryption key itself. */
const hashKey = (key: Buffer) => Buffer.from(crypto.hkdfSync('sha256', key, Buffer.alloc(0), 'outbound-caller hash v1', 32));

export function createDataCipher(keys: readonly DataKey[]): DataCipher {
  if (keys.length === 0) throw new Error('no data encryption key: set DATA_ENCRYPTION_KEY');
  const byId = new Map(keys.map((k) => [k.id, k.key]));
  const hashKeys = keys.map((k) => ({ id: k.id, key: hashKey(k.key) }));
  const [sealing] = keys;

  function seal(plain: string): string {
    const iv = nextIv();
    const cipher = crypto.createCipheriv('aes-256-gcm', sealing.key, iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${envelopePrefix}${sealing.id}:${iv.toString('base64')}:${cipher.getAuthTag().toString('base64')}:${data.toString('base64')}`;
  }

  function open(stored: string): string {
    if (!isEnvelope(stored)) return stored;
    const [, id, iv, tag, data] = stored.split(':');
    const key = byId.get(id);
    if (!key) throw new Error(`a value is encrypted with data key "${id}", which is not configured: list it in DATA_ENCRYPTION_KEYS`);
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
  }

  return {
    seal,
    open,
    sealJson: (value) => seal(JSON.stringify(value)),
    openJson: <T>(stored: string | null): T | null => (stored === null ? null : (JSON.parse(open(stored)) as T)),
    hashes: (value) => hashKeys.map((k) => `h1:${k.id}:${crypto.createHmac('sha256', k.key).update(value).digest('base64url')}`),
  };
}
