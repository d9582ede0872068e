// Runs on `npm install` / `npm ci`: builds the web app and the migrated PGlite template that
// makes a first start fast. Set AMINA_SKIP_PREPARE=1 to skip (e.g. when only linting).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (process.env.AMINA_SKIP_PREPARE) process.exit(0);
const run = (command, args) => execFileSync(command, args, { stdio: 'inherit' });

if (existsSync('vite.config.ts')) {
  console.log('amina: building the web app');
  run(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'vite.config.ts', '--logLevel', 'warn']);
}
console.log('amina: preparing the embedded database template');
run(process.execPath, ['bin/amina.js', 'build-template']);
