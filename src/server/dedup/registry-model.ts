import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIELDS } from '#domain/dedup/types';
import type { Model } from '#domain/dedup/scoring';
import type { Ctx } from '../context.ts';

/**
 * The model the last finished `amina dedup run` over every registry estimated from this registry's
 * own data (m by EM, u from random pairs; saved as `model.json` in the job's folder), for the
 * real-time check; null when there is none or it cannot be read, and the check keeps DEFAULT_MODEL.
 * Its prior is not used: the index sets the prior for its own size.
 */
export async function registryModel(ctx: Ctx): Promise<Model | null> {
  const job = await ctx.db.kysely.selectFrom('dedup_jobs').select(['id', 'dir']).where('stage', '=', 'done').where('registry', 'is', null)
    .orderBy('finished_at', 'desc').executeTakeFirst();
  if (!job) return null;
  const file = join(job.dir, 'model.json');
  if (!existsSync(file)) return null;
  try {
    const model = JSON.parse(readFileSync(file, 'utf8')) as Model;
    if (isModel(model)) return model;
  } catch {
    // A damaged file: keep the default, say so below.
  }
  ctx.log.warn({ job: job.id }, 'dedup model of the last run unreadable; the check uses the default model');
  return null;
}

function isModel(m: Model): boolean {
  const tables = (t: unknown) => typeof t === 'object' && t !== null && Object.values(t).every((v) => typeof v === 'number' && v >= 0 && v <= 1);
  return typeof m === 'object' && m !== null && typeof m.prior === 'number'
    && typeof m.thresholds?.likely === 'number' && typeof m.thresholds?.possible === 'number'
    && FIELDS.every((f) => m.fields?.[f] !== undefined && tables(m.fields[f]!.m) && tables(m.fields[f]!.u));
}
