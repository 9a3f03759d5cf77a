import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Headless Chromium (Debian's chromium package); returns what it prints (the DOM with --dump-dom). */
export function chromium(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'chromium',
      ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', `--user-data-dir=${mkdtempSync(join(tmpdir(), 'chromium-'))}`, ...args],
      { maxBuffer: 64 << 20, timeout: 60_000 },
      (err, stdout, stderr) => (err ? reject(new Error(`chromium failed (install Debian's chromium package): ${err.message}\n${stderr}`)) : resolve(stdout)),
    );
  });
}
