import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../context.ts';
import { setRegistryHooks } from '../registry/hooks.ts';
import { comparableRegistries, possibleDuplicatesAtRegistration } from './check.ts';
import { dedupRoutes } from './routes.ts';
import { registryModel } from './registry-model.ts';
import { startDedupRuntime } from './runtime.ts';

/**
 * Deduplication in a running server: the index (built in the background from the database, scoring
 * with the model of the last `amina dedup run` when there is one), the
 * registry's hooks (a duplicate check inside each registration, the index kept current after each
 * commit, other registries' households readable to compare) and the /api/dedup routes.
 */
export async function installDedup(app: FastifyInstance, ctx: Ctx): Promise<void> {
  const model = await registryModel(ctx);
  const runtime = startDedupRuntime(ctx, model ? { model } : {});
  setRegistryHooks(ctx, {
    possibleDuplicates: (trx, actor, household, reason) => possibleDuplicatesAtRegistration(ctx, trx, actor, household, reason),
    committed: (changes) => {
      runtime.apply(changes).catch((error) => ctx.log.error({ err: error }, 'dedup index update failed'));
    },
    sharedRegistries: (actor) => comparableRegistries(ctx, actor),
  });
  app.addHook('onClose', async () => {
    runtime.stop();
    await runtime.built;
  });
  await app.register(dedupRoutes(ctx), { prefix: '/api' });
}
