import { v7 as uuidv7 } from 'uuid';
import type { TestServer } from './server.ts';
import { Client } from './client.ts';
import { createUser } from '../src/server/identity/users.ts';
import { organizationByCode } from '../src/server/identity/users-store.ts';
import { createApiToken } from '../src/server/identity/sessions.ts';
import { actorByUserId } from '../src/server/identity/store.ts';

let counter = 0;
export const PASSWORD = 'a-long-test-password';

/** A unique username for this test run. */
export function uniqueName(prefix = 'user') {
  counter += 1;
  return `${prefix}${counter}_${Math.random().toString(36).slice(2, 7)}`;
}

export interface UserOptions { role?: string; org?: string; scope?: string[]; mfaRequired?: boolean; username?: string }

/** Creates a user directly (no admin session needed) and returns it with a client using an API token. */
export async function makeUser(server: TestServer, o: UserOptions = {}) {
  const org = await organizationByCode(server.ctx.db.kysely, o.org ?? 'MOMD');
  const user = await createUser(server.ctx, null, {
    username: o.username ?? uniqueName(o.role ?? 'user'), displayName: 'Test user', password: PASSWORD,
    organizationId: org!.id, role: o.role ?? 'registration_officer', scope: o.scope ?? [], locale: 'en',
    mfaRequired: o.mfaRequired ?? false,
  });
  const actor = (await actorByUserId(server.ctx.db.kysely, user.id))!;
  const { token } = await createApiToken(server.ctx, actor, 'tests');
  const client = new Client(server.url);
  client.bearer = token;
  return { user, client };
}

/** A signed-in browser-like client (session cookie and CSRF token). */
export async function sessionFor(server: TestServer, username: string, password = PASSWORD) {
  const client = new Client(server.url);
  const res = await client.login(username, password);
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return client;
}

/** A valid household body in Arabic script; override any field. */
export function householdInput(overrides: Record<string, unknown> = {}) {
  return {
    origin: { pcode: 'IQG15Q05', place: 'حي الزهراء' },
    displacedOn: '2014-06',
    current: { pcode: 'IQG11Q01', siteId: null, address: 'عنكاوا' },
    shelter: 'host_family',
    phone: '0750 123 4567',
    legalBasis: 'vital_interest',
    consent: { given: true, date: '2014-07-15', scope: ['registration', 'assistance'] },
    members: [
      { relationship: 'head', givenName: 'أحمد', fatherName: 'حسن', grandfatherName: 'علي', familyName: 'الجبوري', sex: 'm', birthDate: '1975', documents: [{ type: 'national_id', number: `19${Math.floor(Math.random() * 1e8)}` }], specificNeeds: ['SM'] },
      { relationship: 'spouse', givenName: 'فاطمة', fatherName: 'محمود', grandfatherName: 'سالم', familyName: 'العبيدي', sex: 'f', birthDate: '1980-03' },
    ],
    ...overrides,
  };
}

export const newId = () => uuidv7();
