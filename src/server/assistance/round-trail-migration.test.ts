import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { connect, type Db } from '../db/connect.ts';
import { listMigrations, migrate } from '../db/migrate.ts';
import { scratchDatabase } from '../../../test/postgres.ts';

/**
 * Migration 007 on a database where 006 was applied and rounds were already issued and closed:
 * their trail (issued by, closed at and by) comes from the audit log that recorded each step.
 */
let db: Db;
let drop = async () => {};
beforeAll(async () => {
  const url = process.env.DATABASE_URL;
  if (url) {
    const scratch = await scratchDatabase(url, 'amina_test');
    db = await connect({ databaseUrl: scratch.url });
    drop = scratch.drop;
  } else {
    db = await connect({});
  }
  await migrate(db, listMigrations().filter((m) => m.version <= 6));
});
afterAll(async () => {
  await db?.close();
  await drop();
});

let seq = 0;
/** An audit row as 006's code wrote it for a step of a round (the chain's hashes do not matter here). */
async function audited(action: string, roundId: string, actorId: string, at: string) {
  seq += 1;
  await db.kysely.insertInto('audit_log').values({
    seq, at, actor_id: actorId, actor_name: null, organization_code: 'TRAIL', action, entity: 'distribution_round', entity_id: roundId,
    details: '{}', ip: null, prev_hash: 'x', hash: `h${seq}`,
  }).execute();
}

describe('migration 007 (the trail of a round)', () => {
  it('takes who issued and who closed rounds from the audit log, and when', async () => {
    const k = db.kysely;
    const org = uuidv7();
    await k.insertInto('organizations').values({ id: org, code: 'TRAIL', name: 'Trail', kind: 'ngo' }).execute();
    const [maker, checker] = [uuidv7(), uuidv7()];
    for (const [id, username] of [[maker, 'trail.maker'], [checker, 'trail.checker']]) {
      await sql`insert into users (id, username, display_name, password_hash, organization_id, role)
        values (${id}, ${username}, ${username}, 'x', ${org}, 'programme_manager')`.execute(k);
    }
    const programme = uuidv7();
    await k.insertInto('programmes').values({ id: programme, code: 'TRAIL-1', name: 'Trail', organization_id: org, sector_code: 'shelter_nfi', starts_on: '2014-09-01' }).execute();
    const round = async (number: number, status: string) => {
      const id = uuidv7();
      await sql`insert into distribution_rounds (id, programme_id, number, starts_on, ends_on, status, created_by, authors, submitted_by, approved_by, issued_at, updated_at)
        values (${id}, ${programme}, ${number}, '2014-11-01', '2014-11-30', ${status}, ${maker}, ${[maker]}::uuid[], ${maker}, ${checker},
          ${status === 'approved' ? null : '2014-11-02T08:00:00Z'}, '2014-12-01T10:00:00Z')`.execute(k);
      return id;
    };
    const [issued, closed, unrecorded, approved] = [await round(1, 'issued'), await round(2, 'closed'), await round(3, 'closed'), await round(4, 'approved')];
    await audited('distribution_round.issue', issued, checker, '2014-11-02T08:00:00Z');
    await audited('distribution_round.issue', closed, maker, '2014-11-02T08:00:00Z');
    await audited('distribution_round.close', closed, checker, '2014-12-01T09:59:00Z');

    await migrate(db);
    const rows = await sql<{ id: string; issued_by: string | null; closed_by: string | null; closed_at: Date | string | null }>`
      select id, issued_by, closed_by, closed_at from distribution_rounds where programme_id = ${programme}`.execute(k);
    const trail = new Map(rows.rows.map((r) => [r.id, { issuedBy: r.issued_by, closedBy: r.closed_by, closedAt: r.closed_at && new Date(r.closed_at).toISOString() }]));
    expect(trail.get(issued)).toEqual({ issuedBy: checker, closedBy: null, closedAt: null });
    expect(trail.get(closed)).toEqual({ issuedBy: maker, closedBy: checker, closedAt: '2014-12-01T09:59:00.000Z' });
    // Closed without a record of who closed it: its last change is when.
    expect(trail.get(unrecorded)).toEqual({ issuedBy: null, closedBy: null, closedAt: '2014-12-01T10:00:00.000Z' });
    expect(trail.get(approved)).toEqual({ issuedBy: null, closedBy: null, closedAt: null });
    // From now on a closed round always says when.
    await expect(sql`update distribution_rounds set closed_at = null where id = ${closed}`.execute(k)).rejects.toThrow(/closed_trail/);
  });
});
