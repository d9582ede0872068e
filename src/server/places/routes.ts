import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Area, AreaQuery, Reference, Site, SiteInput, SiteQuery, SiteUpdate } from '#domain/places/schemas';
import { PCODE } from '#domain/places/pcode';
import type { Ctx } from '../context.ts';
import { requireActor } from '../http/auth.ts';
import * as places from './service.ts';

const IdParam = z.object({ id: z.uuid('uuid.invalid') });

/** Admin areas with P-codes, their boundaries, sites, and the reference lists. */
export const placesRoutes = (ctx: Ctx): FastifyPluginAsyncZod => async (app) => {
  const tags = ['places'];
  app.get('/areas', { schema: { tags, querystring: AreaQuery, response: { 200: z.object({ items: z.array(Area) }) } } }, async (request) => {
    requireActor(request);
    return { items: await places.listAreas(ctx, request.query) };
  });

  app.get('/areas/boundaries', {
    schema: { tags, querystring: z.object({ level: z.coerce.number().int().min(1, 'invalid_value').max(3, 'invalid_value').default(1) }) },
  }, async (request) => {
    requireActor(request);
    return places.boundaries(ctx, request.query.level);
  });

  app.get('/areas/:pcode', {
    schema: { tags, params: z.object({ pcode: z.string().toUpperCase().regex(PCODE, 'pcode.invalid') }), response: { 200: Area.extend({ parents: z.array(Area) }) } },
  }, async (request) => {
    requireActor(request);
    return places.getArea(ctx, request.params.pcode);
  });

  app.get('/sites', { schema: { tags, querystring: SiteQuery, response: { 200: z.object({ items: z.array(Site) }) } } }, async (request) => {
    requireActor(request);
    return { items: await places.listSites(ctx, request.query) };
  });

  app.get('/sites/:id', { schema: { tags, params: IdParam, response: { 200: Site } } }, async (request) => {
    requireActor(request);
    return places.getSite(ctx, request.params.id);
  });

  app.post('/sites', { schema: { tags, body: SiteInput, response: { 201: Site } } }, async (request, reply) =>
    reply.status(201).send(await places.createSite(ctx, requireActor(request), request.body)));

  app.patch('/sites/:id', { schema: { tags, params: IdParam, body: SiteUpdate, response: { 200: Site } } }, async (request) =>
    places.updateSite(ctx, requireActor(request), request.params.id, request.body));

  app.get('/reference', { schema: { tags, response: { 200: Reference } } }, async (request) => {
    requireActor(request);
    return places.reference(ctx);
  });
};
