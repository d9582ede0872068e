import type { Household } from '#domain/registry/household';
import type { Actor, Ctx } from '../context.ts';
import { requirePermission } from '../identity/policy.ts';
import { audit, inTransaction } from '../shared/tx.ts';
import * as bulk from './bulk-store.ts';
import { present } from './service.ts';

/** Households read per query: memory stays flat whatever the size of the registry. */
const PAGE = 500;

export interface ExportOptions { area?: string; format?: string }

/**
 * Every household the actor may see (own registry, inside scope, optionally one area; merged
 * records left out), as pages in id order: keyset pagination, so nothing is loaded at once.
 * The export is audited when it starts. Sensitive codes (SV, TR...) never leave in a file,
 * whoever exports: protection data is published only as aggregates.
 */
export async function exportHouseholds(ctx: Ctx, actor: Actor, opts: ExportOptions = {}): Promise<{ total: number; pages: AsyncGenerator<Household[]> }> {
  requirePermission(actor, 'households.export');
  const filter = { organizationId: actor.organizationId, organizationCode: actor.organizationCode, scope: actor.scope, area: opts.area };
  const total = await bulk.countHouseholds(ctx.db.kysely, filter);
  await inTransaction(ctx, (trx) => audit(trx, actor, 'household.export', 'household', null, {
    count: total, area: opts.area ?? null, format: opts.format ?? null,
  }));
  return { total, pages: pagesOf(ctx, filter) };
}

async function* pagesOf(ctx: Ctx, filter: bulk.PageFilter): AsyncGenerator<Household[]> {
  let after: string | null = null;
  for (;;) {
    const page = await bulk.householdPage(ctx.db.kysely, filter, after, PAGE);
    if (page.length === 0) return;
    yield page.map((r) => present(ctx, null, r));
    after = page[page.length - 1].id;
  }
}
