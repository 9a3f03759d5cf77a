import { execFile, type ExecFileOptions } from 'node:child_process';
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
