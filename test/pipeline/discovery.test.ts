import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findInputs } from '../../pipeline/inputs.js';
import { ISSUERS, pageOf, textGazette } from '../fixtures/gazettes.js';
import { cli } from './cliHelper.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'dg-find-'));
const reasons = (list: { path: string; reason: string }[]) => Object.fromEntries(list.map((r) => [r.path, r.reason.split(':')[0]]));

describe('input discovery visits each real file once and never hangs', () => {
  it('two links pointing at each other end the walk, reported as a link loop', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'g.txt'), textGazette(ISSUERS[0]!));
    symlinkSync(join(dir, 'b.txt'), join(dir, 'a.txt'));
    symlinkSync(join(dir, 'a.txt'), join(dir, 'b.txt'));
    const found = await findInputs([dir]);
    expect(found.files).toEqual([join(dir, 'g.txt')]);
    expect(reasons(found.notTaken)).toEqual({ [join(dir, 'a.txt')]: 'input/symlink-loop', [join(dir, 'b.txt')]: 'input/symlink-loop' });
  });

  it('a directory link back to an ancestor: each gazette is read once, the loop named', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'g.txt'), textGazette(ISSUERS[1]!));
    symlinkSync(dir, join(dir, 'sub', 'up'));
    const found = await findInputs([dir]);
    expect(found.files).toEqual([join(dir, 'sub', 'g.txt')]);
    expect(reasons(found.notTaken)).toEqual({ [join(dir, 'sub', 'up')]: 'input/duplicate' });
  });

  it('a second path to one file (a link) is read once; the same argument twice is one input', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'g.txt'), textGazette(ISSUERS[2]!));
    symlinkSync(join(dir, 'g.txt'), join(dir, 'link.txt'));
    const found = await findInputs([dir, join(dir, 'g.txt')]);
    expect(found.files).toEqual([join(dir, 'g.txt')]);
    expect(reasons(found.notTaken)).toEqual({ [join(dir, 'link.txt')]: 'input/duplicate' });
  });

  it('FIFOs, devices and sockets are not taken, each with its reason; named or found in a folder', async () => {
    const dir = tmp();
    execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
    symlinkSync('/dev/zero', join(dir, 'zero.txt'));
    const found = await findInputs([dir, '/dev/null']);
    expect(found.files).toEqual([]);
    expect(reasons(found.notTaken)).toEqual({ [join(dir, 'pipe.txt')]: 'input/fifo', [join(dir, 'zero.txt')]: 'input/device', '/dev/null': 'input/device' });
  });

  it('takes .txt, .md, .html, .htm and .pdf from folders; names every other file with why', async () => {
    const dir = tmp();
    for (const f of ['a.txt', 'b.md', 'c.html', 'd.HTM', 'e.pdf', 'f.docx', 'g.png', 'README']) writeFileSync(join(dir, f), 'x');
    const found = await findInputs([dir]);
    expect(found.files).toEqual(['a.txt', 'b.md', 'c.html', 'd.HTM', 'e.pdf'].map((f) => join(dir, f)));
    expect(reasons(found.notTaken)).toEqual(Object.fromEntries(['README', 'f.docx', 'g.png'].map((f) => [join(dir, f), 'input/unknown-type'])));
  });

  it('two folders whose names are not UTF-8 are two folders', async () => {
    const dir = tmp();
    for (const b of [0xfe, 0xff]) {
      const sub = Buffer.concat([Buffer.from(`${dir}/d`), Buffer.from([b])]);
      mkdirSync(sub);
      writeFileSync(Buffer.concat([sub, Buffer.from('/g.txt')]), textGazette(ISSUERS[0]!));
    }
    const found = await findInputs([dir]);
    expect(found.files).toEqual([`${dir}/d\\xfe/g.txt`, `${dir}/d\\xff/g.txt`]);
    expect(found.notTaken).toEqual([]);
  });

  it('a named file of any type is taken: the user asked for it', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'gazette.text'), 'x');
    expect((await findInputs([join(dir, 'gazette.text')])).files).toEqual([join(dir, 'gazette.text')]);
  });
});

