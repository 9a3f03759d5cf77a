import { join } from 'node:path';
import type { ExportFile } from '../../graph/model.js';
import { AtomicStream, writeFileAtomic } from '../atomic.js';
import { buildReport } from './build.js';
import { FORMATS, REPORT_KINDS } from './model.js';
import { writeReport } from './render.js';

/** Every report in every format (and deadlines.ics) into `dir`, one report at a time, streamed. */
export async function writeReports(dir: string, exp: ExportFile): Promise<string[]> {
  const written: string[] = [];
  for (const kind of REPORT_KINDS) {
    const report = buildReport(kind, exp);
    for (const format of FORMATS) {
      const file = new AtomicStream(join(dir, `${kind}.${format}`));
      await writeReport(report, format, (chunk) => file.write(chunk));
      await file.close();
      written.push(`${kind}.${format}`);
    }
    if (report.ics) {
      await writeFileAtomic(join(dir, `${kind}.ics`), report.ics);
      written.push(`${kind}.ics`);
    }
  }
  return written;
}
