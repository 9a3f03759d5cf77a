/** Progress on stderr: a redrawn bar on a terminal, plain lines otherwise (CI logs, pipes). */
export interface Progress {
  start(total: number): void;
  tick(path: string, status: 'processed' | 'skipped' | 'rejected'): void;
  done(): void;
}

export function makeProgress(stream: NodeJS.WriteStream = process.stderr, quiet = false): Progress {
  let total = 0;
  let n = 0;
  if (quiet) return { start: () => {}, tick: () => {}, done: () => {} };
  if (stream.isTTY) {
    const width = 30;
    return {
      start: (t) => (total = t),
      tick: (path) => {
        n++;
        const filled = Math.round((n / Math.max(1, total)) * width);
        const name = path.length > 40 ? `…${path.slice(-39)}` : path;
        stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${n}/${total} ${name}\x1b[K`);
      },
      done: () => stream.write('\n'),
    };
  }
  return {
    start: (t) => (total = t),
    tick: (path, status) => stream.write(`[${++n}/${total}] ${status} ${path}\n`),
    done: () => {},
  };
}
