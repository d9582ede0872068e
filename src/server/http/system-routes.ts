import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Ctx } from '../context.ts';

/** Health and the OpenAPI document. */
export const systemRoutes = (ctx: Ctx): FastifyPluginAsyncZod => async (app) => {
  app.get('/health', {
    schema: { tags: ['system'], security: [], response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }) } },
  }, async () => ({ status: 'ok' as const, database: ctx.db.kind }));

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
};
