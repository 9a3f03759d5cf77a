import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { open, readdir, realpath, stat } from 'node:fs/promises';
import { normalize } from 'node:path';
import type { Rejected } from '../graph/model.js';
import { isOurManifest, MANIFEST } from './manifest.js';

/** What discovery takes from a folder: text, Markdown, HTML and PDF (read by corpus/read.ts). */
const GAZETTE_FILE = /\.(?:txt|md|html?|pdf)$/i;

/** Why an input could not be read, in the same words wherever it is reported. */
export const MISSING = 'read: ENOENT no such file or directory (or a link to nowhere)';
export const unreadable = (err: unknown) => `read: ${(err as NodeJS.ErrnoException).code ?? ''} cannot read the file: ${(err as Error).message}`;

export interface Discovery {
  /** Gazettes to read, by display path, sorted: reproducible output. */
  files: string[];
  /** Named but not there. */
  missing: string[];
  /** Directories that could not be listed: reported as rejected inputs, the batch goes on. */
  rejected: Rejected[];
  /** Everything met and not taken (FIFO, device, unknown type, a second path to one file), with why. */
  notTaken: Rejected[];
}

/**
 * File names are bytes: one that is not UTF-8 is shown with \xNN escapes and opened by its bytes
 * (kept here), so it is read like any other instead of failing as ENOENT.
 */
