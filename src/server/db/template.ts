import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { connect } from './connect.ts';
import { listMigrations, migrate } from './migrate.ts';

/**
 * A migrated PGlite database holding only reference data, saved at install time (`npm install` runs `amina
 * build-template`). A new data directory starts from it instead of running initdb and every
 * migration, which is most of a cold start.
 */
export const TEMPLATE_FILE = fileURLToPath(new URL('../../../dist/pglite-template.tar.gz', import.meta.url));
const TEMPLATE_META = `${TEMPLATE_FILE}.json`;

function latestVersion(): number {
  return listMigrations().at(-1)?.version ?? 0;
}

/** The template, if one exists for the current migrations. */
export function loadTemplate(): Blob | undefined {
  if (!existsSync(TEMPLATE_FILE) || !existsSync(TEMPLATE_META)) return undefined;
  const meta = JSON.parse(readFileSync(TEMPLATE_META, 'utf8')) as { version: number };
  if (meta.version !== latestVersion()) return undefined;
  return new Blob([readFileSync(TEMPLATE_FILE)]);
}

/** Creates the template: a fresh in-memory database with every migration applied. */
export async function buildTemplate(file = TEMPLATE_FILE): Promise<void> {
  const db = await connect({});
  await migrate(db);
  // Areas and organisations are the same on every installation: seed them once, here.
  const { seedReferenceData } = await import('../bootstrap.ts');
  await seedReferenceData(db.kysely);
  const client = db.client!;
  const dump = await client.dumpDataDir('gzip');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  writeFileSync(`${file}.json`, JSON.stringify({ version: latestVersion() }));
  await db.close();
}

/** True when a PGlite data directory has not been initialised yet. */
export function isEmptyDataDir(dir: string): boolean {
  return !existsSync(join(dir, 'PG_VERSION'));
}
