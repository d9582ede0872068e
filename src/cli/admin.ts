import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { parse } from 'csv-parse/sync';
import { loadConfig } from '#server/config';
import { openDatabase } from '#server/main';
import { migrate } from '#server/db/migrate';
import { buildTemplate } from '#server/db/template';
import { verifyAuditLog } from '#server/audit/service';
import { createUser, listUsers, updateUser } from '#server/identity/users';
import { organizationByCode } from '#server/identity/users-store';
import { importAreas } from '#server/places/service';
import { parseCodAbGeoJson, parseHxlAreasCsv } from '#domain/places/boundary-import';
import { cliActor, withContext } from './context.ts';

/** migrate, build-template, users, areas import, audit verify. */
export function registerAdminCommands(program: Command) {
  program.command('migrate').description('apply pending database migrations').action(async () => {
    const db = await openDatabase(loadConfig());
    const applied = await migrate(db);
    await db.close();
    console.log(applied.length ? `applied migrations: ${applied.join(', ')}` : 'database is up to date');
  });

  program.command('build-template', { hidden: true }).description('save a migrated empty PGlite database for fast first starts')
    .action(async () => { await buildTemplate(); });

  const users = program.command('users').description('manage users');
  users.command('create').description('create a user')
    .requiredOption('--username <name>').requiredOption('--password <password>')
    .option('--name <display name>').option('--org <code>', 'organisation code', 'MOMD')
    .option('--role <role>', 'administrator | data_manager | registration_officer | viewer | protection_officer', 'registration_officer')
    .option('--scope <pcodes>', 'comma-separated P-code prefixes (empty: whole country)', '')
    .option('--mfa-required', 'require two-factor authentication')
    .action((o) => withContext(async (ctx) => {
      const org = await organizationByCode(ctx.db.kysely, o.org.toUpperCase());
      if (!org) throw new Error(`no organisation with code ${o.org}`);
      const user = await createUser(ctx, await cliActor(ctx), {
        username: o.username, displayName: o.name ?? o.username, password: o.password, organizationId: org.id,
        role: o.role, scope: o.scope ? o.scope.split(',').map((s: string) => s.trim().toUpperCase()) : [],
        locale: 'en', mfaRequired: Boolean(o.mfaRequired),
      });
      console.log(`created ${user.username} (${user.role}, ${user.organization.code})`);
    }));
  users.command('list').description('list users').action(() => withContext(async (ctx) => {
    for (const u of await listUsers(ctx, await cliActor(ctx))) {
      console.log([u.username, u.organization.code, u.role, u.scope.join(',') || '*', u.active ? 'active' : 'inactive', u.mfaEnabled ? 'mfa' : ''].join('\t'));
    }
  }));
  users.command('reset-password').description('set a new password and unlock the account')
    .argument('<username>').requiredOption('--password <password>')
    .action((username: string, o) => withContext(async (ctx) => {
      const actor = await cliActor(ctx);
      const user = (await listUsers(ctx, actor)).find((u) => u.username.toLowerCase() === username.toLowerCase());
      if (!user) throw new Error(`no such user: ${username}`);
      await updateUser(ctx, actor, user.id, { version: user.version, password: o.password, unlock: true });
      console.log(`password reset for ${user.username}; their sessions were ended`);
    }));

  program.command('areas').description('admin areas').command('import')
    .description('import COD-AB GeoJSON (boundaries) or an HXL-tagged CSV of areas').argument('<file>')
    .action((file: string) => withContext(async (ctx) => {
      const text = readFileSync(file, 'utf8');
      const result = file.toLowerCase().endsWith('.csv')
        ? parseHxlAreasCsv(parse(text, { bom: true, relax_column_count: true }) as string[][])
        : parseCodAbGeoJson(JSON.parse(text));
      for (const e of result.errors) console.error(`row ${e.row}: ${e.message}`);
      const count = await importAreas(ctx, await cliActor(ctx), result.areas);
      console.log(`imported ${count} areas (${result.areas.filter((a) => a.geometry).length} with boundaries), ${result.errors.length} rows rejected`);
      if (result.errors.length) process.exitCode = 1;
    }));

  program.command('audit').description('audit log').command('verify')
    .description('check the hash chain; names the first altered or removed row')
    .action(() => withContext(async (ctx) => {
      const verdict = await verifyAuditLog(ctx.db);
      if (verdict.ok) {
        console.log(`audit log intact: ${verdict.rows} rows`);
        return;
      }
      console.error(`audit log BROKEN at row ${verdict.firstBadSeq}: ${verdict.reason} (${verdict.rows} rows verified before it)`);
      process.exitCode = 2;
    }));
}
