import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CheckInput, CheckResponse, DecisionInput, DecisionResponse, PairPage, PairQuery, UndoResponse } from '#domain/dedup/api';
import type { Ctx } from '../context.ts';
import { requireActor } from '../http/auth.ts';
import { checkHousehold } from './check.ts';
import { decidePair, listPairs, undoMerge } from './review.ts';

const IdParam = z.object({ id: z.uuid('uuid.invalid') });

/** Deduplication: the check at the desk, the review queue, decisions and merges. */
export const dedupRoutes = (ctx: Ctx): FastifyPluginAsyncZod => async (app) => {
  const tags = ['dedup'];
  app.post('/dedup/check', {
    schema: {
      tags, body: CheckInput, response: { 200: CheckResponse },
      description: 'Existing households that may be the same family as this one: the body of POST /api/households, of which only the members are required. Nothing is saved.',
    },
  }, async (request) => checkHousehold(ctx, requireActor(request), request.body));

  app.get('/dedup/pairs', {
    schema: { tags, querystring: PairQuery, response: { 200: PairPage }, description: 'The review queue: pairs of households, best score first.' },
  }, async (request) => listPairs(ctx, requireActor(request), request.query));

  app.post('/dedup/pairs/:id/decision', {
    schema: {
      tags, params: IdParam, body: DecisionInput, response: { 200: DecisionResponse },
      description: '"same" merges the two households into one record, or for an individual pair links the person\'s later record to the other (undoable either way); "different" is remembered and never proposed again.',
    },
  }, async (request) => decidePair(ctx, requireActor(request), request.params.id, request.body));

  app.post('/dedup/merges/:id/undo', {
    schema: { tags, params: IdParam, response: { 200: UndoResponse }, description: 'Restores both households as they were before the merge, or removes the link an individual pair made.' },
  }, async (request) => undoMerge(ctx, requireActor(request), request.params.id));
};