describe('decree-graph run over a hostile folder', () => {
  it('a FIFO and a link to /dev/zero named *.txt: the run ends, reads the gazettes, and lists what it did not take', async () => {
    const dir = tmp();
    const out = tmp();
    writeFileSync(join(dir, 'g.txt'), textGazette(ISSUERS[0]!));
    writeFileSync(join(dir, 'p.html'), pageOf(ISSUERS[1]!));
    execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
    symlinkSync('/dev/zero', join(dir, 'zero.txt'));
    writeFileSync(join(dir, 'scan.docx'), 'x');
    const r = await cli(['run', dir, '--out', out], {}, { timeout: 60_000 });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/2 processed, 0 skipped \(unchanged\), 0 rejected; 2 documents/);
    // Named at the end of the summary, so that "0 documents" can never hide a folder of files.
    const tail = r.stderr.slice(r.stderr.indexOf('not taken'));
    for (const f of ['pipe.txt: input/fifo', 'zero.txt: input/device', 'scan.docx: input/unknown-type']) expect(tail).toContain(`not taken ${join(dir, f)}`);
    expect(tail).toMatch(/3 file\(s\) not taken as input/);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.notTaken.map((n: { path: string }) => n.path).sort()).toEqual(['pipe.txt', 'scan.docx', 'zero.txt'].map((f) => join(dir, f)));
  }, 90_000);

  it('extract lists the files it did not take as run does, after its summary; the export is unchanged', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'g.txt'), textGazette(ISSUERS[0]!));
    writeFileSync(join(dir, 'p.html'), pageOf(ISSUERS[1]!));
    execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
    writeFileSync(join(dir, 'scan.docx'), 'x');
    const r = await cli(['extract', dir], {}, { timeout: 60_000 });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).documents.map((d: { id: string }) => d.id).sort()).toEqual([ISSUERS[0]!.number, ISSUERS[1]!.number].sort());
    const tail = r.stderr.slice(r.stderr.indexOf('not taken'));
    for (const f of ['pipe.txt: input/fifo', 'scan.docx: input/unknown-type']) expect(tail).toContain(`not taken ${join(dir, f)}`);
    expect(tail).toMatch(/2 file\(s\) not taken as input \(listed above\)\n$/);
  }, 90_000);

  it('a file name that is not UTF-8 is read like any other, shown with \\x escapes', async () => {
    const dir = tmp();
    const out = tmp();
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/g`), Buffer.from([0xff, 0xfe]), Buffer.from('.txt')]), textGazette(ISSUERS[2]!));
    const r = await cli(['run', dir, '--out', out]);
    expect(r.code).toBe(0);
    const exp = JSON.parse(readFileSync(join(out, 'export.json'), 'utf8'));
    expect(exp.documents.map((d: { id: string; source: { path: string } }) => [d.id, d.source.path])).toEqual([[ISSUERS[2]!.number, `${dir}/g\\xff\\xfe.txt`]]);
  });

  // As root, permissions do not apply: the run is made as nobody, who cannot list the locked folder.
  const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  it('an unreadable subdirectory is a rejected entry; the batch goes on (exit 1, outputs written)', async () => {
    const dir = tmp();
    const out = join(tmp(), 'out');
    writeFileSync(join(dir, 'g.txt'), textGazette(ISSUERS[0]!));
    mkdirSync(join(dir, 'locked'));
    writeFileSync(join(dir, 'locked', 'h.txt'), textGazette(ISSUERS[1]!));
    chmodSync(join(dir, 'locked'), 0o000);
    for (const d of [dir, join(out, '..')]) chmodSync(d, 0o777);
    const r = await cli(['run', dir, '--out', out], {}, asUser);
    chmodSync(join(dir, 'locked'), 0o755);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/1 processed, 0 skipped \(unchanged\), 1 rejected; 1 documents/);
    expect(r.stderr).toContain(`rejected ${join(dir, 'locked')}: read: EACCES cannot list the directory`);
    expect(JSON.parse(readFileSync(join(out, 'export.json'), 'utf8')).documents).toHaveLength(1);
  });
});
