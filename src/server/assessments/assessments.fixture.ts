import { expect } from 'vitest';
import type { Client } from '../../../test/client.ts';
import type { TestServer } from '../../../test/server.ts';
import { makeUser, type UserOptions } from '../../../test/factories.ts';
import { actorByUserId } from '../identity/store.ts';

/** Test data for DTM locations, rounds and assessments, made fresh per test through the API. */

let sequence = 0;
/** A round number no other test of the file used (each test file has a database of its own). */
export function roundNumber(): number {
  sequence += 1;
  return sequence;
}

/** A user of a role, with its API client and its actor for calling services directly. */
export async function person(server: TestServer, role: string, o: Omit<UserOptions, 'role'> = {}) {
  const { user, client } = await makeUser(server, { role, ...o });
  const actor = (await actorByUserId(server.ctx.db.kysely, user.id))!;
  return { user, client, actor };
}

export const uniqueCode = (prefix = 'LOC') => `${prefix}-${Math.random().toString(36).slice(2, 9).toUpperCase()}`;

/** A new DTM location (a village in Al-Hamdaniya district of Ninewa unless told otherwise). */
export async function newLocation(client: Client, over: Record<string, unknown> = {}) {
  const res = await client.post('/api/locations', { code: uniqueCode(), name: 'Bartella', nameAr: 'برطلة', pcode: 'IQG15Q03', ...over });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; code: string; pcode: string; version: number };
}

/** A new open round of the client's organisation, covering September 2014 and reporting on its last day. */
export async function newRound(client: Client, over: Record<string, unknown> = {}) {
  const res = await client.post('/api/rounds', { number: roundNumber(), startsOn: '2014-09-01', endsOn: '2014-09-30', reportedOn: '2014-09-30', ...over });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; number: number; status: string };
}

/** A valid assessment body for a round and location; override any field. */
export function assessmentBody(roundId: string, locationId: string, over: Record<string, unknown> = {}) {
  return { roundId, locationId, assessedOn: '2014-09-12', idpFamilies: 120, ...over };
}
