import { parentPort } from 'node:worker_threads';
import { segmenter } from '../extractors/segmenter.js';
import { keywordsOf } from '../extractors/keywords.js';

/** Keyword worker (see KeywordThread): one file's document bodies per message. */
parentPort!.on('message', (msg: { bodies: string[] }) => {
  // The dictionaries load on the first job (a run with nothing new never loads them), before its time
  // budget starts: the budget counts the job's own segmentation only.
  segmenter();
  parentPort!.postMessage({ started: true });
  parentPort!.postMessage({ result: msg.bodies.map((b) => keywordsOf(b)) });
});
