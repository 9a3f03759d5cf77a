import { parentPort } from 'node:worker_threads';
import { segmenter } from '../extractors/segmenter.js';
import { keywordsOf } from '../extractors/keywords.js';
import type { DocumentRecord } from '../graph/model.js';
import { readRows } from './reports/spill.js';

/** Keyword worker (see KeywordThread): one input's pending file per message, a document per line. */
parentPort!.on('message', (msg: { file: string }) => {
  // The dictionaries load on the first job (a run with nothing new never loads them), before its time
  // budget starts: the budget counts the job's own segmentation only.
  segmenter();
  parentPort!.postMessage({ started: true });
  const keywords = [];
  for (const d of readRows<DocumentRecord>(msg.file)) keywords.push(keywordsOf(d.body.text));
  parentPort!.postMessage({ result: keywords });
});
