/**
 * The early warning's recent complaints as a range partial: the later copy of a work order wins
 * (a later copy that is no complaint, or outside the days kept, takes it out), and a reading cut
 * into ranges — each numbered by its own entries, merged in order through plain data with the
 * entries they have in the data set — gives what one reading gives, in the same order, pruning
 * included.
 */
import { describe, expect, it } from 'vitest';
import { RecentComplaints } from '../../src/ingest/recent-complaints.js';
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
    whole.merge(JSON.parse(JSON.stringify(part.toData())), k === 0 ? null : entries);
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
