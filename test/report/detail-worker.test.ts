/**
 * The 明细 worker (compiled: workers run JavaScript, so `npm run build` first) on a failure of
 * its own: what it replies is what the user reads after 内部错误：, one line — the stack goes
 * apart, for DEBUG=complaints. A spool removed under it (a TMPDIR cleaner) showed the worker's
 * whole stack on stderr. And with two threads the rows are made on it (DetailRows.begin), not on
 * the thread that writes the other sheets.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import type { WorkOrder } from '../../src/ingest/types.js';
import { loadExcelJS } from '../../src/io/exceljs.js';
import { monthPeriod } from '../../src/metrics/period.js';
import type { DetailWorkerReply } from '../../src/report/detail-worker.js';
import { Classifier } from '../../src/taxonomy/classify.js';
import { loadTaxonomy } from '../../src/taxonomy/load.js';

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
    expect(reply.stack).toContain('detail-spool.js');
  });
});

/** A complaint of `month` (months since year 0), its cells under HEADERS. */
function complaint(id: string, month: number): WorkOrder {
  const date = new Date(Date.UTC(Math.floor(month / 12), month % 12, 15, 9, 30));
  const at = {
    ms: date.getTime(),
    monthIndex: month,
    dayIndex: Math.floor(date.getTime() / 864e5),
  };
  const none = { content: null, level2: null, level3: null, customerId: null, phone: null };
  return {
    ...none,
    ...{ substantiated: null, closedAt: null, repliedAt: null, satisfaction: null },
    ...{ department: null, city: null, escalated: null, severity: null, channel: null },
    ...{ urbanRural: null, customerType: null, station: null, address: null },
    input: 0,
    row: 2,
    id,
    acceptedAt: at,
    unit: 'A',
    businessType: '投诉',
    isComplaint: true,
    level1: '服务投诉',
    appeal: 'none',
    cells: [id, date, 'A'],
    headers: HEADERS,
  };
}
const HEADERS = ['工单编号', '受理时间', '供电单位'];

describe('明细 rows with two threads', () => {
  it('are made on a worker once the analysis is done, when too few to start beside it', async () => {
    const dist = (path: string) => new URL(`../../dist/${path}`, import.meta.url).href;
    const { DetailRows } = (await import(
      dist('report/detail.js')
    )) as typeof import('../../src/report/detail.js');
    const { ReportWorkbook } = (await import(
      dist('io/workbook.js')
    )) as typeof import('../../src/io/workbook.js');
    const { OutputFile } = (await import(
      dist('io/write.js')
    )) as typeof import('../../src/io/write.js');
    const classifier = new Classifier(loadTaxonomy('sgcc-95598'));
    const detail = new DetailRows({ lang: 'zh', inputs: ['x.csv'] });
    const month = 2016 * 12;
    // Two complaints of January 2016, one of the December before (outside the period).
    [complaint('1', month), complaint('2', month - 1), complaint('3', month)].forEach((o, entry) =>
      detail.observe(o, entry, classifier.classify(o)),
    );
    const period = monthPeriod(month, month);
    const started = () =>
      (detail as unknown as { started: { worker: Worker | null } | null }).started;
    detail.start(period, 2, 2);
    expect(started()).toBeNull();
    detail.begin(period);
    expect(started()?.worker).toBeInstanceOf(Worker);
    const file = join(dir, 'begun.xlsx');
    const book = ReportWorkbook.create(await OutputFile.open(file), detail.firstStyles);
    const written = await detail.write(book, '明细', period);
    await book.commit();
    detail.remove();
    expect(written).toEqual({ rows: 2, sheets: 1 });
    const read = new (loadExcelJS().Workbook)();
    await read.xlsx.readFile(file);
    const ids = (read.worksheets[0]!.getSheetValues() as unknown[][]).slice(2).map((r) => r[1]);
    expect(ids).toEqual(['1', '3']);
  });
});
