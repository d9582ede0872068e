import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, Ctx } from '../context.ts';
import { actorFromSession, actorFromToken } from '../identity/sessions.ts';
import { mfaSetupRequired } from '../identity/policy.ts';
import { Problem } from './problem.ts';

export const SESSION_COOKIE = 'amina_session';
export const CSRF_COOKIE = 'amina_csrf';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const OPEN_DURING_MFA_SETUP = /^\/api\/auth\//;

declare module 'fastify' {
  interface FastifyRequest { actor: Actor | null }
}

function sameToken(a: string | undefined, b: string | null): boolean {
  if (!a || !b || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/**
 * Resolves who is calling, from `Authorization: Bearer` or the session cookie, and enforces
 * CSRF on cookie-authenticated writes (header `X-CSRF-Token` must match the session's token).
 */
export function installAuth(app: FastifyInstance, ctx: Ctx) {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request: FastifyRequest) => {
    if (!request.url.startsWith('/api/')) return;
    const header = request.headers.authorization;
    let actor: Actor | null = null;
    if (header?.startsWith('Bearer ')) {
      actor = await actorFromToken(ctx, header.slice(7).trim());
      if (!actor) throw new Problem(401, 'problem.unauthorized');
    } else {
      const cookie = request.cookies[SESSION_COOKIE];
      if (cookie) actor = await actorFromSession(ctx, cookie);
      if (actor && !SAFE.has(request.method) && !sameToken(request.headers['x-csrf-token'] as string | undefined, actor.csrfToken)) {
        throw new Problem(403, 'problem.csrf');
      }
    }
    if (actor) {
      actor.ip = request.ip;
      if (mfaSetupRequired(actor) && !OPEN_DURING_MFA_SETUP.test(request.url)) throw new Problem(403, 'problem.mfa_setup_required');
    }
    request.actor = actor;
  });
}

/** The signed-in actor, or 401. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new Problem(401, 'problem.unauthorized');
  return request.actor;
}

export function setSessionCookies(reply: FastifyReply, ctx: Ctx, token: string, csrf: string) {
  const common = { path: '/', sameSite: 'strict' as const, secure: ctx.config.secureCookies };
  reply.setCookie(SESSION_COOKIE, token, { ...common, httpOnly: true, maxAge: ctx.config.sessionMaxHours * 3600 });
  reply.setCookie(CSRF_COOKIE, csrf, { ...common, httpOnly: false, maxAge: ctx.config.sessionMaxHours * 3600 });
}

export function clearSessionCookies(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}
