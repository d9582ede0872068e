import { decodeCardToken } from '#domain/assistance/card-token';

/**
 * Checks a scanned card with no server: the token must decode, be signed by one of the keys the
 * point downloaded (Ed25519, WebCrypto), and not be past its last day. Whether the card is the
 * household's current one (not revoked by a reprint) is the list's word: see `findOnList`.
 */
export type TokenCheck =
  | { ok: true; cardId: string; expiresOn: string }
  | { ok: false; reason: 'forged' | 'expired' };

export interface PublicKey {
  id: string;
  publicKey: string;
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

const imported = new Map<string, Promise<CryptoKey>>();

function importKey(raw: string): Promise<CryptoKey> {
  let key = imported.get(raw);
  if (!key) {
    key = crypto.subtle.importKey('raw', fromBase64(raw), { name: 'Ed25519' }, false, ['verify']);
    imported.set(raw, key);
  }
  return key;
}

/** A token's signature and expiry, checked against the downloaded keys; `today` is YYYY-MM-DD. */
export async function verifyCardToken(token: string, keys: readonly PublicKey[], today: string): Promise<TokenCheck> {
  const decoded = decodeCardToken(token);
  if (!decoded) return { ok: false, reason: 'forged' };
  const key = keys.find((k) => k.id === decoded.keyId);
  if (!key) return { ok: false, reason: 'forged' };
  let valid = false;
  try {
    valid = await crypto.subtle.verify(
      { name: 'Ed25519' },
      await importKey(key.publicKey),
      decoded.signature as Uint8Array<ArrayBuffer>,
      decoded.signed as Uint8Array<ArrayBuffer>,
    );
  } catch {
    valid = false;
  }
  if (!valid) return { ok: false, reason: 'forged' };
  if (decoded.expiresOn < today) return { ok: false, reason: 'expired' };
  return { ok: true, cardId: decoded.cardId, expiresOn: decoded.expiresOn };
}
