import { access } from 'node:fs/promises';
import type { Rejected } from '../graph/model.js';
import { hashInput } from './inputs.js';
import type { Manifest } from './manifest.js';
import { outputsIntact } from './outdir.js';

/**
 * Nothing to do when, on disk: the same inputs with the same content as the last complete run, the
 * same files left aside, every output it recorded there with the bytes it recorded (a run killed
 * after replacing an output, or a deleted CSV, is rebuilt) and every cache entry there. Hashing is the
 * only work.
 */
export async function upToDate(out: string, previous: Manifest | null, files: string[], found: { missing: string[]; rejected: Rejected[]; notTaken: Rejected[] }, cacheFile: (sha256: string) => string): Promise<boolean> {
  if (!previous?.summary || found.missing.length || found.rejected.length) return false;
  if (JSON.stringify(found.notTaken) !== JSON.stringify(previous.notTaken)) return false;
  const paths = Object.keys(previous.inputs);
  if (paths.length !== files.length || files.some((f) => !previous.inputs[f])) return false;
  for (const f of files) {
    const sha256 = previous.inputs[f]!.sha256;
    if (!sha256 || !(await access(cacheFile(sha256)).then(() => true, () => false))) return false;
  }
  if (!Object.keys(previous.outputs).length || !(await outputsIntact(out, previous.outputs))) return false;
  // Streamed: an unchanged re-run of a large corpus never holds a whole file.
  for (const f of files) if ((await hashInput(f)) !== previous.inputs[f]!.sha256) return false;
  return true;
}
