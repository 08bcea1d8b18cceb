/** A worker thread's entry: reads the byte ranges it is sent (range-task.ts), one at a time. */
import { parentPort } from 'node:worker_threads';
import { transferables } from './buffers.js';
import { failedRange, READY, type RangeTask } from './protocol.js';
import { readRange } from './range-task.js';

const port = parentPort!;
port.on('message', (task: RangeTask) => {
  readRange(task).then(
    // The partials' typed arrays move to the main thread rather than being copied.
    (reply) => port.postMessage(reply, transferables(reply)),
    (error: unknown) => port.postMessage(failedRange(task.id, error)),
  );
});
// Said once the imports above are loaded: the main thread cuts the file for the workers then.
port.postMessage(READY);
