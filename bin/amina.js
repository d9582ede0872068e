#!/usr/bin/env node
// The `amina` command: TypeScript sources run through tsx's loader, no build step for the server.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
