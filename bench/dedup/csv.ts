/**
 * Minimal, fast CSV for the dedup benchmark (UTF-8, RFC 4180 quoting): a buffered writer that
 * respects stream back-pressure, and a reader that walks a whole file once. Measures nothing.
 */
import { createWriteStream, readFileSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';

const NEEDS_QUOTES = /[",\r\n]/;

/** One field as CSV: quoted (quotes doubled) only when it holds a comma, quote or line break. */
export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Writes rows to a file through a 1 MB buffer; call `close()` at the end. */
export class CsvWriter {
  private readonly out: WriteStream;
  private buffer = '';

  constructor(path: string) {
    this.out = createWriteStream(path, { encoding: 'utf8' });
  }

  /** Adds one row; resolves at once unless the buffer was flushed into a full stream. */
  async row(fields: readonly string[]): Promise<void> {
    let line = '';
    for (let i = 0; i < fields.length; i++) line += (i ? ',' : '') + csvField(fields[i]);
    this.buffer += `${line}\n`;
    if (this.buffer.length >= 1 << 20) await this.flush();
  }

  private async flush(): Promise<void> {
    const chunk = this.buffer;
    this.buffer = '';
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }

  async close(): Promise<void> {
    if (this.buffer) await this.flush();
    this.out.end();
    await once(this.out, 'finish');
  }
}

/**
 * Calls `visit` with the fields of every row after the header, and returns the header. Reads the
 * whole file into one string: fine up to a few hundred MB (a million people is about 150 MB).
 */
export function readCsv(path: string, visit: (fields: string[], row: number, header: string[]) => void): string[] {
  const text = readFileSync(path, 'utf8');
  let header: string[] | null = null;
  let row = 0;
  let fields: string[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const end = text.length;
  while (i < end) {
    let value: string;
    if (text.charCodeAt(i) === 34) {
      let j = i + 1;
      value = '';
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) throw new Error(`${path}: unterminated quote`);
        value += text.slice(j, q);
        if (text.charCodeAt(q + 1) === 34) {
          value += '"';
          j = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
    } else {
      let j = i;
      while (j < end) {
        const c = text.charCodeAt(j);
        if (c === 44 || c === 10 || c === 13) break;
        j++;
      }
      value = text.slice(i, j);
      i = j;
    }
    fields.push(value);
    const c = text.charCodeAt(i);
    if (c === 44) {
      i++;
      continue;
    }
    if (c === 13) i++;
    i++;
    if (header === null) header = fields;
    else visit(fields, row++, header);
    fields = [];
  }
  return header ?? [];
}

/** Column positions by name; throws when a required column is missing. */
export function columns<const T extends string>(header: readonly string[], names: readonly T[], optional: readonly string[] = []): Record<T, number> {
  const out = {} as Record<T, number>;
  for (const name of names) {
    const at = header.indexOf(name);
    if (at < 0 && !optional.includes(name)) throw new Error(`missing column ${name}`);
    out[name] = at;
  }
  return out;
}
