import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Programme, ProgrammeInput, ProgrammeQuery, ProgrammeUpdate } from '#domain/assistance/programmes';
import type { Ctx } from '../context.ts';
import { requireActor } from '../http/auth.ts';
import { IdParam, IdempotencyHeaders, PageOf, sendCreated } from '../http/route-schemas.ts';
import { catalogueRoutes } from './catalogue-routes.ts';
import * as programmes from './programmes.ts';
import { reportRoutes } from './report-routes.ts';
import { roundRoutes } from './round-routes.ts';

/** Assistance: the catalogue and weights (catalogue-routes.ts), programmes, their distribution rounds (round-routes.ts) and reports (report-routes.ts). */
export const assistanceRoutes = (ctx: Ctx): FastifyPluginAsyncZod => async (app) => {
  const tags = ['assistance'];
  await app.register(catalogueRoutes(ctx));

  app.get('/programmes', { schema: { tags, querystring: ProgrammeQuery, response: { 200: PageOf(Programme) } } }, async (request) =>
    programmes.listProgrammes(ctx, requireActor(request), request.query));

  app.post('/programmes', {
    schema: { tags, headers: IdempotencyHeaders, body: ProgrammeInput, description: 'A programme of your organisation (`assistance.manage`).', response: { 201: Programme } },
  }, async (request, reply) =>
    sendCreated(reply, await programmes.createProgramme(ctx, requireActor(request), request.body, request.headers['idempotency-key'])));

  app.get('/programmes/:id', { schema: { tags, params: IdParam, response: { 200: Programme } } }, async (request) =>
    programmes.getProgramme(ctx, requireActor(request), request.params.id));

  app.patch('/programmes/:id', {
    schema: { tags, params: IdParam, body: ProgrammeUpdate, description: 'Changes at the version read (a stale one: 409 with the current programme).', response: { 200: Programme } },
  }, async (request) => programmes.updateProgramme(ctx, requireActor(request), request.params.id, request.body));

  await app.register(roundRoutes(ctx));
  await app.register(reportRoutes(ctx));
};
