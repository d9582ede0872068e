import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { startTestServer, type TestServer } from '../../../test/server.ts';
import { makeUser } from '../../../test/factories.ts';
import { family, written } from './families.fixture.ts';

describe('the bands of the duplicate check', () => {
  it('are read from AMINA_DEDUP_LIKELY and AMINA_DEDUP_POSSIBLE, both or neither, and a wrong pair stops the start', () => {
    expect(loadConfig({}).dedupThresholds).toBeUndefined();
    expect(loadConfig({ AMINA_DEDUP_LIKELY: '0.97', AMINA_DEDUP_POSSIBLE: '0.6' }).dedupThresholds).toEqual({ likely: 0.97, possible: 0.6 });
    for (const env of [{ AMINA_DEDUP_LIKELY: '0.9' }, { AMINA_DEDUP_LIKELY: '0.5', AMINA_DEDUP_POSSIBLE: '0.7' }, { AMINA_DEDUP_LIKELY: '1', AMINA_DEDUP_POSSIBLE: 'x' }]) {
      expect(() => loadConfig(env)).toThrow(/AMINA_DEDUP_LIKELY and AMINA_DEDUP_POSSIBLE/);
    }
  });

  describe('on a server whose possible band starts where nothing short of certainty reaches', () => {
    let server: TestServer;
    beforeAll(async () => { server = await startTestServer({ config: { dedupThresholds: { likely: 0.9999999999, possible: 0.9999999999 } } }); });
    afterAll(async () => { await server?.close(); });

    it('shows a family spelled in another script with no phone or document in common as no candidate', async () => {
      const momd = await makeUser(server, { org: 'MOMD' });
      const bmd = await makeUser(server, { org: 'BMD' });
      const f = family('0750 111 0301', [['head', 'mohammed hussein ali jubouri', 'm', '1975'], ['spouse', 'fatima mahmoud hameed obaidi', 'f', '1980-03']]);
      expect((await momd.client.post('/api/households', written(f, 'ar'))).status).toBe(201);
      const res = await bmd.client.post('/api/dedup/check', written(f, 'lat', { phone: null }));
      expect(res.status).toBe(200);
      expect(res.body.candidates).toEqual([]);
    });
  });
});
