/**
 * The PDF text layer through pdfjs-dist (legacy Node build, no worker thread, no canvas): every page's
 * text runs with their position, one page at a time, within a page cap and a time limit per file.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument, Util, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
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
  /** Characters of text left out because they run in another direction than the page's text. */
  aside: number;
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

/** A run's direction on the page as shown, in quarter turns (0 upright, 1 reading downwards, …), or null when skewed. */
function quarterTurns(m: number[]): number | null {
  const deg = (Math.atan2(m[1]!, m[0]!) * 180) / Math.PI;
  const q = Math.round(deg / 90);
  return Math.abs(deg - 90 * q) <= 2 ? (q + 4) % 4 : null;
}

async function readPage(doc: PDFDocumentProxy, number: number): Promise<PdfPage> {
  const page = await doc.getPage(number);
  // The page as a viewer shows it (its /Rotate applied), y downwards.
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const items: { str: string; width: number; m: number[]; turns: number | null }[] = [];
  const chars = [0, 0, 0, 0];
  for (const item of content.items) {
    if (!('str' in item) || !item.str.trim()) continue;
    const m = Util.transform(viewport.transform, item.transform as number[]) as number[];
    const turns = quarterTurns(m);
    if (turns !== null) chars[turns]! += item.str.length;
    items.push({ str: item.str, width: item.width, m, turns });
  }
  // The page is read in the direction most of its text runs (a landscape table printed sideways); text in
  // any other direction (a vertical label, a stamp, a margin note) is left out and counted.
  const main = chars.indexOf(Math.max(...chars));
  const [w, h] = [viewport.width, viewport.height];
  // Turning the page by -main quarter turns: where a point goes, and the page's size then.
  const turn = ([x, y]: [number, number]): [number, number] => [[x, y], [y, w - x], [w - x, h - y], [h - y, x]][main] as [number, number];
  const runs: Run[] = [];
  let aside = 0;
  for (const it of items) {
    if (it.turns !== main) {
      aside += it.str.length;
      continue;
    }
    const size = Math.hypot(it.m[2]!, it.m[3]!) || 1;
    const [x, baseline] = turn([it.m[4]!, it.m[5]!]);
    runs.push({ str: it.str, x0: x, x1: x + it.width, top: baseline - size, bottom: baseline, size });
  }
  page.cleanup();
  const [width, height] = main % 2 ? [h, w] : [w, h];
  return { number, width, height, runs, aside };
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
