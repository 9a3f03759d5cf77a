import { parentPort } from 'node:worker_threads';
import { extractInput } from './extract.js';

/**
 * Extraction worker: one file per message (bytes already read by the runner), so both cores extract. The
 * documents go back in batches as they are made (`{ batch }`), then `{ result }` says how the input ended.
 */
parentPort!.on('message', async (msg: { path: string; bytes: Uint8Array }) => {
  // The time budget starts now, not while the worker was loading its modules.
  parentPort!.postMessage({ started: true });
  const result = await extractInput(msg.path, msg.bytes, { keywords: false }, (batch) => parentPort!.postMessage({ batch }));
  parentPort!.postMessage({ result });
});
