import { mkdir, open, readdir, readFile, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { isTempName, writeFileAtomic } from './atomic.js';
import { sameStat, statOf, type FileStat } from './fileStat.js';
import { hashInput } from './inputs.js';
import { isOurManifest, MANIFEST, markerManifest, type OutputHashes } from './manifest.js';

/**
 * Who owns the out directory. The tool writes only into a directory that is new, empty or made by it
 * (it holds our manifest); it holds an exclusive lock there for the whole run; it deletes only its own
 * temp files (`.decree-graph-tmp-*`), cache entries (`cache/<sha256>.json`) and outputs its manifest names.
 */
export const LOCK = '.decree-graph.lock';
/** Subdirectories the tool writes into (temp files are swept here, nowhere else). */
const OWN_DIRS = ['', 'cache', 'import', 'reports', 'reports/decree', 'reports/agency', 'reports/deadlines'];
const CACHE_NAME = /^[0-9a-f]{64}(?:\.pending)?\.json$/;

/** A refusal that is the user's to fix (exit 2), with the out directory in the message. */
export class OutDirError extends Error {}

/** Names that are ours even before a manifest exists (a first run killed early). */
const ours = (name: string) => name === LOCK || name === MANIFEST || isTempName(name);

async function checkOwnership(out: string): Promise<void> {
  let st;
  try {
    st = await stat(out);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new OutDirError(`${out}: cannot use as out directory: ${(err as Error).message}`);
  }
  if (!st.isDirectory()) throw new OutDirError(`${out}: unexpected a file, expected a directory for the outputs (--out)`);
  if (await isOurManifest(join(out, MANIFEST))) return;
  const foreign = (await readdir(out)).filter((n) => !ours(n));
  if (foreign.length) {
    throw new OutDirError(
      `${out}: unexpected a directory holding files decree-graph did not write (${foreign.slice(0, 3).join(', ')}${foreign.length > 3 ? ', …' : ''}), expected a new or empty directory or one made by decree-graph; nothing was changed`,
    );
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but is someone else's.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Takes the lock, or says who holds it. A lock left by a dead process on this host is taken over. */
async function lock(out: string): Promise<() => Promise<void>> {
  const path = join(out, LOCK);
  const me = JSON.stringify({ pid: process.pid, host: hostname() });
  for (;;) {
    try {
      const f = await open(path, 'wx');
      await f.writeFile(me);
      await f.close();
      return () => rm(path, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    let holder: { pid?: number; host?: string } = {};
    try {
      holder = JSON.parse(await readFile(path, 'utf8')) as typeof holder;
    } catch {
      // Being written this instant, or torn by a crash: a torn lock (no pid) counts as stale below.
    }
    const stale = typeof holder.pid !== 'number' ? (await ageMs(path)) > 10_000 : holder.host === hostname() && !alive(holder.pid);
    if (!stale) {
      const who = typeof holder.pid === 'number' ? `pid ${holder.pid}${holder.host === hostname() ? '' : ` on ${holder.host}`}` : 'another run';
      throw new OutDirError(`${out}: out directory in use by ${who} (lock file ${path}); nothing was changed`);
    }
    await rm(path, { force: true });
  }
}

const ageMs = async (path: string) => Date.now() - (await stat(path).then((s) => s.mtimeMs, () => 0));

/** Leftovers of a run that was killed mid-write: our temp files in our directories only. */
async function removeTempFiles(out: string): Promise<void> {
  for (const d of OWN_DIRS) {
    const dir = join(out, d);
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const n of names) if (isTempName(n)) await rm(join(dir, n), { force: true });
  }
}

/**
 * Makes `out` ours for the run: refuses a directory with files we did not write, locks it, sweeps our
 * temp files and leaves a manifest behind at once (so a first run killed early still owns its directory).
 * Returns the unlock.
 */
export async function claimOut(out: string): Promise<() => Promise<void>> {
  await checkOwnership(out);
  await mkdir(join(out, 'cache'), { recursive: true });
  const unlock = await lock(out);
  try {
    await removeTempFiles(out);
    if (!(await isOurManifest(join(out, MANIFEST)))) await writeFileAtomic(join(out, MANIFEST), markerManifest());
  } catch (err) {
    await unlock();
    throw err;
  }
  return unlock;
}

/** Cache entries of inputs no longer in the run go; anything else in cache/ is not ours and stays. */
export async function pruneCache(out: string, keep: Set<string>): Promise<void> {
  for (const f of await readdir(join(out, 'cache'))) if (CACHE_NAME.test(f) && !keep.has(f)) await rm(join(out, 'cache', f), { force: true });
}

/** Hashes of the outputs just written (relative paths), for the next run's up-to-date check. */
export async function hashOutputs(out: string, files: string[]): Promise<OutputHashes> {
  const hashes: OutputHashes = {};
  for (const f of files.sort()) hashes[f] = (await hashInput(join(out, f)))!;
  return hashes;
}

/** Stats of the outputs just written, taken before they are hashed (see FileStat). */
export async function statOutputs(out: string, files: string[]): Promise<Record<string, FileStat>> {
  const stats: Record<string, FileStat> = {};
  for (const f of [...files].sort()) {
    const s = await statOf(join(out, f));
    if (s) stats[f] = s;
  }
  return stats;
}

/**
 * Every output the manifest names is on disk with the bytes it recorded. Only outputs whose stat changed
 * since (or that are too recent to trust it, see sameStat) are read and hashed.
 */
export async function outputsIntact(out: string, outputs: OutputHashes, stats: Record<string, FileStat>, since: bigint): Promise<boolean> {
  for (const [f, sha256] of Object.entries(outputs)) {
    const path = join(out, f);
    if (!sameStat(stats[f], await statOf(path), since) && (await hashInput(path)) !== sha256) return false;
  }
  return true;
}

/** Outputs a previous run wrote that this one did not (recorded, so ours to delete). */
export async function removeStaleOutputs(out: string, before: OutputHashes, now: OutputHashes): Promise<void> {
  for (const f of Object.keys(before)) if (!(f in now)) await rm(join(out, f), { force: true });
}
