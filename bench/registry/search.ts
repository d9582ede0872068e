/**
 * Search latency through the HTTP API with a Bearer token, after an import of N households:
 *   npx tsx bench/registry/search.ts --households 100000 [--queries 500] [--engine pglite|postgres]
 * Queries mix common and rare names of the generator's lists in Arabic, Kurdish and Latin
 * script, name pairs and partial words (prefixes). Reports p50 / p95 / max ms and the average
 * number of results. `--data DIR` (PGlite) or `--url URL` (PostgreSQL) reuses a database kept by
 * `import.ts --keep` instead of importing again.
 */
import { existsSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { FAMILY_NAMES, FEMALE_NAMES, MALE_NAMES, type NameEntry } from '../../src/domain/demo/names.ts';
import { writeSyntheticCsv } from './synthetic-csv.ts';
import { ADMIN_PASSWORD, fixed, freshPglite, freshPostgres, machine, percentile, runAmina, tempDir, type Store } from '../support.ts';
import { startServer } from '../server.ts';
import { mulberry32 } from '../../src/domain/demo/synthetic.ts';

function options() {
  const { values } = parseArgs({
    options: {
      households: { type: 'string', default: '100000' }, queries: { type: 'string', default: '500' },
      seed: { type: 'string', default: '1' }, engine: { type: 'string', default: 'pglite' }, data: { type: 'string' }, url: { type: 'string' },
    },
  });
  if (values.engine === 'postgres' && !process.env.DATABASE_URL) throw new Error('--engine postgres needs DATABASE_URL');
  return {
    households: Number(values.households), queries: Number(values.queries), seed: Number(values.seed),
    engine: values.url ? 'postgres' : values.engine, data: values.data, url: values.url,
  };
}

/** Query kinds in turn: a common name, a rare one, a partial word, a given and family name together. */
export function queries(count: number, seed: number): { kind: string; q: string }[] {
  const r = mulberry32(seed);
  const byWeight = [...MALE_NAMES, ...FEMALE_NAMES].sort((x, y) => y.weight - x.weight);
  const common = byWeight.slice(0, 15);
  const rare = byWeight.slice(-30);
  const pick = <T>(items: readonly T[]) => items[Math.floor(r() * items.length)];
  const spelling = (n: NameEntry) => [n.ar, n.ckb, pick(n.latin)][Math.floor(r() * 3)];
  const kinds = [
    () => ({ kind: 'common', q: spelling(pick(common)) }),
    () => ({ kind: 'rare', q: spelling(pick(rare)) }),
    () => ({ kind: 'partial', q: [...spelling(pick(byWeight))].slice(0, 3).join('') }),
    () => {
      const [given, family] = [pick(byWeight), pick(FAMILY_NAMES)];
      const script = Math.floor(r() * 3);
      return { kind: 'given+family', q: `${[given.ar, given.ckb, given.latin[0]][script]} ${[family.ar, family.ckb, family.latin[0]][script]}` };
    },
  ];
  return Array.from({ length: count }, (_, i) => kinds[i % kinds.length]());
}

async function prepare(o: ReturnType<typeof options>): Promise<Store> {
  if (o.data) return { engine: 'pglite', env: { AMINA_DATA_DIR: o.data, DATABASE_URL: '' }, drop: async () => {} };
  if (o.url) {
    const keyDir = tempDir();
    return { engine: 'postgres', env: { DATABASE_URL: o.url, AMINA_DATA_DIR: keyDir }, drop: async () => rmSync(keyDir, { recursive: true, force: true }) };
  }
  const store = o.engine === 'postgres' ? await freshPostgres(process.env.DATABASE_URL!) : freshPglite();
  const file = `bench/out/import-${o.households}-seed${o.seed}.csv`;
  if (!existsSync(file)) await writeSyntheticCsv({ households: o.households, seed: o.seed, out: file, blankRegistry: true });
  const run = await runAmina(store.env, ['households', 'import', file], true);
  if (run.code !== 0) throw new Error(`import failed:\n${run.stdout}`);
  console.log(run.stdout.trim());
  return store;
}

async function main() {
  const o = options();
  const store = await prepare(o);
  const server = await startServer(store.env);
  try {
    const token = await server.token('admin', ADMIN_PASSWORD);
    const list = queries(o.queries, o.seed);
    for (const { q } of list.slice(0, 20)) await server.search(token, q);
    const results: { kind: string; ms: number; total: number }[] = [];
    for (const { kind, q } of list) results.push({ kind, ...(await server.search(token, q)) });
    console.log(`machine: ${machine()}, ${store.engine}, ${o.queries} searches (one at a time)`);
    for (const kind of ['all', 'common', 'rare', 'partial', 'given+family']) {
      const of = results.filter((x) => kind === 'all' || x.kind === kind);
      const ms = of.map((x) => x.ms).sort((a, b) => a - b);
      const average = of.reduce((n, x) => n + x.total, 0) / of.length;
      console.log(`${kind.padEnd(13)} n=${String(of.length).padEnd(4)} p50 ${fixed(percentile(ms, 0.5))} ms  p95 ${fixed(percentile(ms, 0.95))} ms  `
        + `max ${fixed(ms[ms.length - 1])} ms  average results ${fixed(average)}`);
    }
  } finally {
    await server.stop();
    await store.drop();
  }
}

await main();
