import { execFile, type ExecFileOptions } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CLI = fileURLToPath(new URL('../../dist/pipeline/cli.js', import.meta.url));

/** `more`: where it runs (cwd), as whom (uid/gid), for how long at most (timeout, then SIGKILL). */
export function cli(args: string[], env: Record<string, string> = {}, more: ExecFileOptions = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { env: { ...process.env, NEO4J_URI: '', ...env }, maxBuffer: 64 << 20, killSignal: 'SIGKILL', ...more }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

/** Every file under `dir` with its bytes, by relative path: two out directories compared whole. */
/** The files under `dir`, names only: safe while a run writes there (a temp file may vanish before it is read). */
export function fileNames(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)));
}

export function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const name = relative(dir, join(e.parentPath, e.name));
    if (e.isFile()) out[name] = (name === 'manifest.json' ? withoutStats(readFileSync(join(e.parentPath, e.name))) : readFileSync(join(e.parentPath, e.name))).toString('base64');
  }
  return out;
}

/** The manifest's file stats (times, inodes) are all that differs between two runs writing the same bytes. */
function withoutStats(manifest: Buffer): Buffer {
  const m = JSON.parse(manifest.toString('utf8')) as { outputStats?: unknown; inputs?: Record<string, { stat?: string }> };
  delete m.outputStats;
  for (const e of Object.values(m.inputs ?? {})) delete e.stat;
  return Buffer.from(JSON.stringify(m));
}
