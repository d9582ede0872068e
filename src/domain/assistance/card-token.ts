/**
 * The token in a household card's QR code: `AMC1.` and, in base64url, one version byte, the card's
 * id (16 bytes, a random UUID: not the household's), the last valid day (days since 1970, 4 bytes),
 * the signing key's id (8 bytes) and the Ed25519 signature (64 bytes) of all that comes before it.
 * Pure encoding here; the server signs (node:crypto) and an offline point verifies (WebCrypto)
 * with the public key it downloaded. A token that does not decode, or whose signature fails, is
 * forged; a card revoked by a reprint or past its day is refused by name.
 */
export const CARD_TOKEN_PREFIX = 'AMC1.';
const VERSION = 1;
const SIGNED_LENGTH = 1 + 16 + 4 + 8;
const SIGNATURE_LENGTH = 64;

export interface CardClaims {
  cardId: string;
  /** The last day the card is valid (YYYY-MM-DD). */
  expiresOn: string;
  /** Hex id of the signing key (8 bytes). */
  keyId: string;
}

export interface DecodedCardToken extends CardClaims {
  /** The bytes the signature covers. */
  signed: Uint8Array;
  signature: Uint8Array;
}

const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
const fromHex = (text: string) => Uint8Array.from(text.match(/../g) ?? [], (h) => parseInt(h, 16));

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

const DAY = 86_400_000;
const dayNumber = (day: string) => Math.round(Date.parse(`${day}T00:00:00Z`) / DAY);
const dayText = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);

/** The bytes a card's signature covers. */
export function cardTokenPayload(c: CardClaims): Uint8Array {
  const bytes = new Uint8Array(SIGNED_LENGTH);
  bytes[0] = VERSION;
  bytes.set(fromHex(c.cardId.replace(/-/g, '')), 1);
  new DataView(bytes.buffer).setUint32(17, dayNumber(c.expiresOn));
  bytes.set(fromHex(c.keyId), 21);
  return bytes;
}

/** The token text for a payload and its signature. */
export function encodeCardToken(payload: Uint8Array, signature: Uint8Array): string {
  const bytes = new Uint8Array(payload.length + signature.length);
  bytes.set(payload);
  bytes.set(signature, payload.length);
  return CARD_TOKEN_PREFIX + base64url(bytes);
}

/** The claims and signature of a token, or null when it is not one (garbage, truncated, other version). */
export function decodeCardToken(text: string): DecodedCardToken | null {
  const trimmed = text.trim();
  if (!trimmed.startsWith(CARD_TOKEN_PREFIX)) return null;
  const bytes = fromBase64url(trimmed.slice(CARD_TOKEN_PREFIX.length));
  if (!bytes || bytes.length !== SIGNED_LENGTH + SIGNATURE_LENGTH || bytes[0] !== VERSION) return null;
  const id = hex(bytes.slice(1, 17));
  return {
    cardId: `${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20)}`,
    expiresOn: dayText(new DataView(bytes.buffer).getUint32(17)),
    keyId: hex(bytes.slice(21, 29)),
    signed: bytes.slice(0, SIGNED_LENGTH),
    signature: bytes.slice(SIGNED_LENGTH),
  };
}
