import { Presets, SingleBar } from 'cli-progress';

/** How far a long command has got. */
export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

/** A bar on stderr when it is a terminal; otherwise a line at every tenth, for logs and pipes. */
export function progress(label: string): Progress {
  return process.stderr.isTTY ? bar(label) : lines(label);
}

function bar(label: string): Progress {
  const display = new SingleBar({
    stream: process.stderr, hideCursor: true, etaBuffer: 20,
    format: `${label} [{bar}] {percentage}% | {value}/{total} | {duration}s (eta {eta}s)`,
  }, Presets.shades_classic);
  let started = false;
  return {
    update(done, total) {
      if (!started) display.start(total, 0);
      started = true;
      display.setTotal(total);
      display.update(done);
    },
    stop() {
      if (started) display.stop();
    },
  };
}

function lines(label: string): Progress {
  const started = performance.now();
  let nextTenth = 1;
  return {
    update(done, total) {
      const tenth = total === 0 ? 10 : Math.floor((done * 10) / total);
      if (tenth < nextTenth) return;
      nextTenth = tenth + 1;
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      process.stderr.write(`${label}: ${done}/${total} (${tenth * 10}%, ${seconds} s)\n`);
    },
    stop() {},
  };
}
