import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

let serial = 0;
/** A temp name no other writer uses, even for the same path at the same time (two identical inputs). */
const tempName = (path: string) => `${path}.${process.pid}-${++serial}.tmp`;

/** Writes via a temp file + rename, so a crash never leaves a half-written output behind. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = tempName(path);
  await writeFile(tmp, data);
  await rename(tmp, path);
}

/**
 * A file written piece by piece to a temp file and renamed into place on `close`: readers see the old
 * file or the whole new one, never a part. `write` waits when the OS buffer is full.
 */
export class AtomicStream {
  private readonly tmp: string;
  private stream: WriteStream | null = null;

  constructor(readonly path: string) {
    this.tmp = tempName(path);
  }

  async write(chunk: string): Promise<void> {
    if (!this.stream) {
      await mkdir(dirname(this.path), { recursive: true });
      this.stream = createWriteStream(this.tmp);
    }
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    if (!this.stream) await this.write('');
    const s = this.stream!;
    await new Promise<void>((resolve, reject) => s.end((err?: Error | null) => (err ? reject(err) : resolve())));
    await rename(this.tmp, this.path);
  }
}
