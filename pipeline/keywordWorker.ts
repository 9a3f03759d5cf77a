import { parentPort } from 'node:worker_threads';
import { keywordsOf } from '../extractors/keywords.js';
import type { DocumentRecord } from '../graph/model.js';
import { readRows } from './reports/spill.js';

/** Keyword worker (see KeywordThread): one input's pending file per message, a document per line. */
parentPort!.on('message', (msg: { file: string }) => {
  const keywords = [];
  for (const d of readRows<DocumentRecord>(msg.file)) keywords.push(keywordsOf(d.body.text));
  parentPort!.postMessage({ result: keywords });
});
