import { access } from 'node:fs/promises';
import { join } from 'node:path';
import type { Rejected } from '../graph/model.js';
import { mtimeNs, sameStat, type FileStat } from './fileStat.js';
import { hashInput } from './inputs.js';
import { MANIFEST, type Manifest } from './manifest.js';
import { outputsIntact } from './outdir.js';

/**
 * Nothing to do when, on disk: the same inputs with the same content as the last complete run, the
 * same files left aside, every output it recorded there with the bytes it recorded (a run killed
 * after replacing an output, or a deleted CSV, is rebuilt) and every cache entry there. A file (input or
 * output) whose stat is as recorded is taken as unchanged without reading it (see FileStat); the others
 * are hashed and compared.
 */
export async function upToDate(
  out: string,
  previous: Manifest | null,
  files: string[],
  found: { missing: string[]; rejected: Rejected[]; notTaken: Rejected[] },
  cacheFile: (sha256: string) => string,
  stats: Map<string, FileStat | undefined>,
): Promise<boolean> {
  if (!previous?.summary || found.missing.length || found.rejected.length) return false;
  if (JSON.stringify(found.notTaken) !== JSON.stringify(previous.notTaken)) return false;
  const paths = Object.keys(previous.inputs);
  if (paths.length !== files.length || files.some((f) => !previous.inputs[f])) return false;
  for (const f of files) {
    const sha256 = previous.inputs[f]!.sha256;
    if (!sha256 || !(await access(cacheFile(sha256)).then(() => true, () => false))) return false;
  }
  const since = await mtimeNs(join(out, MANIFEST));
  if (!Object.keys(previous.outputs).length || !(await outputsIntact(out, previous.outputs, previous.outputStats ?? {}, since))) return false;
  for (const f of files) {
    const was = previous.inputs[f]!;
    // Streamed: an unchanged re-run of a large corpus never holds a whole file.
    if (!sameStat(was.stat, stats.get(f), since) && (await hashInput(f)) !== was.sha256) return false;
  }
  return true;
}
