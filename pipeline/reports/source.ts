import { readFileSync } from 'node:fs';
import { decode } from '../../corpus/decode.js';

/**
 * The decoded source of a document's input, read again from its path: every fact's offsets index it. A
 * run hands documents over input by input, so the last input read is kept (one file in memory). A file
 * that is gone or cannot be decoded gives undefined; a file changed since extraction is caught per fact
 * (see `matches`).
 */
let last: { path: string; text: string | undefined } | null = null;

export function sourceText(path: string): string | undefined {
  if (last?.path !== path) {
    let text: string | undefined;
    try {
      text = decode(readFileSync(path)).text;
    } catch {
      text = undefined;
    }
    last = { path, text };
  }
  return last.text;
}

/** The source, if the fact still stands where it was read. */
export const matches = (source: string | undefined, f: { start: number; end: number; text: string }) => (source !== undefined && source.slice(f.start, f.end) === f.text ? source : undefined);
