import { generateSecret, generateURI } from 'otplib';
import QRCode from 'qrcode';
import type { Actor, Ctx } from '../context.ts';
import { Problem } from '../http/problem.ts';
import { audit, inTransaction } from '../shared/tx.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { totpMatches } from './sessions.ts';
import * as store from './store.ts';

/** Starts TOTP enrolment: a new secret (sealed at rest) that becomes active once a code confirms it. */
export async function setupMfa(ctx: Ctx, actor: Actor) {
  const secret = generateSecret();
  const otpauthUrl = generateURI({ issuer: 'Amina', label: actor.username, secret });
  await inTransaction(ctx, async (trx) => {
    await store.setMfa(trx, actor.userId, { mfa_secret: ctx.sealer.seal(secret), mfa_enabled: false });
    await audit(trx, actor, 'auth.mfa_setup', 'user', actor.userId);
  });
  return { secret, otpauthUrl, qrDataUrl: await QRCode.toDataURL(otpauthUrl) };
}

/** Turns MFA on when the code matches the secret being enrolled. */
export async function enableMfa(ctx: Ctx, actor: Actor, code: string) {
  const user = await store.userById(ctx.db.kysely, actor.userId);
  if (!user?.mfa_secret) throw new Problem(409, 'mfa.not_set_up');
  if (!(await totpMatches(ctx, user.mfa_secret, code))) throw invalidCode();
  await inTransaction(ctx, async (trx) => {
    await store.setMfa(trx, actor.userId, { mfa_enabled: true });
    await audit(trx, actor, 'auth.mfa_enabled', 'user', actor.userId);
  });
}

/** Turns MFA off (with a current code), unless the administrator requires it. */
export async function disableMfa(ctx: Ctx, actor: Actor, code: string) {
  const user = await store.userById(ctx.db.kysely, actor.userId);
  if (!user?.mfa_enabled) throw new Problem(409, 'mfa.not_set_up');
  if (user.mfa_required) throw new Problem(403, 'problem.forbidden');
  if (!(await totpMatches(ctx, user.mfa_secret, code))) throw invalidCode();
  await inTransaction(ctx, async (trx) => {
    await store.setMfa(trx, actor.userId, { mfa_enabled: false, mfa_secret: null });
    await audit(trx, actor, 'auth.mfa_disabled', 'user', actor.userId);
  });
}

/** Changes one's own password; other sessions of the user end. */
export async function changePassword(ctx: Ctx, actor: Actor, current: string, next: string) {
  const user = await store.userById(ctx.db.kysely, actor.userId);
  if (!user || !(await verifyPassword(user.password_hash, current))) {
    throw new Problem(422, 'problem.validation', { errors: [{ path: 'currentPassword', key: 'problem.login_failed' }] });
  }
  const hash = await hashPassword(next);
  await inTransaction(ctx, async (trx) => {
    await store.setPassword(trx, actor.userId, hash);
    await store.deleteUserSessions(trx, actor.userId, actor.sessionId);
    await audit(trx, actor, 'auth.password_changed', 'user', actor.userId);
  });
}

function invalidCode() {
  return new Problem(422, 'problem.validation', { errors: [{ path: 'code', key: 'mfa.code_invalid' }] });
}
