import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import type { Ctx } from '../context.ts';
import type { Executor } from '../audit/store.ts';

/**
 * The server's Ed25519 key for household card tokens. Created once, on first use; the private half
 * is sealed with the data key (AMINA_DATA_KEY) in `signing_keys`, the public half is given to any
 * distribution point, which verifies cards offline with it. A key's id is the first 8 bytes of the
 * SHA-256 of its public key.
 */
interface SigningKey { id: string; publicKey: KeyObject; privateKey: KeyObject | null; publicRaw: string }

const cache = new WeakMap<Ctx, Map<string, SigningKey>>();

const keyId = (raw: Buffer) => createHash('sha256').update(raw).digest('hex').slice(0, 16);

function fromRow(ctx: Ctx, r: { id: string; public_key: string; private_key_sealed: string; retired_at: unknown }): SigningKey {
  const raw = Buffer.from(r.public_key, 'base64');
  return {
    id: r.id, publicRaw: r.public_key,
    publicKey: createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' }),
    privateKey: r.retired_at ? null : createPrivateKey({ key: Buffer.from(ctx.sealer.open(r.private_key_sealed), 'base64'), format: 'der', type: 'pkcs8' }),
  };
}

async function loadKeys(ctx: Ctx, db: Executor): Promise<Map<string, SigningKey>> {
  const known = cache.get(ctx);
  if (known && known.size) return known;
  const rows = await db.selectFrom('signing_keys').selectAll().orderBy('created_at').execute();
  const keys = new Map(rows.map((r) => [r.id, fromRow(ctx, r)]));
  cache.set(ctx, keys);
  return keys;
}

/** The key cards are signed with now, created (and stored sealed) the first time one is needed. */
export async function currentKey(ctx: Ctx, db: Executor): Promise<SigningKey> {
  const active = [...(await loadKeys(ctx, db)).values()].filter((k) => k.privateKey);
  if (active.length) return active[active.length - 1];
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');
  const row = {
    id: keyId(raw), algorithm: 'ed25519', public_key: raw.toString('base64'),
    private_key_sealed: ctx.sealer.seal(privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64')),
  };
  // Two servers starting together may both create one: the first stored wins, the other is unused.
  await db.insertInto('signing_keys').values(row).onConflict((oc) => oc.column('id').doNothing()).execute();
  cache.delete(ctx);
  const keys = await loadKeys(ctx, db);
  return [...keys.values()].filter((k) => k.privateKey).at(-1)!;
}

/** Every public key a card may have been signed with, for offline points. */
export async function publicKeys(ctx: Ctx, db: Executor) {
  await currentKey(ctx, db);
  return [...(await loadKeys(ctx, db)).values()].map((k) => ({ id: k.id, algorithm: 'ed25519' as const, publicKey: k.publicRaw }));
}

export function signWith(key: SigningKey, payload: Uint8Array): Uint8Array {
  return new Uint8Array(sign(null, payload, key.privateKey!));
}

/** True when the signature is the named key's over the payload (an unknown key is no signature). */
export async function verifySignature(ctx: Ctx, db: Executor, keyIdHex: string, payload: Uint8Array, signature: Uint8Array): Promise<boolean> {
  const key = (await loadKeys(ctx, db)).get(keyIdHex);
  if (!key) return false;
  try {
    return verify(null, payload, key.publicKey, signature);
  } catch {
    return false;
  }
}
