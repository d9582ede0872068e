import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Catalogue, CatalogueItem, Weight, Weights } from '#domain/assistance/catalogue';
import {
  CatalogueQuery, CodeParam, CriterionParam, ItemInput, ItemUpdate, VersionQuery, WeightInput, WeightUpdate,
} from '#domain/assistance/configuration';
import type { Ctx } from '../context.ts';
import { requireActor } from '../http/auth.ts';
import { IdempotencyHeaders, sendCreated } from '../http/route-schemas.ts';
import { createItem, updateItem } from './catalogue-config.ts';
import { assistanceCatalogue, vulnerabilityWeights } from './catalogue.ts';
import { createWeight, deleteWeight, updateWeight } from './weights.ts';

const Ok = z.object({ ok: z.literal(true) });

/** The shared catalogue (items, kits, cash) and the weights of the vulnerability score: read by assistance, changed by `assistance.configure`. */
export const catalogueRoutes = (ctx: Ctx): FastifyPluginAsyncZod => async (app) => {
  const tags = ['assistance'];
  app.get('/assistance/catalogue', {
    schema: {
      tags, querystring: CatalogueQuery, response: { 200: Catalogue },
      description: 'Items, kits with their components, cash transfers (IQD) and the MCOF sectors, with labels in en, ar and ckb. Active entries only; '
        + '`?all=true`: inactive ones too, each with `active`, `position` and `version` (to configure them, and to name what was issued before).',
    },
  }, async (request) => assistanceCatalogue(ctx, requireActor(request), request.query));

  app.post('/assistance/items', {
    schema: {
      tags, headers: IdempotencyHeaders, body: ItemInput, response: { 201: CatalogueItem },
      description: 'Adds an item, a kit (`components`: the active items it holds) or a cash transfer (unit `iqd`), listed last (`assistance.configure`). A code taken is a 409.',
    },
  }, async (request, reply) => sendCreated(reply, await createItem(ctx, requireActor(request), request.body, request.headers['idempotency-key'])));

  app.patch('/assistance/items/:code', {
    schema: {
      tags, params: CodeParam, body: ItemUpdate, response: { 200: CatalogueItem },
      description: 'Changes an entry at the version read (`assistance.configure`); code and kind never change. `active: false` keeps it out of new formulas. '
        + "409: a stale version (with the entry as it is); a kit's `components` while a submitted, approved or issued round hands it out (make a new kit); "
        + 'deactivating an item held by an active kit.',
    },
  }, async (request) => updateItem(ctx, requireActor(request), request.params.code, request.body));

  app.get('/assistance/weights', {
    schema: { tags, description: 'The configured weights of the vulnerability score; `counted: false` for a criterion the score does not use.', response: { 200: Weights } },
  }, async (request) => vulnerabilityWeights(ctx, requireActor(request)));

  app.post('/assistance/weights', {
    schema: {
      tags, headers: IdempotencyHeaders, body: WeightInput, response: { 201: Weight },
      description: 'Adds the weight of a criterion the score understands (`need:SM`, `size:7+`, `size:4-6`, `shelter:camp`, `head:female`, `head:elderly`, `status:returned`...); '
        + 'never a sensitive need (`assistance.configure`). Rounds already submitted keep the weights they were submitted with.',
    },
  }, async (request, reply) => sendCreated(reply, await createWeight(ctx, requireActor(request), request.body, request.headers['idempotency-key'])));

  app.patch('/assistance/weights/:criterion', {
    schema: { tags, params: CriterionParam, body: WeightUpdate, description: 'Changes a weight or its names at the version read (`assistance.configure`).', response: { 200: Weight } },
  }, async (request) => updateWeight(ctx, requireActor(request), request.params.criterion, request.body));

  app.delete('/assistance/weights/:criterion', {
    schema: { tags, params: CriterionParam, querystring: VersionQuery, description: 'Removes a weight at the version read (`?version=`; `assistance.configure`).', response: { 200: Ok } },
  }, async (request) => deleteWeight(ctx, requireActor(request), request.params.criterion, request.query.version));
};
