import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Dashboard, DashboardQuery, DistributionSheet, Reach, ReachQuery, SheetQuery, ThreeW, ThreeWQuery } from '#domain/assistance/reports';
import type { Ctx } from '../context.ts';
import { requireActor } from '../http/auth.ts';
import { assistanceDashboard, distributionSheet, reachReport, threeWCsv, threeWRows } from './reports.ts';

/** Assistance reports (`assistance.read`, the reader's organisation and scope). */
export const reportRoutes = (ctx: Ctx): FastifyPluginAsyncZod => async (app) => {
  const tags = ['assistance reports'];
  app.get('/assistance/reports/reach', {
    schema: {
      tags, querystring: ReachQuery, response: { 200: Reach },
      description: 'Households and people targeted (entitlements issued) and reached (collected), by governorate or district, programme or sector, with sex and age groups.',
    },
  }, async (request) => reachReport(ctx, requireActor(request), request.query));

  app.get('/assistance/reports/distribution-sheet', {
    schema: { tags, querystring: SheetQuery, description: 'Who collected what at a distribution point on a day (UTC), with totals: for printing.', response: { 200: DistributionSheet } },
  }, async (request) => distributionSheet(ctx, requireActor(request), request.query));

  app.get('/assistance/reports/3w', {
    schema: {
      tags, querystring: ThreeWQuery, response: { 200: ThreeW.or(z.string()) },
      description: '3W/4W: one row per programme, round and district with targeted and reached households and people. `format=csv` (default) gives HXL-tagged CSV (#org+impl, #sector, #adm1+code, #adm2+code, #activity, #targeted+hh, #reached+ind, #date+start...).',
    },
  }, async (request, reply) => {
    const rows = await threeWRows(ctx, requireActor(request), request.query);
    if (request.query.format === 'json') return { rows };
    return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="assistance-3w.csv"').send(threeWCsv(rows));
  });

  app.get('/assistance/reports/dashboard', {
    schema: {
      tags, querystring: DashboardQuery, response: { 200: Dashboard },
      description: 'Per programme and per sector: rounds, households and people targeted and reached, redemption rate; of the rounds whose period overlaps `from`-`to`, of programmes of `sector`.',
    },
  }, async (request) => assistanceDashboard(ctx, requireActor(request), request.query));
};
