import { v7 as uuidv7 } from 'uuid';
import { verify as verifyTotp } from 'otplib';
import type { LoginInput } from '#domain/identity/schemas';
import type { Actor, Ctx } from '../context.ts';
import { Problem } from '../http/problem.ts';
import { randomToken, sha256 } from '../shared/crypto.ts';
import { audit, inTransaction } from '../shared/tx.ts';
import { verifyPassword } from './passwords.ts';
import * as store from './store.ts';

export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;

export interface RequestInfo { ip: string | null; userAgent: string | null }

/** Checks a TOTP code against the sealed secret, allowing one step of clock drift either way. */
export async function totpMatches(ctx: Ctx, sealedSecret: string | null, code: string | undefined): Promise<boolean> {
  if (!sealedSecret || !code) return false;
  const secret = ctx.sealer.open(sealedSecret);
  const result = await verifyTotp({ secret, token: code, epochTolerance: 30 }).catch(() => ({ valid: false }));
  return result.valid;
}

function lockedProblem(until: Date): Problem {
  const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60000));
  return new Problem(429, 'problem.locked', { params: { minutes }, headers: { 'retry-after': String(minutes * 60) } });
}

/**
 * Signs a person in: password (argon2id), then the TOTP code when MFA is on. Five failures lock
 * the account for fifteen minutes; every attempt is audited. Returns the new session's cookie value.
 */
export async function login(ctx: Ctx, input: LoginInput, req: RequestInfo) {
  const user = await store.userByUsername(ctx.db.kysely, input.username);
  const who = { userId: user?.id ?? null, username: input.username, organizationCode: null, ip: req.ip } as any;
  if (user?.locked_until && new Date(user.locked_until) > new Date()) {
    await inTransaction(ctx, (trx) => audit(trx, who, 'auth.login_locked', 'user', user.id));
    throw lockedProblem(new Date(user.locked_until));
  }
  const passwordOk = await verifyPassword(user?.password_hash ?? null, input.password);
  if (!user || !passwordOk || !user.active) return failLogin(ctx, user?.id ?? null, who, 'password');
  if (user.mfa_enabled) {
    if (!input.code) throw new Problem(401, 'problem.mfa_required', { extra: { mfaRequired: true } });
    if (!(await totpMatches(ctx, user.mfa_secret, input.code))) return failLogin(ctx, user.id, who, 'mfa');
  }
  const token = randomToken();
  const csrf = randomToken(24);
  await inTransaction(ctx, async (trx) => {
    await store.clearFailedLogins(trx, user.id);
    await store.insertSession(trx, { id: sha256(token), userId: user.id, csrf, maxHours: ctx.config.sessionMaxHours, ...req });
    await audit(trx, who, 'auth.login', 'user', user.id, { mfa: user.mfa_enabled });
  });
  const actor = await store.actorBySession(ctx.db.kysely, sha256(token), ctx.config.sessionIdleMinutes);
  return { token, actor: actor! };
}

async function failLogin(ctx: Ctx, userId: string | null, who: any, factor: string): Promise<never> {
  const lock = await inTransaction(ctx, async (trx) => {
    const state = userId ? await store.recordFailedLogin(trx, userId, MAX_FAILURES, LOCK_MINUTES) : null;
    await audit(trx, who, 'auth.login_failed', 'user', userId, { factor, locked: Boolean(state?.locked_until) });
    return state?.locked_until && new Date(state.locked_until) > new Date() ? new Date(state.locked_until) : null;
  });
  if (lock) throw lockedProblem(lock);
  throw new Problem(401, factor === 'mfa' ? 'mfa.code_invalid' : 'problem.login_failed', { extra: factor === 'mfa' ? { mfaRequired: true } : {} });
}

/** Ends the session behind the cookie. */
export async function logout(ctx: Ctx, actor: Actor) {
  if (!actor.sessionId) return;
  await inTransaction(ctx, async (trx) => {
    await store.deleteSession(trx, actor.sessionId!);
    await audit(trx, actor, 'auth.logout', 'user', actor.userId);
  });
}

/** The actor behind a session cookie value, or null when it is unknown, expired or idle. */
export function actorFromSession(ctx: Ctx, cookieValue: string) {
  return store.actorBySession(ctx.db.kysely, sha256(cookieValue), ctx.config.sessionIdleMinutes);
}

/** The actor behind a personal API token, or null when unknown or revoked. */
export function actorFromToken(ctx: Ctx, token: string) {
  return store.actorByToken(ctx.db.kysely, sha256(token));
}

/** Creates a personal API token; its value is shown once and stored only as a hash. */
export async function createApiToken(ctx: Ctx, actor: Actor, name: string) {
  const id = uuidv7();
  const token = `amina_${randomToken()}`;
  await inTransaction(ctx, async (trx) => {
    await store.insertApiToken(trx, { id, userId: actor.userId, name, hash: sha256(token) });
    await audit(trx, actor, 'auth.token_created', 'api_token', id, { name });
  });
  return { id, name, token };
}

export async function listApiTokens(ctx: Ctx, actor: Actor) {
  const rows = await store.listApiTokens(ctx.db.kysely, actor.userId);
  return rows.map((r) => ({ id: r.id, name: r.name, createdAt: iso(r.created_at)!, lastUsedAt: iso(r.last_used_at) }));
}

export async function revokeApiToken(ctx: Ctx, actor: Actor, id: string) {
  const done = await inTransaction(ctx, async (trx) => {
    const ok = await store.revokeApiToken(trx, actor.userId, id);
    if (ok) await audit(trx, actor, 'auth.token_revoked', 'api_token', id);
    return ok;
  });
  if (!done) throw new Problem(404, 'problem.not_found');
}

function iso(d: Date | string | null | undefined) {
  return d ? new Date(d).toISOString() : null;
}
