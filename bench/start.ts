/**
 * Cold start: `node bin/amina.js start` on an empty temp data directory until the login page's
 * HTML is served at `/` (target: 5 s on 2 cores). Three runs, each on a new directory:
 *   npx tsx bench/start.ts [--runs 3]
 * Needs the built web app (`npm run build`) and the install-time template (`npm install`).
 */
import { parseArgs } from 'node:util';
import { fixed, freshPglite, machine, startAmina } from './support.ts';
import { freePort, stopChild, waitFor } from './server.ts';

async function coldStart(): Promise<number> {
  const store = freshPglite();
  const port = await freePort();
  const started = performance.now();
  const child = startAmina({ ...store.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' }, ['start']);
  child.stdout?.resume();
  child.stderr?.resume();
  try {
    await waitFor(`http://127.0.0.1:${port}/`, (status, body) => status === 200 && /<html/i.test(body), child);
    return (performance.now() - started) / 1000;
  } finally {
    await stopChild(child);
    await store.drop();
  }
}

async function main() {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
  console.log(`machine: ${machine()}`);
  const times: number[] = [];
  for (let i = 0; i < Number(values.runs); i++) {
    times.push(await coldStart());
    console.log(`run ${i + 1}: login page served after ${fixed(times[i], 2)} s`);
  }
  console.log(`best ${fixed(Math.min(...times), 2)} s, worst ${fixed(Math.max(...times), 2)} s`);
}

await main();
