import { loadConfig } from '#server/config';
import { openContext } from '#server/main';
import type { Actor, Ctx } from '#server/context';
import { actorByUserId, userByUsername } from '#server/identity/store';

/** Opens the database for a command, runs it, and closes the database whatever happens. */
export async function withContext<T>(work: (ctx: Ctx) => Promise<T>): Promise<T> {
  const { ctx, adminPassword } = await openContext(loadConfig(), { info: () => {}, warn: console.warn, error: console.error });
  if (adminPassword) console.log(`Created administrator "admin" with password: ${adminPassword} (shown once)`);
  try {
    return await work(ctx);
  } finally {
    await ctx.db.close();
  }
}

/** The actor a command acts as (`--as USER`, default admin): its writes are audited under that name. */
export async function cliActor(ctx: Ctx, username = 'admin'): Promise<Actor> {
  const user = await userByUsername(ctx.db.kysely, username);
  const actor = user ? await actorByUserId(ctx.db.kysely, user.id) : null;
  if (!actor) throw new Error(`no such user: ${username}`);
  return { ...actor, ip: 'cli' };
}
