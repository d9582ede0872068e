import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_MODEL } from '#domain/dedup/default-model';
import { startTestServer, type TestServer } from '../../../test/server.ts';
import { registryModel } from './registry-model.ts';

let server: TestServer;
const dir = mkdtempSync(join(tmpdir(), 'amina-dedup-model-'));
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const finishedJob = (id: string, at: string) => server.ctx.db.kysely.insertInto('dedup_jobs')
  .values({ id, registry: null, stage: 'done', dir, started_by: null, finished_at: at }).execute();

describe('the model of the last dedup run', () => {
  it('is none before any run, then the one the last finished run over every registry saved', async () => {
    expect(await registryModel(server.ctx)).toBeNull();
    const estimated = { ...DEFAULT_MODEL, fields: { ...DEFAULT_MODEL.fields, sex: { m: { exact: 0.98, different: 0.02 }, u: { exact: 0.5, different: 0.5 } } } };
    writeFileSync(join(dir, 'model.json'), JSON.stringify(estimated));
    await finishedJob('01939b2c-0000-7000-8000-000000000001', '2026-11-26T10:00:00Z');
    expect(await registryModel(server.ctx)).toEqual(estimated);
  });

  it('falls back to the default when the saved file is damaged', async () => {
    writeFileSync(join(dir, 'model.json'), '{"prior": 0.1, "fields": {}}');
    expect(await registryModel(server.ctx)).toBeNull();
  });
});
