import { expect } from 'vitest';
import type { Client } from '../../../test/client.ts';
import type { TestServer } from '../../../test/server.ts';
import { makeUser, type UserOptions } from '../../../test/factories.ts';
import type { Actor } from '../context.ts';
import { actorByUserId } from '../identity/store.ts';

/** Test data for stock, made fresh per test through the API: keepers, places, goods received. */

export interface Keeper { client: Client; actor: Actor; username: string }

/** A warehouse keeper (stock.read and stock.manage) of MoMD unless told otherwise, with an API client and the actor. */
export async function keeper(server: TestServer, o: UserOptions = {}): Promise<Keeper> {
  const { user, client } = await makeUser(server, { role: 'warehouse_keeper', ...o });
  return { client, actor: (await actorByUserId(server.ctx.db.kysely, user.id))!, username: user.username };
}

export const uniqueCode = (prefix = 'WH') => `${prefix}-${Math.random().toString(36).slice(2, 9).toUpperCase()}`;

export interface Place { id: string; code: string; kind: 'warehouse' | 'point'; pcode: string; version: number; active: boolean }

/** A new place of the client's organisation: a warehouse in Erbil district unless told otherwise. */
export async function newPlace(client: Client, over: Record<string, unknown> = {}): Promise<Place> {
  const res = await client.post('/api/stock/locations', {
    kind: 'warehouse', code: uniqueCode(over.kind === 'point' ? 'DP' : 'WH'), name: 'Erbil central warehouse', nameAr: 'مخزن أربيل المركزي',
    nameCkb: 'کۆگای ناوەندی هەولێر', pcode: 'IQG11Q01', ...over,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** Receives goods at a place (201 expected). */
export async function receive(client: Client, locationId: string, lines: { item: string; quantity: number }[], over: Record<string, unknown> = {}) {
  const res = await client.post('/api/stock/receipts', { locationId, lines, supplier: 'WFP', reference: 'WB-1', ...over });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** The quantity of each item at a place, by item code (absent: no level). */
export async function levelsAt(client: Client, locationId: string): Promise<Record<string, number>> {
  const res = await client.get(`/api/stock/levels?location=${locationId}&pageSize=500`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return Object.fromEntries(res.body.items.map((l: { item: { code: string }; quantity: number }) => [l.item.code, l.quantity]));
}

/** The ledger of a place, newest first. */
export async function ledgerOf(client: Client, locationId: string, query = '') {
  const res = await client.get(`/api/stock/ledger?location=${locationId}&pageSize=500${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items as { item: string; kind: string; change: number; balance: number; missing: number | null; reason: string | null; note: string | null; referenceId: string | null; recordedBy: string | null }[];
}
