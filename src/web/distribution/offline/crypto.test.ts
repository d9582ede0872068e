import { describe, expect, it } from 'vitest';
import { deriveKey, open, randomBytes, seal, WrongPassphrase } from './crypto.ts';

// Few iterations: the rule under test is the round trip, not the cost.
const ITERATIONS = 1000;

describe('encryption at rest of an offline point', () => {
  it('opens what it sealed with the same passphrase, and nothing is in the clear', async () => {
    const salt = randomBytes(16);
    const key = await deriveKey('جسر الموصل 2014', salt, ITERATIONS);
    const value = { headName: 'كريم جاسم محمد', registrationNumber: 'MOMD-IQG11-0000123' };
    const sealed = await seal(key, value, 'point-1');
    expect(new TextDecoder().decode(sealed.data)).not.toContain('MOMD');
    expect(await open(await deriveKey('جسر الموصل 2014', salt, ITERATIONS), sealed, 'point-1')).toEqual(value);
  });

  it('refuses another passphrase, another salt, another context and an altered byte', async () => {
    const salt = randomBytes(16);
    const key = await deriveKey('correct horse', salt, ITERATIONS);
    const sealed = await seal(key, { n: 1 }, 'point-1');
    await expect(open(await deriveKey('wrong horse', salt, ITERATIONS), sealed, 'point-1')).rejects.toBeInstanceOf(WrongPassphrase);
    await expect(open(await deriveKey('correct horse', randomBytes(16), ITERATIONS), sealed, 'point-1')).rejects.toBeInstanceOf(WrongPassphrase);
    await expect(open(key, sealed, 'point-2')).rejects.toBeInstanceOf(WrongPassphrase);
    const altered = new Uint8Array(sealed.data.slice(0));
    altered[0] ^= 1;
    await expect(open(key, { iv: sealed.iv, data: altered.buffer }, 'point-1')).rejects.toBeInstanceOf(WrongPassphrase);
  });

  it('uses a fresh IV each time', async () => {
    const key = await deriveKey('passphrase', randomBytes(16), ITERATIONS);
    const a = await seal(key, 'same');
    const b = await seal(key, 'same');
    expect(Buffer.from(a.iv).equals(Buffer.from(b.iv))).toBe(false);
  });

  it('cannot export the derived key', async () => {
    const key = await deriveKey('passphrase', randomBytes(16), ITERATIONS);
    expect(key.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
  });
});
