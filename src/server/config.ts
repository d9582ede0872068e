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
  };
}
