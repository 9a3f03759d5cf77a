import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readGazette, type Gazette } from '../corpus/read.js';
import { extractDocument } from '../extractors/document.js';
import { resolveRun } from '../extractors/resolve.js';
import type { DocumentRecord, ExportFile } from '../graph/model.js';
import { assembleExport, extractBytes } from '../pipeline/extract.js';

export const SAMPLE_PATH = fileURLToPath(new URL('../corpus/samples/zhengzhou-gazette-2018-04.txt', import.meta.url));
export const sampleText = () => readFileSync(SAMPLE_PATH, 'utf8');

/** A one-document gazette around `body`, so extractor tests read real sentences in a real header. */
export function gazetteOf(body: string, header = '郑州市人民政府\n\n关于测试的通知\n\n郑政〔2018〕99号 2018年4月7日\n\n'): Gazette {
  return readGazette('t.txt', Buffer.from(header + body, 'utf8'));
}

export function recordsOf(g: Gazette): DocumentRecord[] {
  const docs = g.documents.map((d) => extractDocument(g, d, { keywords: false }));
  resolveRun(docs);
  return docs;
}

export const one = (body: string) => recordsOf(gazetteOf(body))[0]!;

/**
 * The sample issue with its city renamed (郑 → `city`): the same documents under other numbers, names
 * and agencies, so test files sharing one Neo4j never touch each other's data.
 */
export function sampleVariant(city: string): string {
  return sampleText().replace(/郑/g, city);
}

/** The export a run over one gazette text would write. */
export const exportFor = (path: string, text: string): ExportFile => assembleExport([extractBytes(path, Buffer.from(text, 'utf8'))]);
