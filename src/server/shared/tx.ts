import type { Transaction } from 'kysely';
import type { Ctx, Actor } from '../context.ts';
import type { Database } from '../db/schema.ts';
import { appendAudit } from '../audit/service.ts';

export type Trx = Transaction<Database>;

/** Runs `work` in one transaction: its writes and their audit rows commit together or not at all. */
export function inTransaction<T>(ctx: Ctx, work: (trx: Trx) => Promise<T>): Promise<T> {
  return ctx.db.kysely.transaction().execute(work);
}

/** Appends the actor's action to the audit chain inside the transaction. */
export function audit(trx: Trx, actor: Pick<Actor, 'userId' | 'username' | 'organizationCode' | 'ip'> | null,
  action: string, entity: string | null, entityId: string | null, details: Record<string, unknown> = {}) {
  return appendAudit(trx, {
    actorId: actor?.userId ?? null, actorName: actor?.username ?? null,
    organizationCode: actor?.organizationCode ?? null, action, entity, entityId, details, ip: actor?.ip ?? null,
  });
}
