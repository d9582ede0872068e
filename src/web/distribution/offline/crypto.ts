/**
 * Encryption at rest for what an offline point keeps on the device (the list of families, the
 * redemptions waiting to sync): AES-256-GCM under a key derived with PBKDF2-SHA-256 from the
 * passphrase the officer sets when downloading. The key is never stored; the passphrase is asked
 * again to open the list after the page is reloaded. WebCrypto only (browsers and Node 20).
 */

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA-256. */
export const PBKDF2_ITERATIONS = 600_000;
export const MIN_PASSPHRASE = 8;

export interface Sealed {
  iv: Uint8Array;
  data: ArrayBuffer;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Fresh random bytes (a salt or an IV). */
export function randomBytes(n: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(n));
}

/** The AES-GCM key for a passphrase and salt; not extractable, so it never leaves WebCrypto. */
export async function deriveKey(passphrase: string, salt: Uint8Array, iterations = PBKDF2_ITERATIONS): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', encoder.encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as Uint8Array<ArrayBuffer>, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** Encrypts a JSON value with a fresh IV; `context` (e.g. the point's id) is bound as additional data. */
export async function seal(key: CryptoKey, value: unknown, context = ''): Promise<Sealed> {
  const iv = randomBytes(12);
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: encoder.encode(context) },
    key,
    encoder.encode(JSON.stringify(value)),
  );
  return { iv, data };
}

/** Decrypts what `seal` made; throws WrongPassphrase when the key (or the context) is not the one it was sealed with. */
export async function open<T>(key: CryptoKey, sealed: Sealed, context = ''): Promise<T> {
  let plain: ArrayBuffer;
  try {
    plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: sealed.iv as Uint8Array<ArrayBuffer>, additionalData: encoder.encode(context) },
      key,
      sealed.data,
    );
  } catch {
    throw new WrongPassphrase();
  }
  return JSON.parse(decoder.decode(plain)) as T;
}

/** The passphrase does not open the list (or the data was altered). */
export class WrongPassphrase extends Error {
  constructor() {
    super('wrong passphrase');
    this.name = 'WrongPassphrase';
  }
}
