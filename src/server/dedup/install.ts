import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../context.ts';
import { setRegistryHooks } from '../registry/hooks.ts';
import { comparableRegistries, possibleDuplicatesAtRegistration } from './check.ts';
import { dedupRoutes } from './routes.ts';
import { DEFAULT_MODEL } from '#domain/dedup/default-model';
import { registryModel } from './registry-model.ts';
import { startDedupRuntime } from './runtime.ts';

/**
 * Deduplication in a running server: the index (built in the background from the database, scoring
 * with the model of the last `amina dedup run` when there is one, in the configured bands), the
 * registry's hooks (a duplicate check inside each registration, the index kept current after each
 * commit, other registries' households readable to compare) and the /api/dedup routes.
 */
export async function installDedup(app: FastifyInstance, ctx: Ctx): Promise<void> {
  const estimated = await registryModel(ctx);
  const base = estimated ?? DEFAULT_MODEL;
  const model = ctx.config.dedupThresholds ? { ...base, thresholds: ctx.config.dedupThresholds } : base;
  const runtime = startDedupRuntime(ctx, { model });
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
