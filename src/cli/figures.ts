import type { Command } from 'commander';
import { rebuildTimelines } from '#server/registry/timeline';
import { audit, inTransaction } from '#server/shared/tx';
import { cliActor } from './context.ts';
import { runCommand } from './households.ts';
import { progress } from './progress.ts';

/** `amina figures rebuild`: every household's stays again, after the configured waves changed. */
export function registerFiguresCommands(program: Command) {
  const figures = program.command('figures').description('the displacement figures of the registry');
  figures.command('rebuild')
    .description('recompute every household\'s stays from its timeline and forget the monthly sums (after the waves changed)')
    .action(() => runCommand(async (ctx) => {
      const admin = await cliActor(ctx);
      const bar = progress('households');
      const total = Number((await ctx.db.kysely.selectFrom('households').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      const done = await rebuildTimelines(ctx, (n) => bar.update(n, total));
      bar.stop();
      await inTransaction(ctx, (trx) => audit(trx, admin, 'figures.rebuild', null, null, { households: done }));
      console.log(`Figures rebuilt from the timelines of ${done} households.`);
    }));
}
