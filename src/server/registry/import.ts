import { v7 as uuidv7 } from 'uuid';
import { formatRegistrationNumber } from '#domain/registry/registration-number';
import { governorateOf } from '#domain/places/pcode';
import type { Actor, Ctx } from '../context.ts';
import { invalidFields } from '../http/problem.ts';
import { requirePermission } from '../identity/policy.ts';
import { audit, inTransaction, type Trx } from '../shared/tx.ts';
import { buildRecord } from './service.ts';
import { registryHooks } from './hooks.ts';
import { sensitiveCodes } from './validation.ts';
import { validateForImport, type ImportHousehold } from './import-validation.ts';
import type { HouseholdRecord } from './store.ts';
import * as bulk from './bulk-store.ts';
import { syncTimelines } from './timeline.ts';

const today = () => new Date().toISOString().slice(0, 10);

export { validateForImport, type ImportError, type ImportHousehold } from './import-validation.ts';

/** Households per group of statements: large enough to amortise a round trip, small enough to stream. */
const BATCH = 500;
/** An import this large changes the tables enough to refresh the planner's statistics. */
const ANALYZE_AFTER = 1000;

export interface ImportOptions {
  /** The file name, kept in the audit row and in each household's history. */
  file?: string;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Reserves each household's registration number: one counter update per governorate for the
 * whole file, numbers handed out in file order. Reserved in a short transaction of its own so
 * that registrations at the desks are not held up for the length of an import; a failed import
 * leaves a gap in the sequence, never a number used twice.
 */
async function reserveNumbers(ctx: Ctx, registry: string, households: ImportHousehold[]): Promise<string[]> {
  const byGovernorate = new Map<string, number[]>();
  households.forEach((h, i) => {
    const g = governorateOf(h.input.current.pcode);
    const indices = byGovernorate.get(g);
    if (indices) indices.push(i);
    else byGovernorate.set(g, [i]);
  });
  const numbers: string[] = new Array(households.length);
  await inTransaction(ctx, async (trx) => {
    // Counters are locked in one order, so that two imports at once cannot deadlock.
    for (const [governorate, indices] of [...byGovernorate].sort(([a], [b]) => a.localeCompare(b))) {
      const first = await bulk.reserveRegistrationSeqs(trx, registry, governorate, indices.length);
      indices.forEach((i, k) => { numbers[i] = formatRegistrationNumber(registry, households[i].input.current.pcode, first + k); });
    }
  });
  return numbers;
}

/** The stored form of an imported household, built exactly as a registration builds one. */
function toRecord(ctx: Ctx, actor: Actor, h: ImportHousehold, registrationNumber: string, sensitive: Set<string>): HouseholdRecord {
  return buildRecord(ctx, actor, {
    id: h.input.id ?? uuidv7(), registryOrganizationId: actor.organizationId, registry: actor.organizationCode,
    registrationNumber, status: 'active', version: 1, createdAt: new Date(), registeredOn: h.input.registeredOn ?? today(),
  }, h.input, sensitive);
}

/** What a household's history keeps of its import: where it came from. */
function provenance(file: string | undefined, h: ImportHousehold) {
  return [
    { path: 'import.file', from: null, to: file ?? null },
    { path: 'import.ref', from: null, to: h.ref },
    { path: 'import.rows', from: null, to: h.rows.join(', ') || null },
  ];
}

/** Builds a batch's records a slice at a time, letting the previous batch's statements go out between slices. */
async function prepareBatch(ctx: Ctx, actor: Actor, batch: ImportHousehold[], numbers: string[], sensitive: Set<string>): Promise<HouseholdRecord[]> {
  const records: HouseholdRecord[] = [];
  for (let k = 0; k < batch.length; k++) {
    if (k > 0 && k % 100 === 0) await new Promise((resolve) => setImmediate(resolve));
    records.push(toRecord(ctx, actor, batch[k], numbers[k], sensitive));
  }
  return records;
}

async function writeBatch(trx: Trx, actor: Actor, batch: ImportHousehold[], records: HouseholdRecord[], file: string | undefined) {
  await bulk.insertHouseholds(trx, records, actor.userId);
  await syncTimelines(trx, records, true);
  await bulk.insertHistories(trx, records.map((r, k) => ({ householdId: r.id, changes: provenance(file, batch[k]) })), 'import', actor.userId);
}

/**
 * Imports a whole file into the actor's organisation's registry: all households or none. Checks
 * the import permission and the data (422 with every problem at its file row); writes in batches
 * of multi-row statements inside one transaction, with one audit row for the file. Imported
 * households are stored and searchable exactly like registered ones.
 */
export async function importHouseholds(ctx: Ctx, actor: Actor, households: ImportHousehold[], opts: ImportOptions = {}) {
  requirePermission(actor, 'households.import');
  const { errors } = await validateForImport(ctx, actor, households);
  if (errors.length) {
    throw invalidFields(errors.map((e) => ({ path: `rows.${e.row}${e.column ? `.${e.column}` : ''}`, key: e.message, params: { ref: e.ref } })));
  }
  const sensitive = await sensitiveCodes(ctx.db.kysely);
  const numbers = await reserveNumbers(ctx, actor.organizationCode, households);
  const batchAt = (start: number) => households.slice(start, start + BATCH);
  const prepare = (start: number) => prepareBatch(ctx, actor, batchAt(start), numbers.slice(start, start + BATCH), sensitive);
  const registrationNumbers = new Map<string, string>();
  const ids: string[] = [];
  let individuals = 0;
  await inTransaction(ctx, async (trx) => {
    let records = await prepare(0);
    for (let start = 0; start < households.length; start += BATCH) {
      // The next batch is built while this one is written (PostgreSQL works beside us).
      const [, next] = await Promise.all([writeBatch(trx, actor, batchAt(start), records, opts.file), prepare(start + BATCH)]);
      records.forEach((r, k) => { registrationNumbers.set(households[start + k].ref, r.registrationNumber); ids.push(r.id); individuals += r.size; });
      opts.onProgress?.(Math.min(start + BATCH, households.length), households.length);
      records = next;
    }
    await audit(trx, actor, 'household.import', 'household', null, { count: households.length, individuals, file: opts.file ?? null });
  });
  registryHooks(ctx).committed?.(ids);
  if (households.length >= ANALYZE_AFTER) await bulk.analyzeRegistry(ctx.db.kysely);
  return { imported: households.length, individuals, registrationNumbers };
}
