import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  Card, CardInput, Conflict, ConflictResolution, EntitlementView, Lookup, LookupQuery, PointList, PrintableCard, Redemption,
  RedemptionInput, SigningKeys, SyncInput, SyncResult,
} from '#domain/assistance/distribution';
import { pickLocale } from '#domain/i18n/errors';
import type { Ctx } from '../context.ts';
import { requireActor } from '../http/auth.ts';
import { IdParam, IdempotencyHeaders } from '../http/route-schemas.ts';
import { currentCard, householdCards, printCard } from './cards.ts';
import { publicKeys } from './keys.ts';
import { listConflicts, pointList, resolveConflict, syncRedemptions } from './offline.ts';
import { lookup, redeem } from './redeem.ts';

/** Household cards, redemption at distribution points (online and offline), conflicts. */
export const distributionRoutes = (ctx: Ctx): FastifyPluginAsyncZod => async (app) => {
  const tags = ['distribution'];
  app.post('/households/:id/cards', { schema: { tags, params: IdParam, body: CardInput, response: { 201: PrintableCard } } }, async (request, reply) =>
    reply.status(201).send(await printCard(ctx, requireActor(request), request.params.id, request.body.reason)));

  app.get('/households/:id/cards', { schema: { tags, params: IdParam, response: { 200: z.object({ items: z.array(Card) }) } } }, async (request) =>
    ({ items: await householdCards(ctx, requireActor(request), request.params.id) }));

  app.get('/households/:id/cards/current', { schema: { tags, params: IdParam, response: { 200: PrintableCard } } }, async (request) =>
    currentCard(ctx, requireActor(request), request.params.id));

  app.get('/cards/keys', { schema: { tags, response: { 200: SigningKeys } } }, async (request) => {
    requireActor(request);
    return { keys: await publicKeys(ctx, ctx.db.kysely) };
  });

  app.get('/distribution/lookup', { schema: { tags, querystring: LookupQuery, response: { 200: Lookup } } }, async (request) =>
    lookup(ctx, requireActor(request), request.query));

  app.post('/redemptions', {
    schema: {
      tags, headers: IdempotencyHeaders, body: RedemptionInput, response: { 201: z.object({ redemption: Redemption, entitlement: EntitlementView }) },
      description: 'Records a collection, once: every later attempt, at any point, is a 409 with when and where it was collected (`redemption`).',
    },
  }, async (request, reply) => {
    const result = await redeem(ctx, requireActor(request), request.body, request.headers['idempotency-key']);
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return reply.status(result.status as 201).send(result.body);
  });

  app.get('/points/:id/list', { schema: { tags, params: IdParam, response: { 200: PointList } } }, async (request) =>
    pointList(ctx, requireActor(request), request.params.id));

  app.post('/redemptions/sync', { schema: { tags, body: SyncInput, response: { 200: SyncResult } } }, async (request) =>
    syncRedemptions(ctx, requireActor(request), request.body, pickLocale(request.headers['accept-language'])));

  app.get('/redemption-conflicts', {
    schema: { tags, querystring: z.object({ status: z.enum(['open', 'resolved'], 'invalid_value').optional() }), response: { 200: z.object({ items: z.array(Conflict) }) } },
  }, async (request) => ({ items: await listConflicts(ctx, requireActor(request), request.query.status) }));

  app.post('/redemption-conflicts/:id/resolve', { schema: { tags, params: IdParam, body: ConflictResolution, response: { 200: Conflict } } }, async (request) =>
    resolveConflict(ctx, requireActor(request), request.params.id, request.body.resolution, request.body.note));
};
