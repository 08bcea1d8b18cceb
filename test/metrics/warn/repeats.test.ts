/** Repeat complainants within N days, counted on the later complaint, worked by hand. */
import { describe, expect, it } from 'vitest';
import { repeatsWithin, type RepeatComplaint } from '../../../src/metrics/warn/repeats.js';

const c = (unit: string, customer: string | null, day: number): RepeatComplaint => ({
  unit,
  customer,
  day,
});

describe('repeatsWithin', () => {
  // April is days 100–129 here; 30 days the window.
  const data = [
    c('歙县', 'A', 80), // March …
    c('歙县', 'A', 101), // … and again 21 days later, in April: a repeat of April
    c('歙县', 'A', 120), // and again: a second repeat complaint, the same customer
    c('歙县', 'B', 60),
    c('歙县', 'B', 105), // 45 days later: not within 30
    c('黟县', 'C', 110),
    c('休宁', 'C', 115), // moved to another unit: 休宁's repeat
    c('黟县', null, 111),
    c('黟县', null, 112), // nobody known: no repeat
    c('祁门', 'D', 125),
    c('祁门', 'D', 131), // the later one after April: not April's
  ];

  it('counts the later complaints in the period, per unit, most first', () => {
    expect(repeatsWithin(data, 30, 100, 129)).toEqual([
      { unit: '歙县', customers: 1, complaints: 2 },
      { unit: '休宁', customers: 1, complaints: 1 },
    ]);
  });

  it('a wider window takes in B; a narrower one leaves out A’s first return', () => {
    expect(repeatsWithin(data, 45, 100, 129)[0]).toEqual({
      unit: '歙县',
      customers: 2,
      complaints: 3,
    });
    // Equal counts: by name (code point order, as the JSON sorts them).
    expect(repeatsWithin(data, 20, 100, 129)).toEqual([
      { unit: '休宁', customers: 1, complaints: 1 },
      { unit: '歙县', customers: 1, complaints: 1 },
    ]);
  });
});
