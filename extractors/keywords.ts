import type { Keyword } from '../graph/model.js';
import type { ExtractContext } from './context.js';
import { segmenter } from './segmenter.js';

// Words every 公文 carries; they say nothing about what a document is about.
const STOP = new Set(['进一步', '加强', '加快', '推进', '工作', '有关', '相关', '单位', '部门', '各县', '开发区', '管委会', '政府', '人民政府', '实施', '建立', '完善', '落实', '要求', '确保', '全面', '积极', '按照', '负责']);

/** Top-10 TF-IDF keywords of the body (the issuer's own name and boilerplate removed). */
export function extractKeywords(ctx: ExtractContext, top = 10): Keyword[] {
  return keywordsOf(ctx.text.slice(ctx.doc.bodyStart), top);
}

/** Keywords of a document body: runs where the segmenter lives (the main thread in a batch run). */
export function keywordsOf(body: string, top = 10): Keyword[] {
  return segmenter()
    .keywords(body, top + STOP.size)
    .filter((k) => !STOP.has(k.word) && !/^\d/.test(k.word) && k.word.length > 1)
    .slice(0, top)
    .map((k) => ({ word: k.word, weight: Math.round(k.weight * 1000) / 1000 }));
}
