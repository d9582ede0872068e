import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  Assessment, AssessmentInput, AssessmentQuery, AssessmentUpdate, Location, LocationInput, LocationQuery, LocationUpdate, Round, RoundInput, RoundQuery,
} from '#domain/movement/assessments';
import type { Ctx } from '../context.ts';
import { requireActor } from '../http/auth.ts';
import { flowRoutes } from './flow-routes.ts';
import * as locations from './locations.ts';
import { masterListRoutes } from './master-list-routes.ts';
import { IdParam, IdempotencyHeaders, PageOf, sendCreated } from '../http/route-schemas.ts';
import * as rounds from './rounds.ts';
import * as assessments from './service.ts';

/** DTM mobility tracking: locations, rounds, location assessments, the master list, and flow monitoring. */
export const assessmentRoutes = (ctx: Ctx): FastifyPluginAsyncZod => async (app) => {
  const tags = ['assessments'];
  app.get('/locations', { schema: { tags, querystring: LocationQuery, response: { 200: PageOf(Location) } } }, async (request) =>
    locations.listLocations(ctx, requireActor(request), request.query));

  app.post('/locations', {
    schema: { tags, headers: IdempotencyHeaders, body: LocationInput, response: { 201: Location } },
  }, async (request, reply) =>
    sendCreated(reply, await locations.createLocation(ctx, requireActor(request), request.body, request.headers['idempotency-key'])));

  app.get('/locations/:id', { schema: { tags, params: IdParam, response: { 200: Location } } }, async (request) =>
    locations.getLocation(ctx, requireActor(request), request.params.id));

  app.patch('/locations/:id', { schema: { tags, params: IdParam, body: LocationUpdate, response: { 200: Location } } }, async (request) =>
    locations.updateLocation(ctx, requireActor(request), request.params.id, request.body));

  app.get('/rounds', { schema: { tags, querystring: RoundQuery, response: { 200: PageOf(Round) } } }, async (request) =>
    rounds.listRounds(ctx, requireActor(request), request.query));

  app.post('/rounds', { schema: { tags, headers: IdempotencyHeaders, body: RoundInput, response: { 201: Round } } }, async (request, reply) =>
    sendCreated(reply, await rounds.createRound(ctx, requireActor(request), request.body, request.headers['idempotency-key'])));

  app.get('/rounds/:id', { schema: { tags, params: IdParam, response: { 200: Round } } }, async (request) =>
    rounds.getRound(ctx, requireActor(request), request.params.id));

  app.post('/rounds/:id/close', {
    schema: { tags, params: IdParam, description: 'Closes (locks) the round for good: its assessments can no longer change, and figures count it.', response: { 200: Round } },
  }, async (request) => rounds.closeRound(ctx, requireActor(request), request.params.id));

  app.post('/assessments', {
    schema: { tags, headers: IdempotencyHeaders, body: AssessmentInput, response: { 201: Assessment } },
  }, async (request, reply) =>
    sendCreated(reply, await assessments.recordAssessment(ctx, requireActor(request), request.body, request.headers['idempotency-key'])));

  app.get('/assessments', { schema: { tags, querystring: AssessmentQuery, response: { 200: PageOf(Assessment) } } }, async (request) =>
    assessments.listAssessments(ctx, requireActor(request), request.query));

  app.get('/assessments/:id', { schema: { tags, params: IdParam, response: { 200: Assessment } } }, async (request) =>
    assessments.getAssessment(ctx, requireActor(request), request.params.id));

  app.patch('/assessments/:id', { schema: { tags, params: IdParam, body: AssessmentUpdate, response: { 200: Assessment } } }, async (request) =>
    assessments.updateAssessment(ctx, requireActor(request), request.params.id, request.body));

  await app.register(masterListRoutes(ctx));
  await app.register(flowRoutes(ctx));
};
