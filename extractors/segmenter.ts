import { createRequire } from 'node:module';
import abbreviations from './data/agency-abbreviations.json' with { type: 'json' };

/** Word segmentation behind a small interface, so the engine can be swapped (see scripts/bench.mjs). */
export interface Segmenter {
  cut(text: string): string[];
  /** TF-IDF keywords with the engine's IDF table and stop words. */
  keywords(text: string, top: number): { word: string; weight: number }[];
}

interface NodeJieba {
  cut(text: string): string[];
  extract(text: string, top: number): { word: string; weight: number }[];
  insertWord(word: string): boolean;
}

let jieba: Segmenter | null = null;

/** nodejieba, with agency names (full and short, 市-prefixed too) in its dictionary so each is one token. */
export function segmenter(): Segmenter {
  if (jieba) return jieba;
  const nj = createRequire(import.meta.url)('nodejieba') as NodeJieba;
  for (const [short, full] of Object.entries(abbreviations as Record<string, string>)) {
    if (short.startsWith('$')) continue;
    for (const w of [short, full, `市${short}`, `市${full}`]) nj.insertWord(w);
  }
  jieba = { cut: (t) => nj.cut(t), keywords: (t, top) => nj.extract(t, top) };
  return jieba;
}
