import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createDataCipher, isEnvelope, parseDataKeys } from './data-encryption';

const key = () => crypto.randomBytes(32);

describe('the data cipher', () => {
  const cipher = createDataCipher([{ id: 'k1', key: key() }]);

  it('seals to an envelope naming its key, different every time, and opens it', () => {
    const a = cipher.seal('We use the aubergine plan');
    const b = cipher.seal('We use the aubergine plan');
    expect(a).toMatch(/^v1:k1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('aubergine');
    expect(cipher.open(a)).toBe('We use the aubergine plan');
    expect(cipher.openJson(cipher.sealJson([{ speaker: 'lead', text: 'hi' }]))).toEqual([{ speaker: 'lead', text: 'hi' }]);
  });

  it('reads a value stored before encryption as it is', () => {
    expect(isEnvelope('[{"speaker":"lead"}]')).toBe(false);
    expect(cipher.openJson('{"budget":"25k"}')).toEqual({ budget: '25k' });
    expect(cipher.open('https://recordings.example.com/a.wav')).toBe('https://recordings.example.com/a.wav');
    expect(cipher.openJson(null)).toBeNull();
  });

  it('refuses a tampered envelope', () => {
    const sealed = cipher.seal('secret');
    const parts = sealed.split(':');
    const data = Buffer.from(parts[4], 'base64');
    data[0] ^= 1;
    parts[4] = data.toString('base64');
    expect(() => cipher.open(parts.join(':'))).toThrow();
  });

  it('rotates: the first key seals, every listed key opens, an unlisted key is named', () => {
    const old = { id: 'old', key: key() };
    const before = createDataCipher([old]).seal('kept from before');
    const rotated = createDataCipher([{ id: 'new', key: key() }, old]);
    expect(rotated.open(before)).toBe('kept from before');
    expect(rotated.seal('x')).toMatch(/^v1:new:/);
    expect(() => createDataCipher([{ id: 'new', key: key() }]).open(before)).toThrow(/data key "old", which is not configured/);
  });

  it('hashes a value once per key, the sealing key first, so a lookup survives rotation', () => {
    const old = { id: 'old', key: key() };
    const hashed = createDataCipher([old]).hashes('+14155550123')[0];
    const rotated = createDataCipher([{ id: 'new', key: key() }, old]).hashes('+14155550123');
    expect(rotated).toHaveLength(2);
    expect(rotated[0]).toMatch(/^h1:new:/);
    expect(rotated[1]).toBe(hashed);
    expect(hashed).not.toContain('4155550123');
  });
});

describe('parseDataKeys', () => {
  it('takes DATA_ENCRYPTION_KEYS in order, else DATA_ENCRYPTION_KEY as `default`, as base64 or hex', () => {
    const b64 = key().toString('base64');
    const hex = key().toString('hex');
    expect(parseDataKeys(b64, undefined).map((k) => k.id)).toEqual(['default']);
    expect(parseDataKeys(b64, `k2:${hex},k1:${b64}`).map((k) => k.id)).toEqual(['k2', 'k1']);
    expect(parseDataKeys(undefined, undefined)).toEqual([]);
    expect(() => parseDataKeys('short', undefined)).toThrow(/32 bytes/);
  });
});
