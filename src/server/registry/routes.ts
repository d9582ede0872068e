import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Candidate } from '#domain/dedup/api';
import { Household, HouseholdInput, HouseholdQuery, HouseholdSummary, HouseholdUpdate } from '#domain/registry/household';
import type { Ctx } from '../context.ts';
import { requireActor } from '../http/auth.ts';
import * as registry from './service.ts';

const IdParam = z.object({ id: z.uuid('uuid.invalid') });
/** A registration's answer: the household, and the existing families it may duplicate (see /api/dedup/check). */
const Registered = Household.extend({ possibleDuplicates: z.array(Candidate) });
const IdempotencyHeaders = z.object({ 'idempotency-key': z.string().trim().min(8, 'too_small').max(200, 'too_big').optional() });
const HistoryEntry = z.object({
  version: z.number().int(), at: z.string(), action: z.string(),
  actor: z.object({ id: z.string().nullable(), username: z.string().nullable() }),
  changes: z.array(z.object({ path: z.string(), from: z.unknown(), to: z.unknown() })),
});

/** The household registry: register, search, read, edit at a version, history. */
export const registryRoutes = (ctx: Ctx): FastifyPluginAsyncZod => async (app) => {
  const tags = ['registry'];
  app.post('/households', {
    schema: { tags, headers: IdempotencyHeaders, body: HouseholdInput, response: { 201: Registered } },
  }, async (request, reply) => {
    const result = await registry.registerHousehold(ctx, requireActor(request), request.body, request.headers['idempotency-key']);
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return reply.status(result.status as 201).send(result.body);
  });

  app.get('/households', {
    schema: { tags, querystring: HouseholdQuery, response: { 200: z.object({ items: z.array(HouseholdSummary), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }) } },
  }, async (request) => registry.searchHouseholds(ctx, requireActor(request), request.query));

  app.get('/households/:id', { schema: { tags, params: IdParam, response: { 200: Household } } }, async (request) =>
    registry.getHousehold(ctx, requireActor(request), request.params.id));

  app.patch('/households/:id', {
    schema: { tags, params: IdParam, body: HouseholdUpdate, response: { 200: Household } },
  }, async (request) => registry.updateHousehold(ctx, requireActor(request), request.params.id, request.body));

  app.get('/households/:id/history', {
    schema: { tags, params: IdParam, response: { 200: z.object({ items: z.array(HistoryEntry) }) } },
  }, async (request) => ({ items: await registry.householdHistory(ctx, requireActor(request), request.params.id) }));
};
