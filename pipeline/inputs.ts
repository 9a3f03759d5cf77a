import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

const GAZETTE_FILE = /\.(?:txt|html?)$/i;

/** Why an input could not be read, in the same words wherever it is reported. */
export const MISSING = 'read: ENOENT no such file or directory (or a link to nowhere)';
export const unreadable = (err: unknown) => `read: ${(err as NodeJS.ErrnoException).code ?? ''} cannot read the file: ${(err as Error).message}`;

/**
 * Expands files and directories (recursively) into gazette paths, sorted for reproducible output.
 * A path that does not exist is reported, not thrown, so the batch goes on.
 */
export async function findInputs(args: string[]): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  async function walk(p: string, explicit: boolean): Promise<void> {
    let st;
    try {
      st = await stat(p);
    } catch {
      missing.push(p);
      return;
    }
    if (st.isDirectory()) {
      const entries = await readdir(p);
      for (const e of entries.sort()) await walk(join(p, e), false);
    } else if (explicit || GAZETTE_FILE.test(p)) {
      files.push(p);
    }
  }
  for (const a of args) await walk(a, true);
  return { files: [...new Set(files)], missing };
}
