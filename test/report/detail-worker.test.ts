/**
 * The 明细 worker (compiled: workers run JavaScript, so `npm run build` first) on a failure of
 * its own: what it replies is what the user reads after 内部错误：, one line — the stack goes
 * apart, for DEBUG=complaints. A spool removed under it (a TMPDIR cleaner) showed the worker's
 * whole stack on stderr.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import type { DetailWorkerReply } from '../../src/report/detail-worker.js';

const WORKER = new URL('../../dist/report/detail-worker.js', import.meta.url);
const dir = mkdtempSync(join(tmpdir(), 'complaints-detail-worker-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A job whose spool is gone. */
function failingJob(missing: string) {
  return {
    spooled: {
      segments: [{ file: missing, pieces: 1, latest: new Uint32Array(0), entries: null }],
      owner: new Int32Array(0),
    },
    period: { from: 0, to: 100_000, grain: 'month' },
    widths: [10],
    wraps: [false],
    confidenceAt: 0,
    ids: { top: 1, text: 2, date: 3, confidence: 4, wrap: 5 },
    maxRows: 1_048_576,
    dir,
  };
}

async function replyOf(worker: Worker): Promise<DetailWorkerReply> {
  const reply = await new Promise<DetailWorkerReply>((resolve) => worker.once('message', resolve));
  await worker.terminate();
  return reply;
}

describe('detail worker', () => {
  it('replies a failure as its message, the stack apart', async () => {
    const missing = join(dir, 'range-0-0-0.bin');
    const reply = await replyOf(new Worker(WORKER, { workerData: failingJob(missing) }));
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.code).toBeNull();
    expect(reply.message).toBe(`ENOENT: no such file or directory, open '${missing}'`);
    expect(reply.stack).toContain('detail-xml.js');
  });
});
