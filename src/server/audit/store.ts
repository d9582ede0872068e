import { createHash } from 'node:crypto';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { AuditLogTable, Database } from '../db/schema.ts';

export type Executor = Kysely<Database> | Transaction<Database>;

export interface AuditEntry {
  actorId: string | null;
  actorName: string | null;
  organizationCode: string | null;
  action: string;
  entity?: string | null;
  entityId?: string | null;
  details?: Record<string, unknown>;
  ip?: string | null;
}

const GENESIS = '0'.repeat(64);

/** An audit row as hashed: every column but the hash. */
export type AuditRowContent = Omit<Selectable<AuditLogTable>, 'hash'>;

/** The canonical text a row's hash covers: every column but the hash, in a fixed order. */
export function auditRowText(row: AuditRowContent): string {
  const at = row.at instanceof Date ? row.at.toISOString() : new Date(row.at).toISOString();
  return JSON.stringify([row.seq, at, row.actor_id, row.actor_name, row.organization_code, row.action,
    row.entity, row.entity_id, canonical(row.details), row.ip, row.prev_hash]);
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as any)[k])]));
  }
  return value;
}

export function hashAuditRow(row: AuditRowContent): string {
  return createHash('sha256').update(auditRowText(row)).digest('hex');
}

/**
 * Appends one row to the chain inside the caller's transaction. The head row is locked for the
 * rest of the transaction, so concurrent writers chain one after another in commit order.
 */
export async function appendAudit(trx: Transaction<Database>, entry: AuditEntry): Promise<void> {
  await sql`insert into audit_head (id, seq, hash) values (true, 0, ${GENESIS}) on conflict (id) do nothing`.execute(trx);
  const head = await trx.selectFrom('audit_head').select(['seq', 'hash']).forUpdate().executeTakeFirstOrThrow();
  const at = new Date(Math.floor(Date.now()));
  const row = {
    seq: Number(head.seq) + 1, at, actor_id: entry.actorId, actor_name: entry.actorName,
    organization_code: entry.organizationCode, action: entry.action, entity: entry.entity ?? null,
    entity_id: entry.entityId ?? null, details: entry.details ?? {}, ip: entry.ip ?? null, prev_hash: head.hash,
  };
  const hash = hashAuditRow(row);
  await trx.insertInto('audit_log').values({ ...row, details: JSON.stringify(row.details) as any, hash }).execute();
  await trx.updateTable('audit_head').set({ seq: row.seq, hash }).where('id', '=', true).execute();
}

/** Rows in chain order, a page at a time (verification streams the whole log). */
export async function auditPage(db: Executor, afterSeq: number, limit: number) {
  return db.selectFrom('audit_log').selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
}

export async function auditHead(db: Executor) {
  return db.selectFrom('audit_head').select(['seq', 'hash']).executeTakeFirst();
}
