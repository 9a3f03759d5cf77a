import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import PQueue from 'p-queue';
import type { FileResult } from './extract.js';

type Result = FileResult & { bodies?: string[] };
type Pending = { resolve: (r: Result) => void; path: string };

/**
 * A fixed set of extraction workers behind a p-queue: at most one file in flight per worker, so memory
 * stays bounded whatever the corpus size. A worker that dies fails only the file it held, and is replaced.
 */
export class ExtractionPool {
  private readonly idle: Worker[] = [];
  private readonly queue: PQueue;
  private readonly held = new Map<Worker, Pending>();
  private readonly dead = new WeakSet<Worker>();

  constructor(readonly size = Math.max(1, availableParallelism())) {
    this.queue = new PQueue({ concurrency: size });
    for (let i = 0; i < size; i++) this.idle.push(this.spawn());
  }

  private spawn(): Worker {
    const w = new Worker(new URL('./worker.js', import.meta.url));
    const fail = (why: string) => {
      if (this.dead.has(w)) return;
      this.dead.add(w);
      const p = this.held.get(w);
      p?.resolve({ path: p.path, rejected: `internal: extraction worker died (${why}) while reading this file` });
    };
    w.on('message', (m: { result: Result }) => this.held.get(w)?.resolve(m.result));
    w.on('error', (err) => fail(err.message));
    w.on('exit', (code) => fail(`exit code ${code}`));
    return w;
  }

  /** Extracts one file's bytes in a worker; the bytes are moved, not copied, when they own their buffer. */
  extract(path: string, bytes: Uint8Array): Promise<Result> {
    return this.queue.add(async () => {
      const w = this.idle.pop() ?? this.spawn();
      const result = await new Promise<Result>((resolve) => {
        this.held.set(w, { resolve, path });
        const owns = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
        w.postMessage({ path, bytes }, owns ? [bytes.buffer as ArrayBuffer] : []);
      });
      this.held.delete(w);
      this.idle.push(this.dead.has(w) ? this.spawn() : w);
      return result;
    }) as Promise<Result>;
  }

  async close(): Promise<void> {
    await this.queue.onIdle();
    const workers = this.idle.splice(0);
    for (const w of workers) this.dead.add(w); // exiting on purpose is not a crash
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
