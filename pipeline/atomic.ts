import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

let serial = 0;
const TEMP_PREFIX = '.decree-graph-tmp-';
/**
 * A temp name no other writer uses, even for the same path at the same time (two identical inputs).
 * The prefix marks it as ours: a run sweeps only such names, never a user's `*.tmp`.
 */
const tempName = (path: string) => join(dirname(path), `${TEMP_PREFIX}${basename(path)}.${process.pid}-${++serial}`);
export const isTempName = (name: string) => name.startsWith(TEMP_PREFIX);

/** Writes via a temp file + rename, so a crash never leaves a half-written output behind. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = tempName(path);
  try {
    await writeFile(tmp, data);
  } catch (err) {
    // The directory is made only when missing: a run writes thousands of files into a few directories.
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    await mkdir(dirname(path), { recursive: true });
    await writeFile(tmp, data);
  }
  await rename(tmp, path);
}

/** Pieces written as they come, atomically (see AtomicStream). */
export async function writePieces(path: string, pieces: Iterable<string>): Promise<void> {
  const f = new AtomicStream(path);
  for (const p of pieces) await f.write(p);
  await f.close();
}

/**
 * A file written piece by piece to a temp file and renamed into place on `close`: readers see the old
 * file or the whole new one, never a part. Small pieces are gathered into chunks of ~64K characters, as
 * per-piece stream writes cost more than the text (a run writes millions of CSV lines); `write` waits
 * when the OS buffer is full.
 */
export class AtomicStream {
  private readonly tmp: string;
  private stream: WriteStream | null = null;
  private pending: string[] = [];
  private pendingLength = 0;

  constructor(readonly path: string) {
    this.tmp = tempName(path);
  }

  async write(chunk: string): Promise<void> {
    this.pending.push(chunk);
    this.pendingLength += chunk.length;
    if (this.pendingLength >= CHUNK) await this.flush();
  }

  private async flush(): Promise<void> {
    if (!this.stream) {
      await mkdir(dirname(this.path), { recursive: true });
      this.stream = createWriteStream(this.tmp);
    }
    const text = this.pending.join('');
    this.pending = [];
    this.pendingLength = 0;
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  /** Drops what was written: the file stays as it was (nothing, or the last whole version). */
  async discard(): Promise<void> {
    this.pending = [];
    const s = this.stream;
    if (!s) return;
    await new Promise<void>((resolve) => s.end(resolve));
    await rm(this.tmp, { force: true });
  }

  async close(): Promise<void> {
    await this.flush();
    const s = this.stream!;
    await new Promise<void>((resolve, reject) => s.end((err?: Error | null) => (err ? reject(err) : resolve())));
    await rename(this.tmp, this.path);
  }
}

const CHUNK = 1 << 16;
