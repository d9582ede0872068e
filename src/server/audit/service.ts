import type { Db } from '../db/connect.ts';
import { auditHead, auditPage, hashAuditRow } from './store.ts';

export { appendAudit, type AuditEntry } from './store.ts';

export type AuditVerdict =
  | { ok: true; rows: number }
  | { ok: false; rows: number; firstBadSeq: number; reason: 'altered' | 'removed' | 'head_mismatch' };

/**
 * Walks the chain from the first row: names the first row whose content no longer matches its
 * hash (altered), whose predecessor is missing (removed), or a chain shorter than its head says.
 */
export async function verifyAuditLog(db: Db): Promise<AuditVerdict> {
  let prevHash = '0'.repeat(64);
  let expectedSeq = 1;
  let rows = 0;
  let afterSeq = 0;
  for (;;) {
    const page = await auditPage(db.kysely, afterSeq, 5000);
    if (page.length === 0) break;
    for (const row of page) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq || row.prev_hash !== prevHash) return { ok: false, rows, firstBadSeq: expectedSeq, reason: 'removed' };
      const { hash, ...rest } = row;
      if (hashAuditRow({ ...rest, seq }) !== hash) return { ok: false, rows, firstBadSeq: seq, reason: 'altered' };
      prevHash = hash;
      afterSeq = seq;
      expectedSeq += 1;
      rows += 1;
    }
  }
  const head = await auditHead(db.kysely);
  if (head && (Number(head.seq) !== rows || head.hash !== prevHash)) {
    return { ok: false, rows, firstBadSeq: rows + 1, reason: head.seq > rows ? 'removed' : 'head_mismatch' };
  }
  return { ok: true, rows };
}
