/**
 * The 明细 rows as range partials (report/detail-rows.ts): a reading cut into byte ranges —
 * each range's rows spooled by its own collector (a worker's) to a file in the main collector's
 * folder, numbered by the range's own entries, adopted in order with the entries they have in
 * the data set, rows read on this thread between them — hands the writer the rows one reading
 * gives: each work order's latest copy within the period, in reading order, with the same
 * measured widths; and the folder goes with `remove`, or, while a thread still writes in it,
 * with the exit's clean-up (and `remove` does not fail).
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { WorkOrder } from '../../src/ingest/types.js';
import { removeTemporaries } from '../../src/io/temp.js';
import { monthPeriod } from '../../src/metrics/period.js';
import { DetailCollector } from '../../src/report/detail-rows.js';
import { Classifier } from '../../src/taxonomy/classify.js';
import { loadTaxonomy } from '../../src/taxonomy/load.js';

const classifier = new Classifier(loadTaxonomy('sgcc-95598'));
const m = (year: number, month: number) => year * 12 + month - 1;
const HEADERS = ['工单编号', '受理时间', '供电单位', '一级分类'];

function order(id: string, month: number, level1: string, isComplaint = true): WorkOrder {
  const date = new Date(Date.UTC(Math.floor(month / 12), month % 12, 15, 9, 30));
  // A CSV gives the time as text: 明细 shows it as a date all the same.
  const text = date.toISOString().slice(0, 16).replace('T', ' ');
  return {
    input: 0,
    row: 2,
    id,
    acceptedAt: {
      ms: date.getTime(),
      monthIndex: month,
      dayIndex: Math.floor(date.getTime() / 86_400_000),
    },
    unit: 'A',
    businessType: isComplaint ? '投诉' : '意见',
    isComplaint,
    content: null,
    level1,
    level2: null,
    level3: null,
    customerId: null,
    phone: null,
    substantiated: null,
    appeal: 'none',
    closedAt: null,
    repliedAt: null,
    satisfaction: null,
    department: null,
    city: null,
    escalated: null,
    severity: null,
    channel: null,
    urbanRural: null,
    customerType: null,
    station: null,
    address: null,
    cells: [id, id === '5' ? text : date, 'A ', level1],
    headers: HEADERS,
  };
}

const ORDERS: [WorkOrder, string][] = [
  [order('1', m(2016, 1), '服务投诉'), '1'],
  [order('2', m(2016, 1), '营业投诉'), '2'],
  [order('3', m(2015, 12), '营业投诉'), '3'], // outside the period
  [{ ...order('x', m(2016, 2), '服务投诉'), id: null }, ''], // no id: always kept
  [order('1', m(2016, 1), '停送电投诉'), '1'], // a later copy of 1 replaces it
  [order('2', m(2016, 1), '营业投诉', false), '2'], // 2 became an opinion: taken out
  [order('4', m(2016, 2), '停送电投诉'), '4'],
  [{ ...order('5', m(2016, 2), '服务投诉'), appeal: 'approved' }, '5'],
  [order('4', m(2016, 3), '营业投诉'), '4'], // 4's latest copy, a month later
  [order('6', m(2016, 3), '服务投诉'), '6'],
  [order('1', m(2016, 3), '服务投诉'), '1'], // 1 again, last
];

const period = monthPeriod(m(2016, 1), m(2016, 3));
const options = { lang: 'zh' as const, inputs: ['/tmp/exports/2016.csv'] };

/** Observes `orders` numbering ids in order of first appearance from `numbering`. */
function observe(c: DetailCollector, orders: typeof ORDERS, numbering: Map<string, number>) {
  for (const [o, id] of orders) {
    const entry = id === '' ? -1 : (numbering.get(id) ?? numbering.size);
    if (id !== '') numbering.set(id, entry);
    c.observe(o, entry, o.isComplaint ? classifier.classify(o) : null);
  }
  return numbering;
}

/** The rows handed to the writer: the id, the 一级分类 and the 统计月份 of each. */
const rows = (c: DetailCollector) => [...c.rows(period)].map((r) => [r[0], r[3], r[5]]);

/**
 * Cut at `cuts`: the parts alternate between a worker's range (`range` true first) and rows
 * read on this thread, numbered in the data set.
 */
function inParts(cuts: number[], rangeFirst: boolean): DetailCollector {
  const main = new DetailCollector(options);
  const global = new Map<string, number>();
  const bounds = [0, ...cuts, ORDERS.length];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const part = ORDERS.slice(bounds[k], bounds[k + 1]);
    if ((k % 2 === 0) !== rangeFirst) {
      observe(main, part, global);
      continue;
    }
    const range = DetailCollector.forRange(main.rangeJob(), `test-${k}`);
    const numbering = observe(range, part, new Map()); // the range's own entries
    const entries = new Int32Array(numbering.size);
    for (const [id, e] of numbering) {
      if (!global.has(id)) global.set(id, global.size);
      entries[e] = global.get(id)!;
    }
    main.adopt(range.toData(), k === 0 ? null : entries);
  }
  return main;
}

describe('明细 rows read in ranges', () => {
  it('one reading: the latest copies within the period, in reading order', () => {
    const one = new DetailCollector(options);
    observe(one, ORDERS, new Map());
    expect(rows(one)).toEqual([
      ['x', '服务投诉', '2016-02'],
      ['5', '服务投诉', '2016-02'],
      ['4', '营业投诉', '2016-03'],
      ['6', '服务投诉', '2016-03'],
      ['1', '服务投诉', '2016-03'],
    ]);
    one.remove();
  });

  const cuts = [[1], [4], [6], [9], [2, 5], [1, 3, 5, 7, 9], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]];
  it.each(cuts.flatMap((c) => [[c, true] as const, [c, false] as const]))(
    'cut at %j (a range first: %s): the rows and widths of one reading, the folder removed',
    (at, rangeFirst) => {
      const one = new DetailCollector(options);
      observe(one, ORDERS, new Map());
      const parts = inParts([...at], rangeFirst);
      expect(rows(parts)).toEqual(rows(one));
      expect(parts.widths).toEqual(one.widths);
      expect(parts.columns).toEqual(one.columns);
      const folder = parts.rangeJob().dir;
      expect(readdirSync(folder).length).toBeGreaterThan(0);
      parts.remove();
      one.remove();
      expect(existsSync(folder)).toBe(false);
    },
  );
});

describe('the folder removed while a worker still writes in it', () => {
  it('does not fail the run; it stays tracked and goes with the exit clean-up', async () => {
    const collector = new DetailCollector(options);
    const folder = collector.folder();
    // Many files, so that emptying the folder takes long enough for the thread to add one.
    for (let i = 0; i < 2000; i++) writeFileSync(join(folder, `piece-${i}`), 'x');
    // A thread putting files in the folder as fast as it can (the 明细 worker starting its
    // parts, a reader starting its pieces), until the folder is gone.
    const writer = new Worker(
      `const { writeFileSync } = require('node:fs');
       const { parentPort, workerData } = require('node:worker_threads');
       parentPort.postMessage('started');
       for (let i = 0; ; i++) {
         try { writeFileSync(workerData + '/part-' + i, 'x'); }
         catch { break; }
       }`,
      { eval: true, workerData: folder },
    );
    await new Promise((resolve) => writer.once('message', resolve));
    expect(() => collector.remove()).not.toThrow();
    await writer.terminate();
    removeTemporaries();
    expect(existsSync(folder)).toBe(false);
  });
});
