/**
 * Events: one outage burst planted among a month of ordinary complaints is found, with its work
 * orders; the same month without it has none.
 */
import { describe, expect, it } from 'vitest';
import { findEvents, placesOf, type EventOrder } from '../../../src/metrics/warn/events.js';

/** A month of ordinary complaints: 8 units, 10 classes, 40 villages, times spread at random. */
function ordinary(n: number): EventOrder[] {
  let seed = 20161101;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const villages = Array.from(
    { length: 40 },
    (_, i) => `${'东南西北中上下前后新'[i % 10]}${'山河林田石'[Math.floor(i / 10) % 5]}村`,
  );
  return Array.from({ length: n }, (_, i) => ({
    id: `G${1000 + i}`,
    unit: `单位${Math.floor(next() * 8)}`,
    at: Math.floor(next() * 30 * 24 * 60),
    className: `类${Math.floor(next() * 10)}`,
    address: null,
    text: `客户反映${villages[Math.floor(next() * 40)]}的问题，要求尽快处理。`,
  }));
}

const T0 = 12 * 24 * 60 + 14 * 60; // the 13th at 14:00
const burst: EventOrder[] = [
  { id: 'B1', unit: '单位3', at: T0, className: '类2', address: '汤口镇芳村三组', text: '停电了' },
  {
    id: 'B2',
    unit: '单位3',
    at: T0 + 40,
    className: '类2',
    address: null,
    text: '汤口镇芳村停电两小时了',
  },
  {
    id: 'B3',
    unit: '单位3',
    at: T0 + 95,
    className: '类2',
    address: null,
    text: '我们芳村一直没电，什么时候来电',
  },
  {
    id: 'B4',
    unit: '单位3',
    at: T0 + 170,
    className: '类2',
    address: '黄山区汤口镇芳村',
    text: '停电',
  },
];

describe('findEvents', () => {
  it('finds the planted burst and only it', () => {
    const events = findEvents([...ordinary(300), ...burst]);
    expect(events).toEqual([
      {
        unit: '单位3',
        className: '类2',
        place: '芳村',
        from: T0,
        to: T0 + 170,
        ids: ['B1', 'B2', 'B3', 'B4'],
      },
    ]);
  });

  it('finds nothing in the same month without it', () => {
    expect(findEvents(ordinary(300))).toEqual([]);
  });

  it('keeps apart complaints more than the window apart, of other classes or units', () => {
    const apart = burst.map((o, i) => ({ ...o, at: T0 + i * 7 * 60 }));
    expect(findEvents(apart)).toEqual([]);
    const mixed = burst.map((o, i) => ({ ...o, className: `类${i}` }));
    expect(findEvents(mixed)).toEqual([]);
  });

  it('needs three complaints by default', () => {
    expect(findEvents(burst.slice(0, 2))).toEqual([]);
    expect(findEvents(burst.slice(0, 3))[0]!.ids).toEqual(['B1', 'B2', 'B3']);
  });
});

describe('placesOf', () => {
  it('takes the endings of a place name, not the words naming none', () => {
    const places = placesOf('汤口镇芳村三组', '该村停电');
    expect(places).toContain('芳村');
    expect(places).toContain('汤口镇芳村');
    expect(places).toContain('汤口镇');
    expect(places).not.toContain('该村');
  });
});
