import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import PQueue from 'p-queue';
import type { Warning } from '../corpus/problems.js';
import type { DocumentRecord, Keyword } from '../graph/model.js';
import type { FileResult } from './extract.js';

type Pending<Req, Res, Batch> = { resolve: (r: Res) => void; req: Req; started?: () => void; batch?: (b: Batch) => void };

/**
 * A fixed set of worker threads behind a p-queue: at most one job in flight per worker, so memory stays
 * bounded whatever the corpus size. A worker that dies fails only the job it held (as `died` says), and is
 * replaced. A worker answers each message with `{ result }`; one whose jobs have a time budget says
 * `{ started }` first, so the budget counts the job, not the worker's start-up; one whose answer is large
 * sends it in parts (`{ batch }`) before the result.
 */
class ThreadPool<Req, Res, Batch = never> {
  private readonly idle: Worker[] = [];
  private readonly queue: PQueue;
  private readonly held = new Map<Worker, Pending<Req, Res, Batch>>();
  private readonly dead = new WeakSet<Worker>();

  constructor(
    private readonly script: URL,
    readonly size: number,
    private readonly died: (req: Req, why: string) => Res,
    /** A job that takes longer gets this answer; its worker is stopped and replaced. */
    private readonly timeout?: { ms: number; result: (req: Req) => Res },
  ) {
    this.queue = new PQueue({ concurrency: size });
    for (let i = 0; i < size; i++) this.idle.push(this.spawn());
  }

  private spawn(): Worker {
    const w = new Worker(this.script);
    const fail = (why: string) => {
      if (this.dead.has(w)) return;
      this.dead.add(w);
      const p = this.held.get(w);
      p?.resolve(this.died(p.req, why));
    };
    w.on('message', (m: { result: Res } | { started: true } | { batch: Batch }) => {
      const p = this.held.get(w);
      if ('started' in m) p?.started?.();
      else if ('batch' in m) p?.batch?.(m.batch);
      else p?.resolve(m.result);
    });
    w.on('error', (err) => fail(err.message));
    w.on('exit', (code) => fail(`exit code ${code}`));
    return w;
  }

  run(req: Req, transfer: ArrayBuffer[] = [], batch?: (b: Batch) => void): Promise<Res> {
    return this.queue.add(async () => {
      const w = this.idle.pop() ?? this.spawn();
      let timer: NodeJS.Timeout | undefined;
      const result = await new Promise<Res>((resolve) => {
        const t = this.timeout;
        const started = t
          ? () => {
              timer = setTimeout(() => {
                // Marked dead first: its exit is then not reported as a crash.
                this.dead.add(w);
                void w.terminate();
                resolve(t.result(req));
              }, t.ms);
            }
          : undefined;
        this.held.set(w, { resolve, req, started, batch });
        w.postMessage(req, transfer);
      });
      clearTimeout(timer);
      this.held.delete(w);
      this.idle.push(this.dead.has(w) ? this.spawn() : w);
      return result;
    }) as Promise<Res>;
  }

  async close(): Promise<void> {
    await this.queue.onIdle();
    const workers = this.idle.splice(0);
    for (const w of workers) this.dead.add(w); // exiting on purpose is not a crash
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/**
 * Extraction workers, one file per job; documents come back without keywords, in batches as they are
 * extracted (`extract`'s `batch`), so a very large input is never one message; the result then says how
 * the input ended.
 */
export class ExtractionPool extends ThreadPool<{ path: string; bytes: Uint8Array }, FileResult, DocumentRecord[]> {
  constructor(size = Math.max(1, availableParallelism()), seconds = Infinity) {
    super(
      new URL('./worker.js', import.meta.url),
      size,
      (req, why) => ({ path: req.path, rejected: `internal: extraction worker died (${why}) while reading this file` }),
      Number.isFinite(seconds)
        ? { ms: seconds * 1000, result: (req) => ({ path: req.path, rejected: `limit/time: unexpected extraction still running after ${seconds} s, expected at most ${seconds} s per input (--max-input-seconds)` }) }
        : undefined,
    );
  }

  /** The bytes are moved, not copied, when they own their buffer. */
  extract(path: string, bytes: Uint8Array, batch: (documents: DocumentRecord[]) => void): Promise<FileResult> {
    const owns = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    return this.run({ path, bytes }, owns ? [bytes.buffer as ArrayBuffer] : [], batch);
  }
}

/** A keyword job over its time budget: the input keeps its documents, without keywords, with this warning. */
type Dropped = { dropped: Warning };
type KeywordAnswer = Keyword[][] | { failed: string } | Dropped;

/**
 * The segmenter in one thread of its own. nodejieba's dictionaries (~290 MB) are never freed once loaded,
 * so there is one copy per process, not one per extraction worker; and TF-IDF keywords, the costliest step
 * of a run, no longer hold up the main thread, which writes the outputs meanwhile. It reads an input's
 * documents from its pending file itself (`file`), one line at a time, and answers with their keywords, so
 * no body is copied between threads or written twice. An input's job has the
 * per-input time budget (from when the thread starts it): over it, the thread is stopped and replaced, and
 * the input's keywords are dropped with a `limit/time` warning, so one input cannot stall the run here.
 */
export class KeywordThread extends ThreadPool<{ file: string }, KeywordAnswer> {
  constructor(seconds = Infinity, script = new URL('./keywordWorker.js', import.meta.url)) {
    super(
      script,
      1,
      (_req, why) => ({ failed: `internal: keyword worker died (${why}) while segmenting this file` }),
      Number.isFinite(seconds)
        ? { ms: seconds * 1000, result: () => ({ dropped: { rule: 'limit/time', message: `unexpected keyword segmentation still running after ${seconds} s, expected at most ${seconds} s per input (--max-input-seconds); keywords left out` } }) }
        : undefined,
    );
  }
}

/** Each document with its keywords, or, when they were dropped, none and the warning. */
export function* withKeywords(docs: Iterable<DocumentRecord>, answer: Keyword[][] | Dropped): Generator<DocumentRecord> {
  let i = 0;
  for (const d of docs) {
    if (Array.isArray(answer)) d.keywords = answer[i++]!;
    else d.warnings.push(answer.dropped);
    yield d;
  }
}
