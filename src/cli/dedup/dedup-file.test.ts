import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { syntheticHouseholds } from '#domain/demo/synthetic';
import { parseCsv, PEOPLE_COLUMNS } from './people-file.ts';

// The real `amina dedup file` in a child process, with its worker threads.
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'amina-dedup-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function amina(...args: string[]) {
  const run = spawnSync(process.execPath, [join(ROOT, 'bin/amina.js'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

type Row = Partial<Record<(typeof PEOPLE_COLUMNS)[number] | 'true_id', string>>;

/** Labelled people from the synthetic registries: every member, with the person behind it. */
function syntheticPeople(households: number): Row[] {
  const rows: Row[] = [];
  for (const h of syntheticHouseholds({ seed: 5, households, overlap: 0.3 })) {
    h.input.members.forEach((m, i) => rows.push({
      record_id: `${h.ref}-${i}`, registry: h.registry, household_id: h.ref, given_name: m.givenName,
      father_name: m.fatherName ?? '', grandfather_name: m.grandfatherName ?? '', family_name: m.familyName ?? '',
      sex: m.sex, birth_date: m.birthDate ?? '', phone: h.input.phone ?? '', document_number: m.documents[0]?.number ?? '',
      origin_pcode: h.input.origin.pcode, address: h.input.current.address ?? '', true_id: h.people[i],
    }));
  }
  return rows;
}

function write(name: string, rows: Row[]): string {
  const path = join(work, name);
  writeFileSync(path, stringify(rows, { header: true, columns: [...PEOPLE_COLUMNS, 'true_id'] }));
  return path;
}

const clustersOf = (path: string) => new Map((parse(readFileSync(path), { columns: true }) as { record_id: string; cluster_id: string }[]).map((r) => [r.record_id, r.cluster_id]));

describe('amina dedup file', () => {
  it('puts one person written in Arabic, Kurdish and Latin script in one cluster, and a different person apart', () => {
    const file = write('three-scripts.csv', [
      { record_id: 'momd-1', registry: 'MOMD', household_id: 'h1', given_name: 'محمد', father_name: 'حسين', grandfather_name: 'علي', family_name: 'الجبوري', sex: 'm', birth_date: '1975', phone: '07501234567', document_number: '12345678', origin_pcode: 'IQG15Q05' },
      { record_id: 'bmd-1', registry: 'BMD', household_id: 'h2', given_name: 'محەمەد', father_name: 'حوسێن', grandfather_name: 'عەلی', family_name: 'جبووری', sex: 'm', birth_date: '١٩٧٥-٠٧-٠١', phone: '+964 750 123 4567', origin_pcode: 'IQG15Q05' },
      { record_id: 'ngo-1', registry: 'NGO', household_id: 'h3', given_name: 'Mohammed', father_name: 'Hussein', grandfather_name: 'Ali', family_name: 'al-Jubouri', sex: 'm', birth_date: '1975', document_number: '12345678', origin_pcode: 'IQG15Q05', address: 'Erbil, "Baharka" camp' },
      { record_id: 'other', registry: 'MOMD', household_id: 'h4', given_name: 'محمود', father_name: 'حسن', grandfather_name: 'عمر', family_name: 'الدليمي', sex: 'm', birth_date: '1980', origin_pcode: 'IQG01Q01' },
    ]);
    const out = join(work, 'three-scripts-clusters.csv');
    const pairs = join(work, 'three-scripts-pairs.csv');
    const run = amina('dedup', 'file', file, '--out', out, '--pairs', pairs);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/records 4, candidate pairs \d+, pairs scored \d+, matched pairs \d+, clusters 2, seconds/);
    const clusters = clustersOf(out);
    expect([...clusters.keys()]).toEqual(['momd-1', 'bmd-1', 'ngo-1', 'other']);
    expect(new Set([clusters.get('momd-1'), clusters.get('bmd-1'), clusters.get('ngo-1')]).size).toBe(1);
    expect(clusters.get('other')).not.toBe(clusters.get('momd-1'));
    const scored = parse(readFileSync(pairs), { columns: true }) as { record_id_1: string; record_id_2: string; band: string }[];
    expect(scored.map((p) => [p.record_id_1, p.record_id_2].sort().join('+'))).toEqual(expect.arrayContaining(['bmd-1+momd-1', 'momd-1+ngo-1']));
    expect(scored.every((p) => p.band === 'likely' || p.band === 'possible')).toBe(true);
  });

  it('finds the families registered twice in a synthetic registry, with the model estimated from the file', () => {
    const rows = syntheticPeople(2500);
    const file = write('synthetic.csv', rows);
    const out = join(work, 'synthetic-clusters.csv');
    const run = amina('dedup', 'file', file, '--out', out, '--workers', '2');
    expect(run.code, run.stderr).toBe(0);
    const clusters = clustersOf(out);
    expect(clusters.size).toBe(rows.length);
    // Pairwise precision and recall against the truth.
    const byTruth = new Map<string, string[]>();
    for (const r of rows) byTruth.set(r.true_id!, [...(byTruth.get(r.true_id!) ?? []), r.record_id!]);
    let truePairs = 0;
    let found = 0;
    for (const ids of byTruth.values()) {
      for (let a = 0; a < ids.length; a++) for (let b = a + 1; b < ids.length; b++) {
        truePairs++;
        if (clusters.get(ids[a]) === clusters.get(ids[b])) found++;
      }
    }
    const byCluster = new Map<string, Row[]>();
    for (const r of rows) byCluster.set(clusters.get(r.record_id!)!, [...(byCluster.get(clusters.get(r.record_id!)!) ?? []), r]);
    let predicted = 0;
    let right = 0;
    for (const members of byCluster.values()) {
      for (let a = 0; a < members.length; a++) for (let b = a + 1; b < members.length; b++) {
        predicted++;
        if (members[a].true_id === members[b].true_id) right++;
      }
    }
    expect(truePairs).toBeGreaterThan(500);
    expect(found / truePairs).toBeGreaterThan(0.95);
    expect(right / predicted).toBeGreaterThan(0.85);
  });

  it('refuses a file without a record_id column, an empty file, and a threshold that is not a probability', () => {
    const file = join(work, 'bad.csv');
    writeFileSync(file, 'id,given_name\n1,Ali\n');
    const run = amina('dedup', 'file', file, '--out', join(work, 'bad-out.csv'));
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('record_id');
    const empty = join(work, 'empty.csv');
    writeFileSync(empty, '');
    const nothing = amina('dedup', 'file', empty, '--out', join(work, 'bad-out.csv'));
    expect(nothing.code).not.toBe(0);
    expect(nothing.stderr.trim()).toBe('the file is empty');
    const threshold = amina('dedup', 'file', file, '--out', join(work, 'bad-out.csv'), '--threshold', '7');
    expect(threshold.code).not.toBe(0);
    expect(threshold.stderr).toContain('--threshold');
  });
});

describe('parseCsv', () => {
  const rows = (text: string) => {
    const out: string[][] = [];
    parseCsv(text, (r) => out.push(r));
    return out;
  };

  it('reads quoted commas, quotes and line breaks, CRLF, a BOM and a missing last newline', () => {
    expect(rows('\ufeffa,b\r\n"x, y","say ""hi"""\r\n"two\nlines",\n3,4')).toEqual([
      ['a', 'b'], ['x, y', 'say "hi"'], ['two\nlines', ''], ['3', '4'],
    ]);
  });

  it('agrees with csv-parse on a file of Arabic and Kurdish names', () => {
    const text = stringify(syntheticPeople(50), { header: true, columns: [...PEOPLE_COLUMNS, 'true_id'] });
    expect(rows(text)).toEqual(parse(text));
  });
});
