/**
 * Times `amina households import` end to end (process start, reading the file, checks, writing)
 * on a fresh PGlite data directory, and on a fresh PostgreSQL database when DATABASE_URL is set:
 *   npx tsx bench/registry/import.ts --households 100000 [--seed 1] [--keep]
 * The file is generated first (not timed) with the registry column empty, so that the
 * administrator imports every household into one registry.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { writeSyntheticCsv } from './synthetic-csv.ts';
import { fixed, freshPglite, freshPostgres, machine, runAmina, type Store } from '../support.ts';

function options() {
  const { values } = parseArgs({
    options: {
      households: { type: 'string', default: '100000' },
      seed: { type: 'string', default: '1' },
      keep: { type: 'boolean', default: false },
    },
  });
  const households = Number(values.households);
  if (!Number.isInteger(households) || households < 1) throw new Error('--households must be a positive integer');
  return { households, seed: Number(values.seed), keep: values.keep };
}

async function timeImport(store: Store, file: string) {
  const run = await runAmina(store.env, ['households', 'import', file], true);
  if (run.code !== 0) throw new Error(`import failed on ${store.engine}:\n${run.stdout}`);
  const [, households, individuals] = /Imported (\d+) households \((\d+) individuals\)/.exec(run.stdout) ?? [];
  const [, inside, phases] = /Time: ([\d.]+) s \((.*)\)/.exec(run.stdout) ?? [];
  return { engine: store.engine, households: Number(households), individuals: Number(individuals), seconds: run.seconds, inside: Number(inside), phases };
}

async function main() {
  const o = options();
  const file = `bench/out/import-${o.households}-seed${o.seed}.csv`;
  if (!existsSync(file)) {
    const rows = await writeSyntheticCsv({ households: o.households, seed: o.seed, out: file, blankRegistry: true });
    console.log(`generated ${file}: ${o.households} households, ${rows} rows`);
  }
  const stores: (() => Promise<Store>)[] = [async () => freshPglite()];
  if (process.env.DATABASE_URL) stores.push(() => freshPostgres(process.env.DATABASE_URL!));
  console.log(`machine: ${machine()}`);
  for (const open of stores) {
    const store = await open();
    try {
      const r = await timeImport(store, file);
      console.log(`${r.engine.padEnd(8)} ${r.households} households, ${r.individuals} individuals: ${fixed(r.seconds)} s end to end `
        + `(${fixed(r.inside)} s in the command: ${r.phases}), ${Math.round(r.individuals / r.seconds)} rows/s, ${Math.round(r.households / r.seconds)} households/s`);
      if (o.keep) console.log(`  kept: ${JSON.stringify(store.env)}`);
    } finally {
      if (!o.keep) await store.drop();
    }
  }
}

await main();
