import { join } from 'node:path';
import type { AgencyRecord } from '../../graph/model.js';
import { AtomicStream, writeFileAtomic } from '../atomic.js';
import type { ReportBuilder } from './build.js';
import { FORMATS } from './model.js';
import { writeReport } from './render.js';

/**
 * Every report in every format (and deadlines.ics) into `dir`, streamed, one report at a time: each
 * builder's data is let go once its report is written.
 */
export async function writeReports(dir: string, builders: ReportBuilder[], agencies: AgencyRecord[]): Promise<string[]> {
  const written: string[] = [];
  while (builders.length) {
    const report = builders.shift()!.finish(agencies);
    for (const format of FORMATS) {
      const file = new AtomicStream(join(dir, `${report.kind}.${format}`));
      await writeReport(report, format, (chunk) => file.write(chunk));
      await file.close();
      written.push(`${report.kind}.${format}`);
    }
    if (report.ics) {
      await writeFileAtomic(join(dir, `${report.kind}.ics`), report.ics);
      written.push(`${report.kind}.ics`);
    }
  }
  return written;
}
