/**
 * The PDF text layer through pdfjs-dist (legacy Node build, no worker thread, no canvas): every page's
 * text runs with their position, one page at a time, within a page cap and a time limit per file.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { reject } from '../problems.js';

/** One text run: its text and box in PDF points, origin at the page's top-left (as a viewer shows it). */
export interface Run {
  str: string;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  /** Font size (glyph height); the unit for every layout tolerance. */
  size: number;
}

export interface PdfPage {
  /** 1-based, as printed by viewers. */
  number: number;
  width: number;
  height: number;
  runs: Run[];
}

export interface PdfLimits {
  /** Files with more pages are rejected (`limit/pages`) rather than read. */
  maxPages: number;
  /** Reading one file takes at most this long (`limit/time`). */
  timeoutMs: number;
}

export const DEFAULT_LIMITS: PdfLimits = {
  maxPages: Number(process.env.DECREE_PDF_MAX_PAGES) || 3000,
  timeoutMs: Number(process.env.DECREE_PDF_TIMEOUT_MS) || 120_000,
};

// pdfjs reads its CMaps (Chinese fonts use the predefined GB/CNS ones) and standard fonts from its package.
const pkg = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

async function open(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const task = getDocument({
    // A copy: pdfjs takes ownership of (and may detach) the buffer, and refuses a Node Buffer.
    data: new Uint8Array(bytes),
    cMapUrl: join(pkg, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(pkg, 'standard_fonts') + '/',
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  try {
    return await task.promise;
  } catch (err) {
    await task.destroy();
    const name = (err as Error).name;
    if (name === 'PasswordException') reject('pdf/encrypted', 'unexpected PDF encrypted with a password, expected a PDF that opens without one');
    reject('pdf/damaged', `unexpected damaged or truncated PDF (${(err as Error).message}), expected a complete PDF file`);
  }
}

async function readPage(doc: PDFDocumentProxy, number: number): Promise<PdfPage> {
  const page = await doc.getPage(number);
  const [vx0, vy0, vx1, vy1] = page.view as [number, number, number, number];
  const content = await page.getTextContent();
  const runs: Run[] = [];
  for (const item of content.items) {
    if (!('str' in item) || !item.str.trim()) continue;
    const [a, b, , d, e, f] = item.transform as number[];
    // Horizontal text only: rotated runs (stamps, margin notes) are not body text.
    if (Math.abs(b!) > 1e-3 || a! <= 0) continue;
    const size = Math.abs(d!) || item.height || 1;
    const top = vy1 - (f! + size);
    runs.push({ str: item.str, x0: e! - vx0, x1: e! - vx0 + item.width, top, bottom: top + size, size });
  }
  page.cleanup();
  return { number, width: vx1 - vx0, height: vy1 - vy0, runs };
}

/** Reads every page's text runs; rejects encrypted, damaged, too long or too slow files. */
export async function loadPdf(bytes: Uint8Array, limits: PdfLimits = DEFAULT_LIMITS): Promise<PdfPage[]> {
  const doc = await open(bytes);
  const deadline = Date.now() + limits.timeoutMs;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_r, fail) => {
    timer = setTimeout(() => fail(new Error('time')), limits.timeoutMs);
  });
  try {
    if (doc.numPages > limits.maxPages) {
      reject('limit/pages', `unexpected PDF of ${doc.numPages} pages, expected at most ${limits.maxPages}`);
    }
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      if (Date.now() > deadline) throw new Error('time');
      try {
        pages.push(await Promise.race([readPage(doc, n), timeout]));
      } catch (err) {
        if ((err as Error).message === 'time') throw err;
        reject('pdf/damaged', `unexpected damaged page ${n} (${(err as Error).message}), expected a readable page`);
      }
    }
    return pages;
  } catch (err) {
    if ((err as Error).message !== 'time') throw err;
    reject('limit/time', `unexpected PDF still being read after ${limits.timeoutMs} ms, expected at most that per file`);
  } finally {
    clearTimeout(timer);
    await doc.destroy();
  }
}
