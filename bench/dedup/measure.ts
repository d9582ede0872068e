/**
 * Runs a command as a child process and measures it: wall-clock seconds and peak memory (maximum
 * resident set size, from GNU time -v when /usr/bin/time exists, else VmHWM of /proc/<pid>/status
 * polled every 50 ms). Worker threads live inside the one process, so its peak covers them.
 * The child's stderr (progress) passes through. Used by run.ts.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Measured { code: number | null; stdout: string; seconds: number; peakMb: number | null }

const GNU_TIME = '/usr/bin/time';

function vmHwmKb(pid: number): number | null {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** Runs `command args` from `cwd` to its end. */
export function measure(command: string, args: string[], cwd: string): Promise<Measured> {
  const dir = mkdtempSync(join(tmpdir(), 'amina-dedup-bench-'));
  const report = join(dir, 'time.txt');
  const timed = existsSync(GNU_TIME);
  const [cmd, argv] = timed ? [GNU_TIME, ['-v', '-o', report, command, ...args]] : [command, args];
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { cwd, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    let peakKb = 0;
    const poll = timed ? null : setInterval(() => { peakKb = Math.max(peakKb, vmHwmKb(child.pid!) ?? 0); }, 50);
    child.stdout.on('data', (d) => { stdout += d; });
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (poll) clearInterval(poll);
      if (timed && existsSync(report)) {
        const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(readFileSync(report, 'utf8'));
        peakKb = match ? Number(match[1]) : 0;
      }
      rmSync(dir, { recursive: true, force: true });
      resolve({ code, stdout, seconds, peakMb: peakKb ? peakKb / 1024 : null });
    });
  });
}

/** Numbers of a summary line such as `records 10, candidate pairs 20, pairs scored 30, seconds 1.2`. */
export function summaryNumbers(stdout: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const match of stdout.matchAll(/([a-z][a-z ]*?) (\d[\d,]*(?:\.\d+)?)(?=,|\n|$)/g)) {
    out[match[1].trim()] = Number(match[2].replace(/,/g, ''));
  }
  return out;
}
