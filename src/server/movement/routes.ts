import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Figures, FiguresQuery, Origins, OriginsQuery, Trends, TrendsQuery } from '#domain/movement/figures';
import { MovementInput, MovementTimeline, MovementView, MovementWithdrawal } from '#domain/movement/schemas';
import { Household } from '#domain/registry/household';
import type { Ctx } from '../context.ts';
import { requireActor } from '../http/auth.ts';
import { displacementFigures, displacementOrigins, displacementTrends, figuresCsv } from './figures.ts';
import * as movements from './service.ts';

const IdParam = z.object({ id: z.uuid('uuid.invalid') });
const MovementParams = IdParam.extend({ movementId: z.uuid('uuid.invalid') });
const IdempotencyHeaders = z.object({ 'idempotency-key': z.string().trim().min(8, 'too_small').max(200, 'too_big').optional() });

/** A household's movements, and the displacement figures, trends and origins. */
export const movementRoutes = (ctx: Ctx): FastifyPluginAsyncZod => async (app) => {
  const tags = ['movement'];
  app.post('/households/:id/movements', {
    schema: { tags, params: IdParam, headers: IdempotencyHeaders, body: MovementInput, response: { 201: z.object({ movement: MovementView, household: Household }) } },
  }, async (request, reply) => {
    const result = await movements.recordMovement(ctx, requireActor(request), request.params.id, request.body, request.headers['idempotency-key']);
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return reply.status(result.status as 201).send(result.body);
  });

  app.get('/households/:id/movements', { schema: { tags, params: IdParam, response: { 200: MovementTimeline } } }, async (request) =>
    movements.householdTimeline(ctx, requireActor(request), request.params.id));

  app.post('/households/:id/movements/:movementId/withdraw', {
    schema: { tags, params: MovementParams, body: MovementWithdrawal, response: { 200: Household } },
  }, async (request) => movements.withdrawMovement(ctx, requireActor(request), request.params.id, request.params.movementId, request.body.reason));

  const figureTags = ['figures'];
  app.get('/figures/displacement', {
    schema: {
      tags: figureTags, querystring: FiguresQuery,
      description: 'Displaced families and individuals and returnees by governorate (level 1) or district (level 2) on a day. `format=csv` gives HXL-tagged CSV.',
      response: { 200: Figures.or(z.string()) },
    },
  }, async (request, reply) => {
    const figures = await displacementFigures(ctx, requireActor(request), request.query);
    if (request.query.format !== 'csv') return figures;
    const name = `displacement-${figures.source}-adm${figures.level}-${figures.date}.csv`;
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}"`).send(figuresCsv(figures));
  });

  app.get('/figures/trends', {
    schema: {
      tags: figureTags, querystring: TrendsQuery, response: { 200: Trends },
      description: 'Totals over time: the registry at each month end (at most 60 months, the latest kept; two years by default), or each closed round of assessments.',
    },
  }, async (request) =>
    displacementTrends(ctx, requireActor(request), request.query));

  app.get('/figures/origins', { schema: { tags: figureTags, querystring: OriginsQuery, response: { 200: Origins } } }, async (request) =>
    displacementOrigins(ctx, requireActor(request), request.query));
};
