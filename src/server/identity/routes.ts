import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  LoginInput, Me, MfaCodeInput, Organization, OrganizationInput, PasswordChange, TokenInput, User, UserInput, UserUpdate,
} from '#domain/identity/schemas';
import type { Actor, Ctx } from '../context.ts';
import { clearSessionCookies, requireActor, setSessionCookies } from '../http/auth.ts';
import { mfaSetupRequired } from './policy.ts';
import * as sessions from './sessions.ts';
import * as mfa from './mfa.ts';
import * as users from './users.ts';

const IdParam = z.object({ id: z.uuid('uuid.invalid') });
const Ok = z.object({ ok: z.literal(true) });

function me(actor: Actor): Me {
  return {
    id: actor.userId, username: actor.username, displayName: actor.displayName,
    organization: {
      id: actor.organizationId, code: actor.organizationCode, name: actor.organizationName,
      nameAr: actor.organizationNameAr, nameCkb: actor.organizationNameCkb,
    },
    role: actor.role, permissions: [...actor.permissions].sort(), scope: [...actor.scope], locale: actor.locale,
    mfaEnabled: actor.mfaEnabled, mfaRequired: actor.mfaRequired, mfaSetupRequired: mfaSetupRequired(actor),
    csrfToken: actor.csrfToken,
  };
}

/** Sign-in, sessions, tokens, MFA, and the administration of organisations and users. */
export const identityRoutes = (ctx: Ctx): FastifyPluginAsyncZod => async (app) => {
  const auth = { tags: ['auth'] };
  app.post('/auth/login', {
    // Per address and username: a desk of clerks behind one NAT can still sign in together.
    config: {
      rateLimit: {
        max: Number(process.env.AMINA_LOGIN_RATE_LIMIT ?? 10), timeWindow: '1 minute', hook: 'preHandler',
        keyGenerator: (request) => `${request.ip}|${String((request.body as { username?: unknown } | undefined)?.username ?? '').toLowerCase()}`,
      },
    },
    schema: { ...auth, security: [], body: LoginInput, response: { 200: z.object({ user: Me }) } },
  }, async (request, reply) => {
    const { token, actor } = await sessions.login(ctx, request.body, { ip: request.ip, userAgent: request.headers['user-agent'] ?? null });
    setSessionCookies(reply, ctx, token, actor.csrfToken!);
    return { user: me(actor) };
  });

  app.post('/auth/logout', { schema: { ...auth, response: { 200: Ok } } }, async (request, reply) => {
    if (request.actor) await sessions.logout(ctx, request.actor);
    clearSessionCookies(reply);
    return { ok: true as const };
  });

  app.get('/auth/me', { schema: { ...auth, response: { 200: Me } } }, async (request) => me(requireActor(request)));

  app.post('/auth/password', { schema: { ...auth, body: PasswordChange, response: { 200: Ok } } }, async (request) => {
    await mfa.changePassword(ctx, requireActor(request), request.body.currentPassword, request.body.newPassword);
    return { ok: true as const };
  });

  app.get('/auth/tokens', {
    schema: { ...auth, response: { 200: z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable() })) }) } },
  }, async (request) => ({ items: await sessions.listApiTokens(ctx, requireActor(request)) }));

  app.post('/auth/tokens', {
    schema: { ...auth, body: TokenInput, response: { 201: z.object({ id: z.string(), name: z.string(), token: z.string() }) } },
  }, async (request, reply) => reply.status(201).send(await sessions.createApiToken(ctx, requireActor(request), request.body.name)));

  app.delete('/auth/tokens/:id', { schema: { ...auth, params: IdParam, response: { 200: Ok } } }, async (request) => {
    await sessions.revokeApiToken(ctx, requireActor(request), request.params.id);
    return { ok: true as const };
  });

  app.post('/auth/mfa/setup', {
    schema: { ...auth, response: { 200: z.object({ secret: z.string(), otpauthUrl: z.string(), qrDataUrl: z.string() }) } },
  }, async (request) => mfa.setupMfa(ctx, requireActor(request)));

  app.post('/auth/mfa/enable', { schema: { ...auth, body: MfaCodeInput, response: { 200: Ok } } }, async (request) => {
    await mfa.enableMfa(ctx, requireActor(request), request.body.code);
    return { ok: true as const };
  });

  app.post('/auth/mfa/disable', { schema: { ...auth, body: MfaCodeInput, response: { 200: Ok } } }, async (request) => {
    await mfa.disableMfa(ctx, requireActor(request), request.body.code);
    return { ok: true as const };
  });

  const admin = { tags: ['administration'] };
  app.get('/organizations', { schema: { ...admin, response: { 200: z.object({ items: z.array(Organization) }) } } }, async (request) => {
    requireActor(request);
    return { items: await users.listOrganizations(ctx) };
  });

  app.post('/organizations', { schema: { ...admin, body: OrganizationInput, response: { 201: Organization } } }, async (request, reply) =>
    reply.status(201).send(await users.createOrganization(ctx, requireActor(request), request.body)));

  app.get('/users', { schema: { ...admin, response: { 200: z.object({ items: z.array(User) }) } } }, async (request) =>
    ({ items: await users.listUsers(ctx, requireActor(request)) }));

  app.get('/users/:id', { schema: { ...admin, params: IdParam, response: { 200: User } } }, async (request) =>
    users.getUser(ctx, requireActor(request), request.params.id));

  app.post('/users', { schema: { ...admin, body: UserInput, response: { 201: User } } }, async (request, reply) =>
    reply.status(201).send(await users.createUser(ctx, requireActor(request), request.body)));

  app.patch('/users/:id', { schema: { ...admin, params: IdParam, body: UserUpdate, response: { 200: User } } }, async (request) =>
    users.updateUser(ctx, requireActor(request), request.params.id, request.body));

  app.get('/roles', {
    schema: { ...admin, response: { 200: z.object({ items: z.array(z.object({ code: z.string(), labels: z.record(z.string(), z.string()), permissions: z.array(z.string()) })) }) } },
  }, async (request) => {
    requireActor(request);
    return { items: await users.listRoles(ctx) };
  });
};
