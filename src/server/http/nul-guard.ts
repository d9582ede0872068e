import type { FastifyInstance } from 'fastify';
import { Problem } from './problem.ts';

/** The path of the first string holding a NUL character (PostgreSQL cannot store one), or null. */
export function findNul(value: unknown, path: string[] = []): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') || '(body)' : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findNul(item, [...path, String(i)]);
      if (found !== null) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = findNul(key, [...path, key]) ?? findNul(item, [...path, key]);
      if (found !== null) return found;
    }
  }
  return null;
}

/** Refuses a NUL character anywhere in the address, query or body with a 400 naming the field. */
export function installNulGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    const path = findNul(request.params) ?? findNul(request.query) ?? findNul(request.body);
    if (path !== null) throw new Problem(400, 'problem.validation', { errors: [{ path, key: 'invalid' }] });
  });
}
