import { describe, expect, it } from 'vitest';
import {
  averageMonthlyReduction,
  change,
  competitionRanks,
  hasReachedTarget,
  isOverTarget,
  medianOfSorted,
  overTargetRate,
  prorate,
  ratePer10k,
  share,
} from '../../src/metrics/formulas.js';

// The worked examples of DESIGN.md §2, from published analyses.
describe('overTargetRate (超指标率)', () => {
  it.each([
    // assessed, target, rate as published
    [146, 125, 0.168], // 2016 total: 226 complaints − 80 appeal-approved = 146 against 125
    [22, 16, 0.375],
    [13, 8, 0.625],
    [10, 9, 0.1111],
    [31, 26, 0.1923],
    [19, 15, 0.2667],
    [20, 24, -0.1667], // under target: negative
    [9, 9, 0],
  ])('%i assessed against %i → %f', (assessed, target, rate) => {
    expect(overTargetRate(assessed, target)).toBeCloseTo(rate, 4);
  });

  it('is exactly 0.168 for the 2016 total, as the bulletin prints it', () => {
    expect(overTargetRate(226 - 80, 125)).toBe(0.168);
  });

  it('has no rate without a target or with a target of 0', () => {
    expect(overTargetRate(5, null)).toBeNull();
    expect(overTargetRate(5, 0)).toBeNull();
  });

  it.each([
    [5, 0, true],
    [0, 0, false],
    [9, 9, false],
    [10, 9, true],
    [3, null, null],
  ])('%i assessed against target %s is over: %s', (assessed, target, over) => {
    expect(isOverTarget(assessed, target)).toBe(over);
  });
});

describe('hasReachedTarget (已达到或超过年度指标)', () => {
  it.each([
    // The 2016 year to date to November (expected.json unitMonths): 市直 31 against 28,
    // 祁门 10 against 9, 屯溪 10 against 12; a unit exactly at its target has used it up.
    [31, 28, true],
    [10, 9, true],
    [10, 12, false],
    [9, 9, true],
    [0, 0, true],
    [3, null, null],
  ])('%i assessed against annual target %s has reached it: %s', (assessed, target, reached) => {
    expect(hasReachedTarget(assessed, target)).toBe(reached);
  });
});

describe('change (同比, 环比)', () => {
  it.each([
    [110, 53, 1.0755], // 运检类 against a year earlier
    [116, 127, -0.0866], // 营销类
    [226, 180, 0.2556],
    [53, 36, 0.4722],
    [20, 20, 0],
  ])('%i against %i → %f', (current, base, rate) => {
    expect(change(current, base)).toBeCloseTo(rate, 4);
  });

  it('is null when the base is 0 or absent', () => {
    expect(change(5, 0)).toBeNull();
    expect(change(5, null)).toBeNull();
  });
});

describe('averageMonthlyReduction (月均下降率)', () => {
  it('gives the compound 17.36% of the series 409 (April) … 89 (December)', () => {
    const series = [409, 352, 318, 270, 231, 188, 150, 117, 89];
    const r = averageMonthlyReduction(series);
    expect(r.compound).toBeCloseTo(1 - Math.pow(89 / 409, 1 / 8), 15);
    expect(r.compound).toBeCloseTo(0.1736, 4);
    // Mean of the eight monthly reduction rates, worked out by hand:
    // 57/409, 34/352, 48/318, 39/270, 43/231, 38/188, 33/150, 28/117.
    const rates = [57 / 409, 34 / 352, 48 / 318, 39 / 270, 43 / 231, 38 / 188, 33 / 150, 28 / 117];
    expect(r.arithmetic).toBeCloseTo(rates.reduce((a, b) => a + b) / 8, 15);
    expect(r.arithmetic).toBeCloseTo(0.1724, 4);
  });

  it.each([
    [[100, 50], 0.5, 0.5],
    [[100, 100, 100], 0, 0],
    [[100, 200], -1, -1], // rising: a negative reduction
    // Ending at 0: the arithmetic mean of the falls stands; the compound rate would be 100% for
    // any series ending at 0 (README's 深渡供电所 3 → 4 → 0), so it is not given (review2 item 20).
    [[100, 0], 1, null],
    [[3, 4, 0], (-1 / 3 + 1) / 2, null],
    [[0, 10, 5], 0.5, null], // no rate from 0; no compound from a first month of 0
    [[42], null, null],
    [[], null, null],
    // A month that cannot stand beside the others (null: partial or not covered) has no rate and
    // none against it; the compound rate runs over the months from the first value to the last.
    [
      [118, 112, 88, 70, 50, null],
      (6 / 118 + 24 / 112 + 18 / 88 + 20 / 70) / 4,
      1 - Math.pow(50 / 118, 1 / 4),
    ],
    [[100, null, 50], null, 1 - Math.pow(0.5, 1 / 2)],
    [[null, 100, 80], 0.2, 0.2],
    [[null, 100, null], null, null],
  ] as [(number | null)[], number | null, number | null][])(
    '%j → arithmetic %s, compound %s',
    (series, arithmetic, compound) => {
      const r = averageMonthlyReduction(series);
      if (arithmetic === null) expect(r.arithmetic).toBeNull();
      else expect(r.arithmetic).toBeCloseTo(arithmetic, 12);
      if (compound === null) expect(r.compound).toBeNull();
      else expect(r.compound).toBeCloseTo(compound, 12);
    },
  );
});

describe('share, rate per 10,000 customers, prorating, ranks, median', () => {
  it.each([
    [53, 226, 0.2345],
    [0, 226, 0],
  ])('share %i of %i → %f', (part, whole, expected) => {
    expect(share(part, whole)).toBeCloseTo(expected, 4);
  });
  it('has no share of nothing', () => expect(share(0, 0)).toBeNull());

  it.each([
    [53, 214_600, 2.4697],
    [12, 45_000, 2.6667],
    [5, null, null],
    [5, 0, null],
  ])('%i complaints among %s customers → %s per 10,000', (complaints, customers, rate) => {
    const r = ratePer10k(complaints, customers);
    if (rate === null) expect(r).toBeNull();
    else expect(r).toBeCloseTo(rate, 4);
  });

  it.each([
    [125, 12, 125],
    [125, 3, 31.25],
    [16, 1, 16 / 12],
  ])('an annual target of %i over %i months → %f', (target, months, expected) => {
    expect(prorate(target, months)).toBeCloseTo(expected, 12);
  });

  it.each([
    [
      [31, 22, 22, 19, 10],
      [1, 2, 2, 4, 5],
    ],
    [
      [5, 5, 5],
      [1, 1, 1],
    ],
    [[], []],
  ])('competition ranks of %j → %j', (values, ranks) => {
    expect(competitionRanks(values)).toEqual(ranks);
  });

  it.each([
    [[1, 2, 3], 2],
    [[1, 2, 3, 10], 2.5],
    [[], null],
  ])('median of %j → %s', (values, median) => {
    expect(medianOfSorted(values)).toBe(median);
  });
});
