import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AdjustmentInput, CountInput, DispatchInput, DispatchQuery, LedgerQuery, LevelQuery, ReceiptInput, ReceiveInput,
  STOCK_LOCATION_KINDS, StockLocationInput, StockLocationQuery, StockLocationUpdate, ThresholdsInput,
} from '#domain/assistance/stock';
import {
  Adjustment, Count, Dispatch, LedgerEntry, LocationRef, Receipt, StockAlerts, StockLevel, StockLocation, StockReason,
} from '#domain/assistance/stock-views';
import { CodeParam, ReasonInput, ReasonQuery, ReasonUpdate } from '#domain/assistance/configuration';
import type { Ctx } from '../context.ts';
import { requireActor } from '../http/auth.ts';
import { IdParam, IdempotencyHeaders, PageOf, sendCreated } from '../http/route-schemas.ts';
import * as dispatches from './dispatches.ts';
import * as locations from './locations.ts';
import * as reasons from './reasons.ts';
import * as stock from './service.ts';

const DestinationQuery = z.object({
  q: z.string().trim().max(100, 'text.too_long').optional(),
  kind: z.enum(STOCK_LOCATION_KINDS, 'invalid_value').optional(),
});

/** Warehouses and distribution points, their stock, and every movement of it. */
export const stockRoutes = (ctx: Ctx): FastifyPluginAsyncZod => async (app) => {
  const tags = ['stock'];
  const created = { headers: IdempotencyHeaders };

  app.get('/stock/locations', { schema: { tags, querystring: StockLocationQuery, response: { 200: PageOf(StockLocation) } } }, async (request) =>
    locations.listStockLocations(ctx, requireActor(request), request.query));

  app.post('/stock/locations', { schema: { tags, ...created, body: StockLocationInput, response: { 201: StockLocation } } }, async (request, reply) =>
    sendCreated(reply, await locations.registerStockLocation(ctx, requireActor(request), request.body, request.headers['idempotency-key'])));

  app.get('/stock/locations/:id', { schema: { tags, params: IdParam, response: { 200: StockLocation } } }, async (request) =>
    locations.getStockLocation(ctx, requireActor(request), request.params.id));

  app.patch('/stock/locations/:id', { schema: { tags, params: IdParam, body: StockLocationUpdate, response: { 200: StockLocation } } }, async (request) =>
    locations.updateStockLocation(ctx, requireActor(request), request.params.id, request.body));

  app.put('/stock/locations/:id/thresholds', {
    schema: { tags, params: IdParam, body: ThresholdsInput, response: { 200: z.object({ items: z.array(StockLevel) }) } },
  }, async (request) => locations.setThresholds(ctx, requireActor(request), request.params.id, request.body));

  app.get('/stock/destinations', {
    schema: { tags, querystring: DestinationQuery, description: 'Open places of every organisation, to send a dispatch to.', response: { 200: z.object({ items: z.array(LocationRef) }) } },
  }, async (request) => locations.listDestinations(ctx, requireActor(request), request.query));

  app.get('/stock/levels', { schema: { tags, querystring: LevelQuery, response: { 200: PageOf(StockLevel) } } }, async (request) =>
    stock.stockLevels(ctx, requireActor(request), request.query));

  app.get('/stock/alerts', { schema: { tags, response: { 200: StockAlerts } } }, async (request) =>
    stock.stockAlerts(ctx, requireActor(request)));

  app.get('/stock/ledger', { schema: { tags, querystring: LedgerQuery, response: { 200: PageOf(LedgerEntry) } } }, async (request) =>
    stock.stockLedger(ctx, requireActor(request), request.query));

  app.get('/stock/reasons', {
    schema: {
      tags, querystring: ReasonQuery, response: { 200: z.object({ items: z.array(StockReason) }) },
      description: 'The reasons for counts\' differences and adjustments: active ones; `?all=true`: every one, with `active`, `position` and `version`.',
    },
  }, async (request) => reasons.stockReasons(ctx, requireActor(request), request.query));

  app.post('/stock/reasons', {
    schema: {
      tags, ...created, body: ReasonInput, response: { 201: StockReason },
      description: 'Adds a reason (`assistance.configure`): its code and direction (`in`, `out`, `both`) never change afterwards.',
    },
  }, async (request, reply) => sendCreated(reply, await reasons.createReason(ctx, requireActor(request), request.body, request.headers['idempotency-key'])));

  app.patch('/stock/reasons/:code', {
    schema: {
      tags, params: CodeParam, body: ReasonUpdate, response: { 200: StockReason },
      description: 'Changes a reason\'s names, `active` or `position` at the version read (`assistance.configure`); a stale version is a 409 with the reason as it is.',
    },
  }, async (request) => reasons.updateReason(ctx, requireActor(request), request.params.code, request.body));

  app.post('/stock/receipts', { schema: { tags, ...created, body: ReceiptInput, response: { 201: Receipt } } }, async (request, reply) =>
    sendCreated(reply, await stock.recordReceipt(ctx, requireActor(request), request.body, request.headers['idempotency-key'])));

  app.get('/stock/receipts/:id', { schema: { tags, params: IdParam, response: { 200: Receipt } } }, async (request) =>
    stock.getReceipt(ctx, requireActor(request), request.params.id));

  app.post('/stock/counts', { schema: { tags, ...created, body: CountInput, response: { 201: Count } } }, async (request, reply) =>
    sendCreated(reply, await stock.recordCount(ctx, requireActor(request), request.body, request.headers['idempotency-key'])));

  app.get('/stock/counts/:id', { schema: { tags, params: IdParam, response: { 200: Count } } }, async (request) =>
    stock.getCount(ctx, requireActor(request), request.params.id));

  app.post('/stock/adjustments', { schema: { tags, ...created, body: AdjustmentInput, response: { 201: Adjustment } } }, async (request, reply) =>
    sendCreated(reply, await stock.adjustStock(ctx, requireActor(request), request.body, request.headers['idempotency-key'])));

  app.post('/stock/dispatches', { schema: { tags, ...created, body: DispatchInput, response: { 201: Dispatch } } }, async (request, reply) =>
    sendCreated(reply, await dispatches.dispatchStock(ctx, requireActor(request), request.body, request.headers['idempotency-key'])));

  app.get('/stock/dispatches', { schema: { tags, querystring: DispatchQuery, response: { 200: PageOf(Dispatch) } } }, async (request) =>
    dispatches.listDispatches(ctx, requireActor(request), request.query));

  app.get('/stock/dispatches/:id', { schema: { tags, params: IdParam, response: { 200: Dispatch } } }, async (request) =>
    dispatches.getDispatch(ctx, requireActor(request), request.params.id));

  app.post('/stock/dispatches/:id/receive', {
    schema: { tags, ...created, params: IdParam, body: ReceiveInput, response: { 200: Dispatch } },
  }, async (request, reply) =>
    sendCreated(reply, await dispatches.receiveDispatch(ctx, requireActor(request), request.params.id, request.body, request.headers['idempotency-key'])));
};
