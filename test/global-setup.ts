import { buildTemplate, loadTemplate } from '../src/server/db/template.ts';

/** Makes sure the migrated PGlite template exists, so each test database starts in a second. */
export default async function setup() {
  if (!process.env.DATABASE_URL && !loadTemplate()) await buildTemplate();
}
