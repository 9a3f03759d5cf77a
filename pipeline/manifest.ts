import { readFile } from 'node:fs/promises';
import type { Rejected } from '../graph/model.js';
import type { FileStat } from './fileStat.js';

/** `<out>/manifest.json`: what the last complete run read and wrote. Written last, atomically. */
export const MANIFEST = 'manifest.json';

export interface ManifestEntry {
  /** null when the file could not be read. */
  sha256: string | null;
  status: 'processed' | 'rejected';
  reason?: string;
  documents: string[];
  /** The file's stat when it was read: an unchanged re-run hashes it only when this differs. */
  stat?: FileStat;
}

/** Output path (relative to the out directory) → sha256 of its bytes. */
export type OutputHashes = Record<string, string>;

export interface Facts {
  citations: number;
  assignments: number;
  amounts: number;
  deadlines: number;
  appointments: number;
}

/** One 发文字号 printed by more than one input: the record the graph keeps, and the others. */
export interface Conflict {
  id: string;
  kept: { path: string; start: number };
  others: { path: string; start: number }[];
}

export interface Manifest {
  /** Marks the directory as made by decree-graph: the only kind of non-empty --out it writes into. */
  tool: 'decree-graph';
  schemaVersion: 1;
  /** The export's SCHEMA_VERSION the cache was written for: a cache of another version is not reused. */
  exportVersion?: number;
  inputs: Record<string, ManifestEntry>;
  /** Files input discovery did not take, each with why (FIFO, device, unknown type, …). */
  notTaken: Rejected[];
  conflicts: Conflict[];
  /** Every output the run wrote, with its hash: the tool replaces and deletes only these. */
  outputs: OutputHashes;
  /** Each output's stat when it was hashed: an unchanged re-run hashes only outputs whose stat differs. */
  outputStats?: Record<string, FileStat>;
  /** Totals of the run that wrote the outputs, reported again by an unchanged re-run. */
  summary?: { documents: number; facts: Facts };
}

export async function readManifest(path: string | Buffer): Promise<Manifest | null> {
  try {
    const m = JSON.parse(await readFile(path, 'utf8')) as Partial<Manifest>;
    return isManifest(m) ? { notTaken: [], conflicts: [], outputs: {}, ...m, tool: 'decree-graph' } as Manifest : null;
  } catch {
    return null;
  }
}

// Manifests written before the `tool` mark have the same shape: their directories are ours too.
const isManifest = (m: Partial<Manifest> | null) => !!m && typeof m === 'object' && m.schemaVersion === 1 && !!m.inputs && typeof m.inputs === 'object';

export const isOurManifest = async (path: string | Buffer) => (await readManifest(path)) !== null;

/** The manifest of a directory claimed by a run that has not finished yet: ours, but never up to date. */
export const markerManifest = () => serialize({ tool: 'decree-graph', schemaVersion: 1, inputs: {}, notTaken: [], conflicts: [], outputs: {} });

export const serialize = (m: Manifest) => JSON.stringify(m, null, 2) + '\n';
