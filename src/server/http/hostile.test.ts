import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { startTestServer, type TestServer } from '../../../test/server.ts';
import { makeUser } from '../../../test/factories.ts';

let server: TestServer;
let token: string;
let routes: { method: string; path: string }[];

beforeAll(async () => {
  server = await startTestServer();
  token = (await makeUser(server, { role: 'administrator' })).client.bearer!;
  const spec = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
  routes = Object.entries(spec.paths).flatMap(([path, methods]) =>
    Object.keys(methods).filter((m) => m !== 'parameters').map((method) => ({ method: method.toUpperCase(), path })));
});
afterAll(async () => { await server?.close(); });

const junk = fc.oneof(
  fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant('٠٧٥٠'), fc.constant('IQG99Q99'),
  fc.constant('../../etc/passwd'), fc.constant("' or 1=1 --"), fc.constant('\u0000'), fc.constant('x'.repeat(5000)),
);
const extreme = fc.constantFrom(1e12, -1, 2 ** 31, 1.5, Number.MAX_SAFE_INTEGER, 0);
const body = fc.oneof(
  fc.anything(),
  fc.dictionary(fc.constantFrom('members', 'origin', 'version', 'username', 'code', 'pcode', 'name', 'id'), fc.anything()),
  fc.record({ name: fc.constant('Camp'), kind: fc.constant('camp'), pcode: fc.constant('IQG11'), capacity: extreme, latitude: extreme, version: extreme }),
);

describe('whatever a client sends', () => {
  it('is answered with a client error or success, never a 500, on every route', async () => {
    expect(routes.length).toBeGreaterThan(20);
    await fc.assert(fc.asyncProperty(fc.constantFrom(...routes), junk, junk, body, async (route, param, query, payload) => {
      const path = route.path.replace(/\{[^}]+\}/g, encodeURIComponent(String(param)).slice(0, 300));
      const url = `${server.url}${path}?q=${encodeURIComponent(String(query)).slice(0, 300)}&page=${encodeURIComponent(String(query)).slice(0, 20)}`;
      const res = await fetch(url, {
        method: route.method,
        headers: { authorization: `Bearer ${token}`, ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { 'content-type': 'application/json' }) },
        body: route.method === 'GET' || route.method === 'DELETE' ? undefined : JSON.stringify(payload ?? null),
      });
      const text = await res.text();
      if (res.status >= 500) throw new Error(`${route.method} ${path} -> ${res.status}: ${text.slice(0, 300)}`);
      expect(text).not.toMatch(/at .*\.ts:\d+|node_modules/);
    }), { numRuns: 400 });
  });
});
