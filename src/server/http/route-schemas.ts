import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import type { Stored } from '../shared/idempotency.ts';

/** What the capabilities' routes share: an id in the path, the Idempotency-Key header, a page of items, a 201 that says when it replays. */
export const IdParam = z.object({ id: z.uuid('uuid.invalid') });
export const IdempotencyHeaders = z.object({ 'idempotency-key': z.string().trim().min(8, 'too_small').max(200, 'too_big').optional() });
/** A page of items and how many there are in all. */
export const PageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

/** Answers a create: 201 with the record, marked when it replays an earlier request with the same Idempotency-Key. */
export function sendCreated<T>(reply: FastifyReply, result: Stored<T>) {
  if (result.replayed) reply.header('idempotent-replayed', 'true');
  return reply.status(result.status).send(result.body);
}
