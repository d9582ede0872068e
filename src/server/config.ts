import { resolve } from 'node:path';

/** Settings from the environment, read once at start. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  adminPassword: string | undefined;
  dataKey: string | undefined;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  secureCookies: boolean;
  logLevel: string;
  /** Bands of the duplicate check (AMINA_DEDUP_LIKELY, AMINA_DEDUP_POSSIBLE); the model's when unset. */
  dedupThresholds: { likely: number; possible: number } | undefined;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 8080),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.AMINA_DATA_DIR ?? './data'),
    adminPassword: env.AMINA_ADMIN_PASSWORD || undefined,
    dataKey: env.AMINA_DATA_KEY || undefined,
    sessionIdleMinutes: Number(env.AMINA_SESSION_IDLE_MINUTES ?? 30),
    sessionMaxHours: Number(env.AMINA_SESSION_MAX_HOURS ?? 12),
    secureCookies: env.AMINA_SECURE_COOKIES === 'true',
    logLevel: env.LOG_LEVEL ?? 'info',
    dedupThresholds: dedupThresholds(env),
  };
}

/** Both or neither, probabilities with possible <= likely; a bad value stops the start with its name. */
function dedupThresholds(env: NodeJS.ProcessEnv): Config['dedupThresholds'] {
  if (env.AMINA_DEDUP_LIKELY === undefined && env.AMINA_DEDUP_POSSIBLE === undefined) return undefined;
  const likely = Number(env.AMINA_DEDUP_LIKELY);
  const possible = Number(env.AMINA_DEDUP_POSSIBLE);
  if (!(possible > 0 && possible <= likely && likely < 1)) {
    throw new Error('AMINA_DEDUP_LIKELY and AMINA_DEDUP_POSSIBLE must both be set, as probabilities with 0 < possible <= likely < 1');
  }
  return { likely, possible };
}
