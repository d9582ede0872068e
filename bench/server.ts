import { createServer } from 'node:net';
import type { ChildProcess } from 'node:child_process';
import { startAmina } from './support.ts';

/** `amina start` in a child process, for the benchmarks that talk to it over HTTP. */

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Polls `url` every 20 ms until `ready` accepts the response; the seconds it took. */
export async function waitFor(url: string, ready: (status: number, body: string) => boolean, child: ChildProcess, limit = 120): Promise<number> {
  const started = performance.now();
  while ((performance.now() - started) / 1000 < limit) {
    if (child.exitCode !== null) throw new Error(`amina exited with code ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (ready(res.status, await res.text())) return (performance.now() - started) / 1000;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`${url} not ready after ${limit} s`);
}

/** Stops a child we started and waits for it to exit. */
export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Starts Amina on a free port over the store and waits for its health check. */
export async function startServer(env: Record<string, string>) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = startAmina({ ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' }, ['start']);
  child.stdout?.resume();
  child.stderr?.resume();
  await waitFor(`${url}/api/health`, (status) => status === 200, child);
  return {
    url,
    /** Signs in and creates an API token (as a script would be given one). */
    async token(username: string, password: string): Promise<string> {
      const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
      if (login.status !== 200) throw new Error(`login failed: ${login.status} ${await login.text()}`);
      const { user } = await login.json() as { user: { csrfToken: string } };
      const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      const res = await fetch(`${url}/api/auth/tokens`, {
        method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': user.csrfToken }, body: JSON.stringify({ name: 'bench' }),
      });
      if (res.status !== 201) throw new Error(`token failed: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { token: string }).token;
    },
    /** One search; its time in ms and the number of results. */
    async search(token: string, q: string): Promise<{ ms: number; total: number }> {
      const started = performance.now();
      const res = await fetch(`${url}/api/households?q=${encodeURIComponent(q)}`, { headers: { authorization: `Bearer ${token}` } });
      const body = await res.json() as { total: number };
      if (res.status !== 200) throw new Error(`search ${q}: ${res.status} ${JSON.stringify(body)}`);
      return { ms: performance.now() - started, total: body.total };
    },
    stop: () => stopChild(child),
  };
}
