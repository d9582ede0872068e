import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Flow, FlowInput, FlowList, FlowQuery, FlowUpdate } from '#domain/movement/flows';
import type { Ctx } from '../context.ts';
import { requireActor } from '../http/auth.ts';
import * as flows from './flows.ts';
import { IdParam, IdempotencyHeaders, sendCreated } from '../http/route-schemas.ts';

/** Flow monitoring: people counted at transit points by day, direction, sex and age group. */
export const flowRoutes = (ctx: Ctx): FastifyPluginAsyncZod => async (app) => {
  const tags = ['flows'];
  app.post('/flows', { schema: { tags, headers: IdempotencyHeaders, body: FlowInput, response: { 201: Flow } } }, async (request, reply) =>
    sendCreated(reply, await flows.recordFlow(ctx, requireActor(request), request.body, request.headers['idempotency-key'])));

  app.get('/flows', { schema: { tags, querystring: FlowQuery, response: { 200: FlowList } } }, async (request) =>
    flows.listFlows(ctx, requireActor(request), request.query));

  app.patch('/flows/:id', { schema: { tags, params: IdParam, body: FlowUpdate, response: { 200: Flow } } }, async (request) =>
    flows.updateFlow(ctx, requireActor(request), request.params.id, request.body));
};
