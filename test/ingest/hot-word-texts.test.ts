/**
 * The texts the hot words are counted from: the later copy of a work order wins (one with no
 * text, or no complaint, takes it out), partials merge in order as one reading would, and a
 * collector travels as plain data: each distinct clause once, texts as rows of numbers.
 */
import { describe, expect, it } from 'vitest';
import { HotWordTexts } from '../../src/ingest/hot-word-texts.js';
import type { WorkOrder } from '../../src/ingest/types.js';
import type { Classification } from '../../src/taxonomy/classify.js';
import { loadTaxonomy } from '../../src/taxonomy/load.js';

const DAY = 16_000;
const order = (day: number, content: string | null, unit = '甲') =>
  ({ acceptedAt: { dayIndex: day, ms: day * 86_400_000 }, unit, content }) as unknown as WorkOrder;
const complaint = {
  level1: { code: 'A', name: '营业投诉', nameEn: 'Business' },
  level2: { code: 'A1', name: '电费电价', nameEn: 'Tariffs' },
} as unknown as Classification;

describe('HotWordTexts', () => {
  it('keeps the latest copy of a work order; no text or no complaint takes it out', () => {
    const t = new HotWordTexts();
    t.observe(order(DAY, '电费，多收'), 1, complaint);
    t.observe(order(DAY + 1, '电费，又多收'), 1, complaint);
    t.observe(order(DAY, '停电'), 2, complaint);
    t.observe(order(DAY, '停电'), 2, null);
    t.observe(order(DAY, '  '), 3, complaint);
    t.observe(order(DAY, '无编号'), -1, complaint);
    expect(
      t.between(DAY, DAY + 1).map((x) => [x.day, x.clauses.join('，'), x.class?.code]),
    ).toEqual([
      [DAY + 1, '电费，又多收', 'A1'],
      [DAY, '无编号', 'A1'],
    ]);
    expect(t.between(DAY, DAY).map((x) => x.clauses.join('，'))).toEqual(['无编号']);
  });

  it('reads texts as the classifier does: 繁體, typos and dialect in standard words', () => {
    const sgcc = loadTaxonomy('sgcc-95598');
    const t = new HotWordTexts(null, sgcc.text);
    t.observe(order(DAY, '電費太高，營業廳不給解釋'), 1, complaint);
    t.observe(order(DAY, '电牙太低，冇电'), 2, complaint);
    expect(t.between(DAY, DAY).map((x) => x.clauses.join('，'))).toEqual([
      '电费太高，营业厅不给解释',
      '电压太低，没电',
    ]);
  });

  it('keeps only the days asked for, when the period is known before reading', () => {
    const t = new HotWordTexts({ from: DAY, to: DAY + 9 });
    t.observe(order(DAY - 1, '早'), 1, complaint);
    t.observe(order(DAY + 3, '中'), 2, complaint);
    t.observe(order(DAY + 3, '中'), 3, complaint);
    t.observe(order(DAY + 20, '晚'), 3, complaint); // a later copy moved out takes it out
    expect(t.size).toBe(1);
  });

  it('cut to their length, keeps the same texts, and takes more after', () => {
    const t = new HotWordTexts();
    for (let e = 0; e < 1500; e++) t.observe(order(DAY, `第${e}件，电费`), e, complaint);
    const before = t.between(DAY, DAY);
    const columns = t.columns(false);
    expect(columns.day.buffer.byteLength).toBe(2048 * 4); // grown by doubling
    t.trim();
    expect(t.columns(false).day.buffer.byteLength).toBe(1500 * 4);
    expect(t.columns(false).pool.buffer.byteLength).toBe(3000 * 4);
    expect(t.between(DAY, DAY)).toEqual(before);
    t.observe(order(DAY, '停电'), 0, complaint);
    t.observe(order(DAY, '又停电'), 1500, complaint);
    expect(t.size).toBe(1501);
    expect(
      t
        .between(DAY, DAY)
        .slice(-2)
        .map((x) => x.clauses.join('，')),
    ).toEqual(['停电', '又停电']);
  });

  it('merges partials in order, the later copy winning, through plain data', () => {
    const whole = new HotWordTexts();
    const first = new HotWordTexts();
    const second = new HotWordTexts();
    const rows: [WorkOrder, number, HotWordTexts][] = [
      [order(DAY, '一'), 1, first],
      [order(DAY, '二'), 2, first],
      [order(DAY, '三'), -1, first],
      [order(DAY + 1, '一改'), 1, second],
      [order(DAY, '四'), -1, second],
    ];
    for (const [o, e, part] of rows) {
      whole.observe(o, e, complaint);
      part.observe(o, e, complaint);
    }
    const merged = HotWordTexts.fromData(structuredClone(first.toData())).merge(
      structuredClone(second.toData()),
    );
    const texts = (t: HotWordTexts) =>
      t
        .between(0, DAY * 2)
        .map((x) => x.clauses.join('，'))
        .sort();
    expect(texts(merged)).toEqual(texts(whole));
    expect(texts(merged)).toEqual(['一改', '三', '二', '四'].sort());
  });

  it('merges a range read by its own entries: mapped, a later copy not kept takes the text out', () => {
    // The data set's entries 0 (G0), 1 (G1), 2 (G2) read on one thread; then a byte range whose
    // own entries are 0 = G2 (kept again, changed), 1 = G0 (now no complaint), 2 = G7 (new).
    const whole = new HotWordTexts();
    const merged = new HotWordTexts();
    const range = new HotWordTexts();
    const before: [WorkOrder, number, Classification | null][] = [
      [order(DAY, '零'), 0, complaint],
      [order(DAY, '一'), 1, complaint],
      [order(DAY, '二'), 2, complaint],
    ];
    const after: [WorkOrder, number, number, Classification | null][] = [
      [order(DAY, '二改'), 0, 2, complaint],
      [order(DAY, '零'), 1, 0, null],
      [order(DAY, '七'), 2, 3, complaint],
    ];
    for (const [o, e, c] of before) {
      whole.observe(o, e, c);
      merged.observe(o, e, c);
    }
    for (const [o, local, e, c] of after) {
      whole.observe(o, e, c);
      range.observe(o, local, c);
    }
    merged.merge(structuredClone(range.toData()), Int32Array.from([2, 0, 3]));
    const inOrder = (t: HotWordTexts) => t.between(0, DAY * 2).map((x) => x.clauses.join('，'));
    expect(inOrder(merged)).toEqual(['一', '二改', '七']);
    expect(inOrder(merged)).toEqual(inOrder(whole));
  });
});
