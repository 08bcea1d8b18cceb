/**
 * The early warning's recent complaints as a range partial: the later copy of a work order wins
 * (a later copy that is no complaint, or outside the days kept, takes it out), and a reading cut
 * into ranges — each numbered by its own entries, merged in order through plain data with the
 * entries they have in the data set — gives what one reading gives, in the same order, pruning
 * included.
 */
import { describe, expect, it } from 'vitest';
import { RecentComplaints, shiftRowNames } from '../../src/ingest/recent-complaints.js';
import type { WorkOrder } from '../../src/ingest/types.js';
import type { Classification } from '../../src/taxonomy/classify.js';

const DAY = 16_800;
const complaint = {
  level1: { code: 'A', name: '营业投诉', nameEn: 'Business' },
  level2: { code: 'A1', name: '电费电价', nameEn: 'Tariffs' },
} as unknown as Classification;

/** A row: its id (null: none), day, and whether it is a complaint. */
type Row = [id: string | null, day: number, isComplaint: boolean];

const order = ([id, day]: Row, row: number) =>
  ({
    id,
    input: 0,
    row,
    unit: '甲',
    acceptedAt: { dayIndex: day, ms: day * 86_400_000 + row * 60_000 },
    address: null,
    content: `第${row}行`,
    customerId: 'C1',
    phone: null,
    escalated: false,
    closedAt: null,
    repliedAt: null,
  }) as unknown as WorkOrder;

/** Reads `rows` with entries numbered in order of first appearance from `numbering`. */
function read(c: RecentComplaints, rows: readonly Row[], from = 0, numbering = new Map()) {
  rows.forEach((r, i) => {
    const entry = r[0] === null ? -1 : (numbering.get(r[0]) ?? numbering.size);
    if (r[0] !== null) numbering.set(r[0], entry);
    c.observe(order(r, from + i + 2), entry, r[2] ? complaint : null);
  });
  return numbering;
}

const ROWS: Row[] = [
  ['G1', DAY, true],
  ['G2', DAY + 1, true],
  [null, DAY + 1, true],
  ['G1', DAY + 2, true], // G1's later copy: it moves after G2
  ['G3', DAY + 2, true],
  ['G2', DAY + 3, false], // no longer a complaint: G2 is taken out
  ['G4', DAY + 40, true],
  ['G3', DAY + 41, true],
  [null, DAY + 41, true],
];

const texts = (c: RecentComplaints) => c.orders().map((o) => `${o.id}@${o.day - DAY}`);

/** Cut at `cuts` (row positions): each range read apart, then merged in order. */
function inRanges(cuts: number[], make: () => RecentComplaints): RecentComplaints {
  const whole = make();
  const global = new Map<string, number>();
  const bounds = [0, ...cuts, ROWS.length];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const part = make();
    const rows = ROWS.slice(bounds[k], bounds[k + 1]);
    const local = read(part, rows, bounds[k]!);
    // The range's entries in the data set: an id seen before keeps its entry.
    const entries = new Int32Array(local.size);
    for (const [id, e] of local) {
      if (!global.has(id)) global.set(id, global.size);
      entries[e] = global.get(id)!;
    }
    whole.merge(structuredClone(part.toData()), k === 0 ? null : entries);
  }
  return whole;
}

describe('RecentComplaints', () => {
  it('keeps the latest copy of each work order, in the order of the last copies', () => {
    const c = new RecentComplaints(null, 1000);
    read(c, ROWS);
    expect(texts(c)).toEqual(['G1@2', 'G4@40', 'G3@41', '0:4@1', '0:10@41']);
    expect(c.dataEnd).toBe((DAY + 41) * 1440 + 10);
  });

  it('keeps only the days asked for when the period is known: a later copy outside takes it out', () => {
    const c = new RecentComplaints({ from: DAY, to: DAY + 10 }, 1000);
    read(c, ROWS);
    expect(texts(c)).toEqual(['G1@2', '0:4@1']);
  });

  it('leaves out what is older than keepDays before the latest day seen', () => {
    const c = new RecentComplaints(null, 30);
    read(c, ROWS);
    expect(texts(c)).toEqual(['G4@40', 'G3@41', '0:10@41']);
  });

  const cuts = [[1], [3], [5], [6], [8], [2, 4], [1, 3, 5, 7], [1, 2, 3, 4, 5, 6, 7, 8]];
  it.each([
    ['the whole span', () => new RecentComplaints(null, 1000)],
    [
      'a period known before reading',
      () => new RecentComplaints({ from: DAY, to: DAY + 10 }, 1000),
    ],
    ['pruned by keepDays', () => new RecentComplaints(null, 30)],
  ])('read in ranges and merged, as one reading (%s)', (_name, make) => {
    const one = make();
    read(one, ROWS);
    for (const at of cuts) {
      const merged = inRanges(at, make);
      expect(texts(merged), `cut at ${at.join(', ')}`).toEqual(texts(one));
      expect(merged.dataEnd).toBe(one.dataEnd);
    }
  });
});

