import { createHash } from 'node:crypto';
import type { Actor, Ctx } from '../context.ts';
import { Problem } from '../http/problem.ts';
import { inTransaction, type Trx } from './tx.ts';

export interface Stored<T> { status: number; body: T; replayed: boolean }

function requestHash(route: string, body: unknown): string {
  return createHash('sha256').update(route).update('\0').update(JSON.stringify(body)).digest('hex');
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';
}

/**
 * Runs a create once per `Idempotency-Key`: the response is stored in the same transaction as
 * the write, so a replay (even a concurrent one) returns the first response and creates nothing.
 * The same key with a different request is refused. Stored responses are sealed with the data key.
 */
export async function idempotent<T>(
  ctx: Ctx, actor: Actor, key: string | undefined, route: string, body: unknown,
  work: (trx: Trx) => Promise<{ status: number; body: T }>,
): Promise<Stored<T>> {
  if (!key) return { ...(await inTransaction(ctx, work)), replayed: false };
  const hash = requestHash(route, body);
  const earlier = await find<T>(ctx, actor, key, hash);
  if (earlier) return earlier;
  try {
    return await inTransaction(ctx, async (trx) => {
      const result = await work(trx);
      await trx.insertInto('idempotency_keys').values({
        // Sealed: a response may hold personal and sensitive data that must not sit here in clear.
        user_id: actor.userId, key, request_hash: hash, status_code: result.status,
        response: JSON.stringify({ sealed: ctx.sealer.seal(JSON.stringify(result.body)) }),
      }).execute();
      return { ...result, replayed: false };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const winner = await find<T>(ctx, actor, key, hash);
    if (winner) return winner;
    throw error;
  }
}

async function find<T>(ctx: Ctx, actor: Actor, key: string, hash: string): Promise<Stored<T> | null> {
  const row = await ctx.db.kysely.selectFrom('idempotency_keys').selectAll()
    .where('user_id', '=', actor.userId).where('key', '=', key).executeTakeFirst();
  if (!row) return null;
  if (row.request_hash !== hash) throw new Problem(422, 'problem.idempotency_mismatch');
  const stored = (typeof row.response === 'string' ? JSON.parse(row.response) : row.response) as { sealed: string };
  const body = JSON.parse(ctx.sealer.open(stored.sealed)) as T;
  return { status: row.status_code, body, replayed: true };
}
