import { stat } from 'node:fs/promises';
import { fsPath } from './inputs.js';

/**
 * What a file looked like, to tell "unchanged" without reading it (git's index does the same):
 * `size mtime ctime inode`, times in nanoseconds. Any write through the file system sets the ctime to the
 * clock, and nothing but the clock can set it back: a file edited and its mtime restored (`touch -r`) still
 * differs. A renamed-over or copied file has another inode.
 */
export type FileStat = string;

/** Taken before the file is read or hashed: a change after that is then seen by the next run. */
export async function statOf(path: string | Buffer): Promise<FileStat | undefined> {
  try {
    const s = await stat(typeof path === 'string' ? fsPath(path) : path, { bigint: true });
    return s.isFile() ? `${s.size} ${s.mtimeNs} ${s.ctimeNs} ${s.ino}` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The file is as recorded, so its recorded hash still holds. Not when its ctime is not older than
 * `since` (the manifest's mtime): a file changed within the same clock tick as the stat was taken can
 * keep every field ("racily clean" in git), so it is hashed.
 */
export function sameStat(recorded: FileStat | undefined, now: FileStat | undefined, since: bigint): boolean {
  if (!recorded || recorded !== now) return false;
  return BigInt(now.split(' ')[2]!) < since;
}

/** The manifest's mtime in ns (0 when there is none: nothing is then trusted by its stat). */
export const mtimeNs = async (path: string) => (await stat(path, { bigint: true }).catch(() => null))?.mtimeNs ?? 0n;