describe('RecentComplaints kept as columns', () => {
  const level1Only = { level1: { code: 'B', name: '服务投诉', nameEn: 'Service' } };
  const unclassified = {};
  const at = (day: number, minute: number) => ({
    dayIndex: day,
    ms: (day * 1440 + minute) * 60_000,
  });
  const long = '村'.repeat(299) + '𠀋尾'; // the 300th and 301st UTF-16 units are a surrogate pair
  const rows = [
    {
      order: {
        id: 'Ü-1',
        input: 1,
        row: 7,
        unit: '歙县',
        acceptedAt: at(DAY, 61),
        address: '黄山路12号',
        content: long,
        customerId: null,
        phone: '13800000000',
        escalated: true,
        closedAt: at(DAY + 2, 5),
        repliedAt: null,
      },
      c: complaint,
    },
    {
      order: {
        id: null,
        input: 0,
        row: 9,
        unit: 'Unit B',
        acceptedAt: at(DAY + 20, 0),
        address: null,
        content: 'plain ascii, café',
        customerId: 'C9',
        phone: '1',
        escalated: null,
        closedAt: null,
        repliedAt: at(DAY + 21, 3),
      },
      c: level1Only,
    },
    {
      order: {
        id: 'X',
        input: 0,
        row: 10,
        unit: '休宁',
        acceptedAt: at(DAY + 40, 0),
        address: null,
        content: null,
        customerId: null,
        phone: null,
        escalated: false,
        closedAt: null,
        repliedAt: null,
      },
      c: unclassified,
    },
  ];
  const expected = [
    {
      id: 'Ü-1',
      input: 1,
      unit: '歙县',
      at: DAY * 1440 + 61,
      day: DAY,
      className: '电费电价',
      address: '黄山路12号',
      text: long.slice(0, 300),
      customer: '13800000000',
      escalated: true,
      closedAt: (DAY + 2) * 1440 + 5,
      repliedAt: null,
    },
    {
      id: 'X',
      input: 0,
      unit: '休宁',
      at: (DAY + 40) * 1440,
      day: DAY + 40,
      className: null,
      address: null,
      text: null,
      customer: null,
      escalated: false,
      closedAt: null,
      repliedAt: null,
    },
    {
      id: '0:9',
      input: 0,
      unit: 'Unit B',
      at: (DAY + 20) * 1440,
      day: DAY + 20,
      className: '服务投诉',
      address: null,
      text: 'plain ascii, café',
      customer: 'C9',
      escalated: false,
      closedAt: null,
      repliedAt: (DAY + 21) * 1440 + 3,
    },
  ];
  const observeAll = (c: RecentComplaints) =>
    rows.forEach((r, i) =>
      c.observe(
        r.order as unknown as WorkOrder,
        r.order.id === null ? -1 : i,
        r.c as unknown as Classification,
      ),
    );

  it('gives back every value as read: strings of one byte or two a character, nulls, times', () => {
    const c = new RecentComplaints(null, 1000);
    observeAll(c);
    expect(c.orders()).toEqual(expected);
  });

  it('gives the same after moving to another thread and being merged', () => {
    const part = new RecentComplaints(null, 1000);
    observeAll(part);
    const data = structuredClone(part.toData());
    shiftRowNames(data, 100);
    const whole = new RecentComplaints(null, 1000).merge(data);
    expect(whole.orders()).toEqual(
      expected.map((o) => (o.id === '0:9' ? { ...o, id: '0:109' } : o)),
    );
  });

  it('makes objects only of the days asked, and names the units of every day', () => {
    const c = new RecentComplaints(null, 1000);
    observeAll(c);
    expect(c.orders(DAY + 10, DAY + 40).map((o) => o.id)).toEqual(['X', '0:9']);
    expect(c.orders(DAY + 10, DAY + 30).map((o) => o.id)).toEqual(['0:9']);
    expect(c.units().sort()).toEqual(['Unit B', '休宁', '歙县']);
  });

  /** Rows of `days` days, `perDay` a day, some of them later copies of work orders read before. */
  function many(days: number, perDay: number): Row[] {
    const out: Row[] = [];
    for (let d = 0; d < days; d++)
      for (let k = 0; k < perDay; k++) {
        const n = d * perDay + k;
        // A copy of a work order of 50 rows before, or of 2.5 days before (pruned often, in a
        // block cut by then to its living complaints).
        const of = n % 5 === 0 && n > 50 ? n - 50 : n % 7 === 0 && n > 2_500 ? n - 2_500 : n;
        out.push([n % 97 === 0 ? null : `G${of}`, DAY + d, n % 13 !== 0]);
      }
    return out;
  }

  it.each([
    ['pruned, over many blocks', 80, () => new RecentComplaints(null, 20)],
    [
      'pruned often, blocks cut to their living complaints',
      40,
      () => new RecentComplaints(null, 4, 3_000),
    ],
    ['a period known', 30, () => new RecentComplaints({ from: DAY + 10, to: DAY + 25 }, 20)],
  ])('read in ranges and merged, as one reading, at scale (%s)', (name, days, make) => {
    const rows = many(days, 1000);
    const one = make();
    read(one, rows);
    const oneTexts = texts(one);
    expect(oneTexts.length).toBeGreaterThan(3_000);
    // Pruned above 50,000 complaints kept: only the last 20 days before the latest remain.
    if (name.startsWith('pruned, over')) expect(one.orders()[0]!.day).toBe(DAY + 59);
    const whole = make();
    const global = new Map<string, number>();
    const cuts = [0, Math.floor(rows.length * 0.4), Math.floor(rows.length * 0.7) + 1, rows.length];
    for (let k = 0; k + 1 < cuts.length; k++) {
      const part = make();
      const local = read(part, rows.slice(cuts[k], cuts[k + 1]), cuts[k]);
      const entries = new Int32Array(local.size);
      for (const [id, e] of local) {
        if (!global.has(id)) global.set(id, global.size);
        entries[e] = global.get(id)!;
      }
      whole.merge(structuredClone(part.toData()), entries);
    }
    expect(texts(whole)).toEqual(oneTexts);
  });
});
