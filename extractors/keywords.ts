import stopwordsIso from 'stopwords-iso/stopwords-iso.json' with { type: 'json' };
import type { Keyword } from '../graph/model.js';
import { isPlaceName, looksLikeAgency } from './agencies.js';
import type { ExtractContext } from './context.js';
import boilerplate from './data/keyword-stopwords.json' with { type: 'json' };
import { segmenter } from './segmenter.js';

const STOP = new Set([...(stopwordsIso as Record<string, string[]>).zh!, ...boilerplate.words]);
// Pieces the segmenter cuts out of longer phrases, not words: 由市 (由市财政局), 万平方米 (240万平方米),
// 室主任 (监察室主任); enumerators (二是); units alone (兆瓦); and 副局长-like posts.
const FRAGMENT = /^[由对在将按向于为把经被从至][市省县区]$|^[万亿千百]|^[\d.%]|^[一二三四五六七八九十]是$|^(?:平方米|平方公里|立方米|公里|千米|兆瓦|千瓦|吨|亩|元)$|(?:主任|局长|书记|同志)$/;

/** Top-10 TF-IDF keywords of the body: words about what it is, not boilerplate, agencies or places. */
export function extractKeywords(ctx: ExtractContext, top = 10): Keyword[] {
  return keywordsOf(ctx.text.slice(ctx.doc.bodyStart), top);
}

/** Whether `word` is a place named short in `body`: 郑州 where the body prints 郑州市. */
const shortPlace = (word: string, body: string) => word.length <= 3 && new RegExp(`${word}[省市县](?!场|民|区)`).test(body);

/** Keywords of a document body: runs where the segmenter lives (the main thread in a batch run). */
export function keywordsOf(body: string, top = 10): Keyword[] {
  const keep = (w: string) => w.length > 1 && !STOP.has(w) && !FRAGMENT.test(w) && !looksLikeAgency(w) && !isPlaceName(w) && !shortPlace(w, body);
  // The engine ranks by TF-IDF; enough candidates are asked for that `top` remain after filtering.
  return segmenter()
    .keywords(body, top * 4)
    .filter((k) => keep(k.word))
    .slice(0, top)
    .map((k) => ({ word: k.word, weight: Math.round(k.weight * 1000) / 1000 }));
}
