import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Rows a report holds in memory before they go to disk. A run fills five such tables at once (reports and
 * site): at 50,000 the agency table alone held 29.5 MB (heap snapshot of a run); at 10,000 all five stay
 * around 30 MB. More runs to merge cost little: a merge reads 64K of each run at a time.
 */
const IN_MEMORY = 10_000;

/**
 * Report rows in sorted order without holding them all (an external merge sort): rows gather in memory,
 * every IN_MEMORY rows a sorted run goes to a temp file (one JSON row per line), and iterating merges the
 * runs. The merge is stable (ties keep the order rows were added in), so the result equals a stable sort of
 * every row. Iterable any number of times; `dispose` removes the temp files.
 */
export class SortedRows<T> implements Iterable<T> {
  private buffer: T[] = [];
  private sorted = true;
  private readonly runs: string[] = [];
  private dir: string | null = null;
  length = 0;

  constructor(
    private readonly compare: (a: T, b: T) => number,
    private readonly limit = IN_MEMORY,
  ) {}

  add(row: T): void {
    this.buffer.push(row);
    this.sorted = false;
    this.length++;
    if (this.buffer.length >= this.limit) this.spill();
  }

  private spill(): void {
    this.dir ??= mkdtempSync(join(tmpdir(), 'decree-graph-report-'));
    const file = join(this.dir, `${this.runs.length}.ndjson`);
    writeFileSync(file, this.buffer.sort(this.compare).map((r) => JSON.stringify(r) + '\n').join(''));
    this.runs.push(file);
    this.buffer = [];
  }

  *[Symbol.iterator](): Iterator<T> {
    if (!this.sorted) this.buffer.sort(this.compare);
    this.sorted = true;
    // Earlier runs first, the in-memory rows last: on ties the lower source wins, which keeps it stable.
    const sources: Iterator<T>[] = [...this.runs.map((f) => readRows<T>(f)), this.buffer.values()];
    const heads: (T | undefined)[] = sources.map((s) => s.next().value);
    const before = (i: number, j: number) => this.compare(heads[i]!, heads[j]!) < 0 || (this.compare(heads[i]!, heads[j]!) === 0 && i < j);
    // A binary min-heap of source indices, ordered by each source's current row.
    const heap = sources.map((_, i) => i).filter((i) => heads[i] !== undefined);
    const down = (k: number) => {
      for (let c; (c = 2 * k + 1) < heap.length; k = c) {
        if (c + 1 < heap.length && before(heap[c + 1]!, heap[c]!)) c++;
        if (!before(heap[c]!, heap[k]!)) return;
        [heap[c], heap[k]] = [heap[k]!, heap[c]!];
      }
    };
    for (let k = (heap.length >> 1) - 1; k >= 0; k--) down(k);
    try {
      while (heap.length) {
        const i = heap[0]!;
        yield heads[i]!;
        const next = sources[i]!.next();
        if (next.done) {
          heap[0] = heap[heap.length - 1]!;
          heap.pop();
        } else heads[i] = next.value;
        down(0);
      }
    } finally {
      for (const s of sources) s.return?.();
    }
  }

  dispose(): void {
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    this.dir = null;
    this.runs.length = 0;
    this.buffer = [];
    this.length = 0;
  }
}

/** One sorted run (or any file of one JSON value per line), a row at a time. */
export function* readRows<T>(file: string): Generator<T> {
  for (const line of readLines(file)) yield JSON.parse(line) as T;
}

/** A file's lines, read a chunk at a time (split on bytes, so only whole lines are decoded). */
export function* readLines(file: string): Generator<string> {
  const fd = openSync(file, 'r');
  let buf = Buffer.alloc(1 << 16);
  let filled = 0;
  try {
    for (;;) {
      if (filled === buf.length) buf = Buffer.concat([buf, Buffer.alloc(buf.length)]); // a line longer than the buffer
      const n = readSync(fd, buf, filled, buf.length - filled, null);
      filled += n;
      const end = filled ? buf.lastIndexOf(0x0a, filled - 1) : -1;
      if (end >= 0) {
        yield* buf.toString('utf8', 0, end).split('\n');
        buf.copy(buf, 0, end + 1, filled);
        filled -= end + 1;
      }
      if (n === 0) {
        // A last line without its newline.
        if (filled) yield buf.toString('utf8', 0, filled);
        return;
      }
    }
  } finally {
    closeSync(fd);
  }
}
