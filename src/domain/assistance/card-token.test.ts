import { generateKeyPairSync, sign, verify } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CARD_TOKEN_PREFIX, cardTokenPayload, decodeCardToken, encodeCardToken } from './card-token.ts';

const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const claims = { cardId: '0190a4c0-0000-7000-8000-0000000000ab', expiresOn: '2028-12-03', keyId: '0123456789abcdef' };
const token = (c = claims) => {
  const payload = cardTokenPayload(c);
  return encodeCardToken(payload, new Uint8Array(sign(null, payload, privateKey)));
};

describe('the card token', () => {
  it('names the card, its last day and the key, and carries a signature that verifies', () => {
    const text = token();
    expect(text.startsWith(CARD_TOKEN_PREFIX)).toBe(true);
    expect(text.length).toBeLessThan(140);
    const decoded = decodeCardToken(text)!;
    expect(decoded).toMatchObject(claims);
    expect(verify(null, decoded.signed, publicKey, decoded.signature)).toBe(true);
  });

  it('does not verify once a byte of the claims is changed (a forged expiry or card)', () => {
    const decoded = decodeCardToken(token())!;
    const later = cardTokenPayload({ ...claims, expiresOn: '2099-01-01' });
    expect(verify(null, later, publicKey, decoded.signature)).toBe(false);
  });

  it('is not a token when it is garbage, cut short, of another version or prefix', () => {
    const text = token();
    for (const bad of ['', 'AMC1.', 'AMC1.@@@', text.slice(0, -4), text.replace('AMC1.', 'AMC2.'), `${text}AAAA`, claims.cardId]) {
      expect(decodeCardToken(bad)).toBeNull();
    }
    const bytes = Buffer.from(text.slice(5), 'base64url');
    bytes[0] = 2;
    expect(decodeCardToken(`AMC1.${bytes.toString('base64url')}`)).toBeNull();
  });

  it('decodes what it encodes, for any card and day', () => {
    fc.assert(fc.property(fc.uuid(), fc.date({ min: new Date('2000-01-01'), max: new Date('2150-01-01'), noInvalidDate: true }), fc.stringMatching(/^[0-9a-f]{16}$/), (id, day, keyId) => {
      const c = { cardId: id, expiresOn: day.toISOString().slice(0, 10), keyId };
      const decoded = decodeCardToken(encodeCardToken(cardTokenPayload(c), new Uint8Array(64)))!;
      expect({ cardId: decoded.cardId, expiresOn: decoded.expiresOn, keyId: decoded.keyId }).toEqual(c);
    }));
  });
});
