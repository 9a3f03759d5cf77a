import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Gazette } from '../../corpus/read.js';
import type { DocumentRecord } from '../../graph/model.js';
import { cacheFile, readCache, writeCache } from '../../pipeline/cached.js';
import { extractBytes, extractInput } from '../../pipeline/extract.js';
import { addPlaces } from '../../pipeline/places.js';
import { sampleText } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'decree-graph-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('an input handed over in batches', () => {
  // Seven copies of the sample issue, each under its own year: 126 documents, more than one batch.
  const text = Array.from({ length: 7 }, (_, k) => sampleText().replace(/〔2018〕/g, `〔${2001 + k}〕`)).join('\n');
  const bytes = Buffer.from(text, 'utf8');

  it('gives the documents of a whole extraction, in order, the result holding none', async () => {
    const whole = extractBytes('g.txt', bytes, { keywords: false });
    const batches: DocumentRecord[][] = [];
    const streamed = await extractInput('g.txt', bytes, { keywords: false }, (b) => batches.push(b));
    expect(streamed).toEqual({ path: 'g.txt', documents: [] });
    expect(batches.length).toBeGreaterThan(1);
    expect(batches.every((b) => b.length <= 100)).toBe(true);
    expect('documents' in whole && whole.documents.length).toBe(126);
    expect(batches.flat()).toEqual('documents' in whole ? whole.documents : null);
  });

  it('a rejected input emits nothing and says why', async () => {
    const batches: DocumentRecord[][] = [];
    const r = await extractInput('x.pdf', Buffer.from('not a pdf'), { keywords: false }, (b) => batches.push(b));
    expect('rejected' in r && r.rejected).toMatch(/^pdf\//);
    expect(batches).toEqual([]);
  });
});

describe('page warnings of a PDF read in batches', () => {
  // Documents start at 0, 100, 200, 300; pages at 0, 50, 150, 250, 350, each with a warning.
  const record = (start: number) => ({ source: { start, end: start + 100 }, provenance: { docNumber: null, issuedDate: null, title: [], issuers: [] }, citations: [], assignments: [], amounts: [], deadlines: [], appointments: [], warnings: [] }) as unknown as DocumentRecord;
  const gazette = () => ({ places: { pageStarts: [0, 50, 150, 250, 350], runs: [] }, warnings: [1, 2, 3, 4, 5].map((page) => ({ rule: 'pdf/no-text', message: `page ${page}`, page })) }) as unknown as Gazette;
  const pagesOf = (records: DocumentRecord[]) => records.map((r) => r.warnings.map((w) => w.page));

  it.each([[[4]], [[1, 3]], [[2, 2]], [[3, 1]], [[1, 1, 1, 1]]])('go to the documents a whole read gives them to (batches %j)', (sizes) => {
    const whole = [0, 100, 200, 300].map(record);
    addPlaces(gazette(), whole);
    const records = [0, 100, 200, 300].map(record);
    const g = gazette();
    let at = 0;
    for (const n of sizes) {
      const batch = records.slice(at, at + n);
      addPlaces(g, batch, { first: at === 0, next: records[at + n]?.source.start ?? Infinity });
      at += n;
    }
    expect(pagesOf(records)).toEqual(pagesOf(whole));
    expect(pagesOf(whole)).toEqual([[1, 2], [3], [4], [5]]);
  });
});

describe('cache entries', () => {
  const doc = (id: string) => ({ id, title: `标题\u2028${id}`, body: { text: '第一行\n第二行', lines: [] } }) as unknown as DocumentRecord;

  it('are read back a document per line, as written; an empty list too', async () => {
    for (const docs of [[doc('a'), doc('b'), doc('c')], []]) {
      const file = cacheFile(dir, `n${docs.length}`);
      await writeCache(file, 'g.txt', docs);
      const c = readCache(file);
      expect(c && 'documents' in c && [...c.documents]).toEqual(docs);
    }
  });

  it('written whole on one line (earlier runs) or as a rejection, are read whole; a missing one is null', () => {
    writeFileSync(join(dir, 'cache', 'whole.json'), JSON.stringify({ path: 'g.txt', documents: [doc('a')] }));
    writeFileSync(join(dir, 'cache', 'rejected.json'), JSON.stringify({ path: 'g.txt', rejected: 'decode/binary: unexpected NUL' }));
    const whole = readCache(join(dir, 'cache', 'whole.json'));
    expect(whole && 'documents' in whole && [...whole.documents]).toEqual([doc('a')]);
    expect(readCache(join(dir, 'cache', 'rejected.json'))).toEqual({ rejected: 'decode/binary: unexpected NUL' });
    expect(readCache(join(dir, 'cache', 'missing.json'))).toBeNull();
    expect(readdirSync(join(dir, 'cache')).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});
