/** One changed value, by its path in the household (`members.2.givenName`). */
export interface Change { path: string; from: unknown; to: unknown }

function flatten(value: unknown, prefix: string, out: Map<string, unknown>) {
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object')) {
    out.set(prefix, value.length ? value.join(', ') : null);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => flatten(v, prefix ? `${prefix}.${i}` : String(i), out));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out.set(prefix, value ?? null);
  }
}

/** The leaf values that differ between two versions of a record. */
export function diffRecords(before: unknown, after: unknown): Change[] {
  const a = new Map<string, unknown>();
  const b = new Map<string, unknown>();
  flatten(before, '', a);
  flatten(after, '', b);
  const changes: Change[] = [];
  for (const path of new Set([...a.keys(), ...b.keys()])) {
    const from = a.get(path) ?? null;
    const to = b.get(path) ?? null;
    if (from !== to) changes.push({ path, from, to });
  }
  return changes;
}
