import { describe, expect, it } from 'vitest';
import { cardTokenPayload, CARD_TOKEN_PREFIX, encodeCardToken } from '#domain/assistance/card-token';
import { verifyCardToken } from './verify.ts';

/** A key pair made here, as the server makes its own, and tokens signed with it. */
async function signer(keyId: string) {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const publicKey = Buffer.from(raw).toString('base64');
  const token = async (cardId: string, expiresOn: string) => {
    const payload = cardTokenPayload({ cardId, expiresOn, keyId });
    return encodeCardToken(payload, new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, pair.privateKey, payload as Uint8Array<ArrayBuffer>)));
  };
  return { key: { id: keyId, publicKey }, token };
}

const CARD = '0195a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a2b';

describe('checking a card offline', () => {
  it('accepts a token signed by a downloaded key, until its last day', async () => {
    const s = await signer('0123456789abcdef');
    const token = await s.token(CARD, '2026-12-31');
    expect(await verifyCardToken(token, [s.key], '2026-06-01')).toEqual({ ok: true, cardId: CARD, expiresOn: '2026-12-31' });
    expect(await verifyCardToken(token, [s.key], '2026-12-31')).toMatchObject({ ok: true });
    expect(await verifyCardToken(token, [s.key], '2027-01-01')).toEqual({ ok: false, reason: 'expired' });
  });

  it('calls forged a token signed by another key, one naming an unknown key, an altered one and garbage', async () => {
    const s = await signer('0123456789abcdef');
    const other = await signer('0123456789abcdef');
    const stranger = await signer('fedcba9876543210');
    const today = '2026-06-01';
    expect(await verifyCardToken(await other.token(CARD, '2026-12-31'), [s.key], today)).toEqual({ ok: false, reason: 'forged' });
    expect(await verifyCardToken(await stranger.token(CARD, '2026-12-31'), [s.key], today)).toEqual({ ok: false, reason: 'forged' });
    // The expiry pushed back by hand: the signature no longer covers it.
    const token = await s.token(CARD, '2026-12-31');
    const bytes = Buffer.from(token.slice(CARD_TOKEN_PREFIX.length), 'base64url');
    bytes[20] += 1;
    expect(await verifyCardToken(CARD_TOKEN_PREFIX + bytes.toString('base64url'), [s.key], today)).toEqual({ ok: false, reason: 'forged' });
    for (const junk of ['', 'AMC1.', 'AMC1.abc', 'https://example.org', CARD]) {
      expect(await verifyCardToken(junk, [s.key], today)).toEqual({ ok: false, reason: 'forged' });
    }
  });

  it('accepts a card signed by an older key still on the list', async () => {
    const old = await signer('1111111111111111');
    const now = await signer('2222222222222222');
    expect(await verifyCardToken(await old.token(CARD, '2026-12-31'), [old.key, now.key], '2026-01-01')).toMatchObject({ ok: true });
  });
});
