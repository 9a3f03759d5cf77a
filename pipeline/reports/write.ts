import { join } from 'node:path';
import type { AgencyRecord } from '../../graph/model.js';
import { AtomicStream } from '../atomic.js';
import type { ReportBuilder } from './build.js';
import { FORMATS } from './model.js';
import { writeReport } from './render.js';

/**
 * Every report in every format (and deadlines.ics) into `dir`, streamed, one report at a time: each
 * builder's data (and temp files) is let go once its report is written.
 */
export async function writeReports(dir: string, builders: ReportBuilder[], agencies: AgencyRecord[]): Promise<string[]> {
  const written: string[] = [];
  const write = async (name: string, pieces: (out: (chunk: string) => Promise<void>) => Promise<void>) => {
    const file = new AtomicStream(join(dir, name));
    await pieces((chunk) => file.write(chunk));
    await file.close();
    written.push(name);
  };
  while (builders.length) {
    const report = builders.shift()!.finish(agencies);
    try {
      for (const format of FORMATS) await write(`${report.kind}.${format}`, (out) => writeReport(report, format, out));
      const ics = report.ics;
      if (ics) {
        await write(`${report.kind}.ics`, async (out) => {
          for (const piece of ics) await out(piece);
        });
      }
    } finally {
      report.dispose?.();
    }
  }
  return written;
}
