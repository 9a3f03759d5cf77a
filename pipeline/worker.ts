import { parentPort } from 'node:worker_threads';
import { extractInput } from './extract.js';

/** Extraction worker: one file per message (bytes already read by the runner), so both cores extract. */
parentPort!.on('message', async (msg: { path: string; bytes: Uint8Array }) => {
  // The time budget starts now, not while the worker was loading its modules.
  parentPort!.postMessage({ started: true });
  parentPort!.postMessage({ result: await extractInput(msg.path, msg.bytes, { keywords: false }) });
});
