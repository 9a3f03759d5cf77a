import { parentPort } from 'node:worker_threads';
import { keywordsOf } from '../extractors/keywords.js';

/** Keyword worker (see KeywordThread): one file's document bodies per message. */
parentPort!.on('message', (msg: { bodies: string[] }) => {
  parentPort!.postMessage({ result: msg.bodies.map((b) => keywordsOf(b)) });
});