const RAW = new Map<string, Buffer>();
const UTF8 = new TextDecoder('utf-8', { fatal: true });
function display(raw: Buffer): string {
  try {
    return UTF8.decode(raw);
  } catch {
    let s = '';
    for (const b of raw) s += b < 0x80 ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`;
    RAW.set(s, raw);
    return s;
  }
}
/** What the file system is given for a display path. */
export const fsPath = (path: string): string | Buffer => RAW.get(path) ?? path;

const SLASH = Buffer.from('/');
const DOT = Buffer.from('.');
/** As path.join does it, on bytes: `.`/g.txt is g.txt. */
const child = (dir: Buffer, name: Buffer) => (dir.equals(DOT) ? name : dir.equals(SLASH) ? Buffer.concat([SLASH, name]) : Buffer.concat([dir, SLASH, name]));
/** Whether the real path `real` is `root` or below it; bytes, as names need not be UTF-8. */
const under = (real: Buffer, root: Buffer) => real.equals(root) || (real.length > root.length && real[root.length] === SLASH[0] && real.subarray(0, root.length).equals(root));

function kindOf(st: import('node:fs').Stats): string | null {
  if (st.isFIFO()) return 'input/fifo: unexpected a named pipe, expected a regular file (reading it could block forever)';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'input/device: unexpected a device, expected a regular file';
  if (st.isSocket()) return 'input/socket: unexpected a socket, expected a regular file';
  return null;
}

/**
 * Expands files and directories (recursively, following links) into gazette paths. Each real file is
 * taken once, each real directory walked once (so link loops end), an out directory (one holding our
 * manifest, or one of `exclude`) is never read. Nothing here throws for a bad entry: it is reported.
 */
export async function findInputs(args: string[], exclude: string[] = []): Promise<Discovery> {
  const found: Discovery = { files: [], missing: [], rejected: [], notTaken: [] };
  const roots = await Promise.all(exclude.map((p) => realpath(p, { encoding: 'buffer' }).catch(() => Buffer.from(p))));
  const dirs = new Map<string, string>();
  const files = new Map<string, string>();
  const skip = (path: string, reason: string) => void found.notTaken.push({ path, reason });

  async function walk(raw: Buffer, explicit: boolean): Promise<void> {
    const path = display(raw);
    let st;
    try {
      st = await stat(raw);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') found.missing.push(path);
      else if (code === 'ELOOP') skip(path, 'input/symlink-loop: unexpected a link that leads back to itself, expected a file or directory');
      else found.rejected.push({ path, reason: unreadable(err) });
      return;
    }
    const odd = kindOf(st);
    if (odd) return skip(path, odd);
    const realBytes = await realpath(raw, { encoding: 'buffer' }).catch(() => raw);
    // Keys for "seen before": every byte kept (latin1 maps bytes one to one).
    const real = realBytes.toString('latin1');
    if (roots.some((r) => under(realBytes, r))) return skip(path, 'input/out-dir: inside the out directory of this run, never read as input');
    if (st.isDirectory()) {
      const first = dirs.get(real);
      if (first !== undefined) return skip(path, `input/duplicate: the directory ${first} again (a link loop or a second path), walked once`);
      dirs.set(real, path);
      if (await isOurManifest(child(realBytes, Buffer.from(MANIFEST)))) return skip(path, `input/out-dir: holds a decree-graph ${MANIFEST}, its outputs are never read as input`);
      let names: Buffer[];
      try {
        names = await readdir(raw, { encoding: 'buffer' });
      } catch (err) {
        found.rejected.push({ path, reason: `read: ${(err as NodeJS.ErrnoException).code ?? ''} cannot list the directory: ${(err as Error).message}` });
        return;
      }
      for (const n of names.sort(Buffer.compare)) await walk(child(raw, n), false);
      return;
    }
    if (!explicit && !GAZETTE_FILE.test(path)) return skip(path, 'input/unknown-type: unexpected file type, expected .txt, .md, .html, .htm or .pdf');
    const first = files.get(real);
    if (first === path) return;
    if (first !== undefined) return skip(path, `input/duplicate: the same file as ${first}, read once`);
    files.set(real, path);
    found.files.push(path);
  }
  for (const a of args) await walk(Buffer.from(normalize(a).replace(/(.)\/+$/, '$1')), true);
  return found;
}

/** Raised when an input cannot be read whole within its budget; the message is the rejection reason. */
export class InputError extends Error {}

/**
 * Reads one input, never blocking (a FIFO swapped in after discovery) and never past `maxBytes`
 * (a link to /dev/zero, a file growing while read).
 */
export async function readInput(path: string, maxBytes: number): Promise<Buffer> {
  let fh;
  try {
    fh = await open(fsPath(path), constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    throw new InputError((err as NodeJS.ErrnoException).code === 'ENOENT' ? MISSING : unreadable(err));
  }
  try {
    const st = await fh.stat();
    if (!st.isFile()) throw new InputError(kindOf(st) ?? 'input/not-a-file: unexpected a directory, expected a regular file');
    if (st.size > maxBytes) throw new InputError(tooLarge(st.size, maxBytes));
    // Sized exactly, so the buffer can be moved to a worker rather than copied; one more read tells
    // whether the file grew meanwhile, and a grown file is read on up to the budget.
    let buf = Buffer.allocUnsafeSlow(st.size);
    let n = 0;
    for (;;) {
      if (n === buf.length) {
        const probe = Buffer.alloc(1);
        if (!(await fh.read(probe, 0, 1, n)).bytesRead) break;
        if (n + 1 > maxBytes) throw new InputError(tooLarge(n + 1, maxBytes));
        buf = Buffer.concat([buf, probe, Buffer.alloc(Math.min(Math.max(n, 1 << 16), maxBytes - n))]);
        n += 1;
      }
      const { bytesRead } = await fh.read(buf, n, buf.length - n, n);
      if (!bytesRead) break;
      n += bytesRead;
    }
    return n === buf.length ? buf : buf.subarray(0, n);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(unreadable(err));
  } finally {
    await fh.close();
  }
}

const tooLarge = (size: number, max: number) => `limit/size: unexpected ${size} bytes or more, expected at most ${max} bytes per input (--max-input-mb)`;

/** sha256 of an input, streamed; null when it cannot be read as a regular file. */
export async function hashInput(path: string): Promise<string | null> {
  const hash = createHash('sha256');
  try {
    const fh = await open(fsPath(path), constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      if (!(await fh.stat()).isFile()) return null;
      for await (const chunk of fh.createReadStream({ autoClose: false })) hash.update(chunk as Buffer);
    } finally {
      await fh.close();
    }
  } catch {
    return null;
  }
  return hash.digest('hex');
}
