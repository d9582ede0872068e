import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ImportSummary } from '#domain/movement/master-list';
import type { Ctx } from '../context.ts';
import { requireActor } from '../http/auth.ts';
import { Problem } from '../http/problem.ts';
import { exportMasterList, importMasterList } from './master-list.ts';
import { IdParam } from '../http/route-schemas.ts';
import { CONTENT_TYPES, readSheet, writeSheet } from './sheets.ts';

/** A master list of a few thousand locations is a few megabytes; a spreadsheet of many rounds, more. */
const MAX_FILE = 25 * 1024 * 1024;

/**
 * The DTM master list of a round, in and out. The file is the request body itself (CSV or XLSX,
 * told apart by its content), not a multipart form: one file, no other fields, and the same call
 * from a script (`curl --data-binary @list.xlsx`) as from the web app (`fetch(url, { body: file })`).
 */
export const masterListRoutes = (ctx: Ctx): FastifyPluginAsyncZod => async (app) => {
  const tags = ['assessments'];
  // In this plugin only: any body that is not JSON arrives as the bytes of the file.
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_FILE }, (_request, body, done) => done(null, body));
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser('text/plain', { parseAs: 'buffer', bodyLimit: MAX_FILE }, (_request, body, done) => done(null, body));

  app.post('/rounds/:id/import', {
    bodyLimit: MAX_FILE,
    schema: {
      tags, params: IdParam, querystring: z.object({ file: z.string().trim().max(200, 'text.too_long').optional() }),
      consumes: [CONTENT_TYPES.csv.split(';')[0], CONTENT_TYPES.xlsx],
      body: z.any().describe('The master list file: CSV or XLSX bytes'),
      description: 'Imports a DTM master list into an open round: the body is the file, CSV (`text/csv`) or XLSX. All or nothing: '
        + 'with any problem nothing is written and the 422 lists each one at `rows.<row>.<column>`. `file` names the file for the audit log.',
      response: { 200: ImportSummary },
    },
  }, async (request) => {
    const actor = requireActor(request);
    if (!Buffer.isBuffer(request.body) || request.body.length === 0) throw new Problem(415, 'import.format');
    const rows = await readSheet(request.body);
    return importMasterList(ctx, actor, request.params.id, rows, { file: request.query.file });
  });

  app.get('/rounds/:id/export', {
    schema: {
      tags, params: IdParam, querystring: z.object({ format: z.enum(['csv', 'xlsx'], 'invalid_value').default('csv') }),
      description: 'The round\'s DTM master list, one row per location, HXL-tagged (CSV, or XLSX read right to left). Key informants only for those who may see them.',
    },
  }, async (request, reply) => {
    const { format } = request.query;
    const { number, rows } = await exportMasterList(ctx, requireActor(request), request.params.id, format);
    const file = await writeSheet(rows, format, `round ${number}`);
    return reply.type(CONTENT_TYPES[format]).header('content-disposition', `attachment; filename="dtm-master-list-round-${number}.${format}"`).send(file);
  });
};
