import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { Ctx } from './context.ts';
import type { Executor } from './audit/store.ts';
import { seedIraqAreas } from './places/service.ts';
import { createUser } from './identity/users.ts';
import { countUsers, insertOrganization, organizationByCode } from './identity/users-store.ts';

const ORGANIZATIONS = [
  { code: 'MOMD', name: 'Ministry of Migration and Displacement', nameAr: 'وزارة الهجرة والمهجرين', nameCkb: 'وەزارەتی کۆچ و کۆچبەران', kind: 'government' as const },
  { code: 'BMD', name: 'Bureau of Migration and Displacement (KRG)', nameAr: 'مكتب الهجرة والمهجرين (إقليم كوردستان)', nameCkb: 'فەرمانگەی کۆچ و کۆچبەران (هەرێمی کوردستان)', kind: 'government' as const },
];

/** Facts every installation starts with: Iraq's areas and the two registries' organisations. */
export async function seedReferenceData(db: Executor): Promise<number> {
  const areas = await seedIraqAreas(db);
  for (const org of ORGANIZATIONS) {
    if (!(await organizationByCode(db, org.code))) await insertOrganization(db, uuidv7(), org);
  }
  return areas;
}

/**
 * First start on an empty database: Iraq's governorates and districts, the organisations MoMD
 * and BMD, and an administrator `admin` (password from AMINA_ADMIN_PASSWORD or a random one,
 * returned so the caller prints it once). Later starts change nothing.
 */
export async function bootstrap(ctx: Ctx): Promise<{ adminPassword: string | null; areas: number }> {
  const db = ctx.db.kysely;
  const areas = await seedReferenceData(db);
  if ((await countUsers(db)) > 0) return { adminPassword: null, areas };
  const password = ctx.config.adminPassword ?? randomBytes(12).toString('base64url');
  const momd = (await organizationByCode(db, 'MOMD'))!;
  await createUser(ctx, null, {
    username: 'admin', displayName: 'Administrator', password, organizationId: momd.id,
    role: 'administrator', scope: [], locale: 'en', mfaRequired: false,
  });
  return { adminPassword: ctx.config.adminPassword ? null : password, areas };
}
