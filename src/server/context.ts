import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.ts';
import type { Db } from './db/connect.ts';
import type { Sealer } from './shared/crypto.ts';

/** What every service needs from the running server: the database, settings, the field sealer. */
export interface Ctx {
  db: Db;
  config: Config;
  sealer: Sealer;
  log: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;
}

/** The person (or script) behind a request, resolved from a session cookie or an API token. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  organizationId: string;
  organizationCode: string;
  organizationName: string;
  organizationNameAr: string | null;
  organizationNameCkb: string | null;
  role: string;
  permissions: ReadonlySet<string>;
  scope: readonly string[];
  locale: string;
  mfaEnabled: boolean;
  mfaRequired: boolean;
  via: 'session' | 'token' | 'cli';
  sessionId: string | null;
  csrfToken: string | null;
  ip: string | null;
}
