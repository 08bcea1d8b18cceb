/**
 * The hot-word statistics against hand-computed values: G² = 2 Σ O ln(O/E) over the 2×2 table
 * of texts with and without a term (e.g. 10 of 100 against 2 of 100: E = 6, 94, 6, 94;
 * 2 × (10 ln(10/6) + 90 ln(90/94) + 2 ln(2/6) + 98 ln(98/94)) = 6.1626), the smoothed change
 * (a + 1) / (b × n1/n2 + 1) − 1, and the lists made from texts written by hand.
 */
import { describe, expect, it } from 'vitest';
import {
  EMERGING_G2,
  hotWords,
  isEmerging,
  logLikelihood,
  MIN_EMERGING_COUNT,
  smoothedChange,
  type HotWordDoc,
} from '../../src/metrics/hot-words.js';

describe('logLikelihood (Dunning G², texts with and without the term)', () => {
  it.each([
    // a, n1, b, n2, G²
    [10, 100, 2, 100, 6.1626],
    [5, 100, 0, 100, 7.0597],
    [3, 50, 3, 50, 0],
    [15, 200, 2, 180, 10.3337],
    [23, 300, 20, 280, 0.0579],
    [12, 6400, 0, 6500, 16.8337],
  ])('%i of %i against %i of %i: %f', (a, n1, b, n2, g2) => {
    expect(logLikelihood(a, n1, b, n2)).toBeCloseTo(g2, 3);
  });

  it('is 0 when a side has no texts', () => {
    expect(logLikelihood(4, 10, 0, 0)).toBe(0);
    expect(logLikelihood(0, 0, 4, 10)).toBe(0);
  });

  it('is symmetric: a fall is as far from chance as a rise', () => {
    expect(logLikelihood(2, 100, 10, 100)).toBeCloseTo(logLikelihood(10, 100, 2, 100), 10);
  });
});

describe('smoothedChange ((a + 1) / (b × n1/n2 + 1) − 1)', () => {
  it.each([
    [15, 100, 2, 100, 15 / 3 + 1 / 3 - 1], // 16 / 3 − 1 = 4.3333
    [10, 100, 2, 100, 11 / 3 - 1],
    [12, 6400, 0, 6500, 12], // new: its count
    [23, 300, 20, 280, 24 / (20 * (300 / 280) + 1) - 1], // 24 / 22.4286 − 1 = 0.0701
    [4, 100, 9, 100, -0.5],
  ])('%i of %i against %i of %i: %f', (a, n1, b, n2, change) => {
    expect(smoothedChange(a, n1, b, n2)).toBeCloseTo(change, 10);
  });

  it('is null without baseline texts', () => {
    expect(smoothedChange(3, 10, 0, 0)).toBeNull();
  });
});

describe('isEmerging', () => {
  it('needs MIN_EMERGING_COUNT texts, a rise and G² ≥ EMERGING_G2', () => {
    expect(MIN_EMERGING_COUNT).toBe(5);
    expect(EMERGING_G2).toBe(10.83);
    expect(isEmerging(12, 6400, 0, 6500)).toBe(true); // G² 16.83
    expect(isEmerging(15, 200, 2, 180)).toBe(false); // G² 10.33 < 10.83
    expect(isEmerging(4, 10, 0, 1000)).toBe(false); // 4 < 5 whatever G²
    expect(isEmerging(2, 100, 40, 100)).toBe(false); // a fall
  });
});

const doc = (words: string[], phrases: string[] = [], code = 'A1', unit = '甲'): HotWordDoc => ({
  unit,
  class: { code, name: `类${code}`, nameEn: `Class ${code}` },
  terms: [{ words, phrases }],
});

describe('hotWords', () => {
  // The period: 台区 in 4 texts (twice in one, counted once), 电压 in 3, 电价 in 6 (new).
  const period = [
    doc(['台区', '电压', '台区'], ['台区电压'], 'B1', '甲'),
    doc(['台区', '电压'], ['台区电压'], 'B1', '甲'),
    doc(['台区', '电价'], [], 'C2', '乙'),
    doc(['台区', '电价'], [], 'C2', '乙'),
    doc(['电压', '电价'], [], 'B1', '乙'),
    doc(['电价'], [], 'C2', '乙'),
    doc(['电价'], [], 'C2', '甲'),
    doc(['电价'], [], 'C2', '甲'),
  ];
  const before = [...Array(8)].map(() => doc(['台区']));

  it('counts each term once per text, lists words then phrases, most first', () => {
    const r = hotWords({ period, baseline: null, yearEarlier: null, top: 2, byUnit: false });
    expect(r.texts).toBe(8);
    expect(r.rows.map((x) => [x.kind, x.word, x.count])).toEqual([
      ['word', '电价', 6],
      ['word', '台区', 4],
      ['phrase', '台区电压', 2],
    ]);
    expect(r.rows[0]!.share).toBe(0.75);
    expect(r.rows[0]!.baseline).toBeNull();
    expect(r.rows[0]!.change).toBeNull();
    expect(r.rows[0]!.emerging).toBe(false);
    // 电价: 5 texts of C2, 1 of B1.
    expect(r.rows[0]!.classes.map((c) => [c.code, c.count])).toEqual([
      ['C2', 5],
      ['B1', 1],
    ]);
    expect(r.units).toBeNull();
  });

  it('judges against the baseline and lists emerging terms not in the top', () => {
    const r = hotWords({
      period,
      baseline: { basis: 'preceding', docs: before },
      yearEarlier: null,
      top: 1,
      byUnit: false,
    });
    // 电价: 6 of 8 against 0 of 8: E = 3, 5, 3, 5; G² = 2 (6 ln 2 + 2 ln 0.4 + 8 ln 1.6) = 12.17.
    const price = r.rows.find((x) => x.word === '电价')!;
    expect(price.g2).toBeCloseTo(2 * (6 * Math.log(2) + 2 * Math.log(0.4) + 8 * Math.log(1.6)), 10);
    expect(price.g2).toBeCloseTo(12.1727, 3);
    expect(price.emerging).toBe(true);
    expect(price.change).toBe(6);
    expect(price.baseline).toBe(0);
    // 台区 fell (8 → 4): listed as the top word only by its count, not emerging.
    expect(r.rows.map((x) => [x.word, x.emerging])).toEqual([
      ['电价', true],
      ['台区电压', false],
    ]);
    expect(r.basis).toBe('preceding');
    expect(r.baselineTexts).toBe(8);
  });

  it('counts the year earlier beside the baseline, and each unit’s words when asked', () => {
    const r = hotWords({
      period,
      baseline: { basis: 'preceding', docs: before },
      yearEarlier: [doc(['电价']), doc(['电压'])],
      top: 3,
      byUnit: true,
    });
    expect(r.rows.find((x) => x.word === '电价')!.yearEarlier).toBe(1);
    expect(r.rows.find((x) => x.word === '台区')!.yearEarlier).toBe(0);
    expect(r.yearEarlierTexts).toBe(2);
    expect(r.units).toEqual([
      {
        unit: '乙',
        texts: 4,
        words: [
          { word: '电价', count: 4 },
          { word: '台区', count: 2 },
          { word: '电压', count: 1 },
        ],
      },
      {
        unit: '甲',
        texts: 4,
        words: [
          { word: '台区', count: 2 },
          { word: '电价', count: 2 },
          { word: '电压', count: 2 },
        ],
      },
    ]);
  });

  it('has no rows without texts', () => {
    const r = hotWords({ period: [], baseline: null, yearEarlier: null, top: 10, byUnit: false });
    expect(r).toMatchObject({ texts: 0, rows: [] });
  });
});

describe('hotWords: a word a longer listed word holds in every text is left out', () => {
  // 尽快恢复 and 恢复 in the same 3 texts (恢复送电 … 尽快恢复); 停电 in 4, 停电公告 in 2 of them;
  // 电费 in 2 texts and 阶梯电费 in 2 others (as many texts, not the same ones).
  const period = [
    doc(['停电', '停电公告', '恢复', '尽快恢复']),
    doc(['停电', '停电公告', '尽快恢复', '恢复']),
    doc(['停电', '恢复', '尽快恢复', '电费']),
    doc(['停电', '电费']),
    doc(['阶梯电费']),
    doc(['阶梯电费']),
  ];
  const words = (r: ReturnType<typeof hotWords>) =>
    r.rows.map((x) => [x.kind, x.word, x.count, x.top]);

  it('names the longer word only: the same complaints are not counted twice', () => {
    const r = hotWords({ period, baseline: null, yearEarlier: null, top: 10, byUnit: false });
    // 停电 4; 尽快恢复 3 (恢复 3, the same three, left out); 停电公告 2 is in 2 of 停电's 4;
    // 电费 2 and 阶梯电费 2 are in different texts.
    expect(words(r)).toEqual([
      ['word', '停电', 4, true],
      ['word', '尽快恢复', 3, true],
      ['word', '停电公告', 2, true],
      ['word', '电费', 2, true],
      ['word', '阶梯电费', 2, true],
    ]);
  });

  it('leaves out a word in fewer texts than the longer one too, and lists the next instead', () => {
    // 恢复 now in 2 texts, both with 尽快恢复 (in 3): left out, and the top 4 reach 电费 (2,
    // after 恢复 by code point).
    const fewer = [doc(['停电', '停电公告', '尽快恢复']), ...period.slice(1)];
    const r = hotWords({ period: fewer, baseline: null, yearEarlier: null, top: 4, byUnit: false });
    expect(words(r)).toEqual([
      ['word', '停电', 4, true],
      ['word', '尽快恢复', 3, true],
      ['word', '停电公告', 2, true],
      ['word', '电费', 2, true],
    ]);
    // Without 尽快恢复 in the third text 恢复 is in one text 尽快恢复 lacks: both stay.
    const apart = [...period.slice(0, 2), doc(['停电', '恢复', '电费']), ...period.slice(3)];
    const s = hotWords({ period: apart, baseline: null, yearEarlier: null, top: 4, byUnit: false });
    expect(words(s)).toEqual([
      ['word', '停电', 4, true],
      ['word', '恢复', 3, true],
      ['word', '停电公告', 2, true],
      ['word', '尽快恢复', 2, true],
    ]);
  });

  it('treats phrases among phrases, never a word against a phrase, and each unit alike', () => {
    const texts = [
      doc(['恢复', '送电'], ['恢复送电', '尽快恢复送电'], 'A1', '甲'),
      doc(['恢复', '送电'], ['尽快恢复送电', '恢复送电'], 'A1', '甲'),
      doc(['恢复'], [], 'A1', '乙'),
    ];
    const r = hotWords({ period: texts, baseline: null, yearEarlier: null, top: 4, byUnit: true });
    // 送电 (2) is in 2 texts of the phrase 恢复送电 (2): a word, kept; the phrase 恢复送电 is
    // held by 尽快恢复送电 in both its texts.
    expect(words(r)).toEqual([
      ['word', '恢复', 3, true],
      ['word', '送电', 2, true],
      ['phrase', '尽快恢复送电', 2, true],
    ]);
    const unitTexts = [
      doc(['恢复', '尽快恢复'], [], 'A1', '甲'),
      doc(['恢复', '尽快恢复'], [], 'A1', '甲'),
      doc(['恢复'], [], 'A1', '乙'),
    ];
    const u = hotWords({
      period: unitTexts,
      baseline: null,
      yearEarlier: null,
      top: 4,
      byUnit: true,
    });
    // In all: 恢复 3, 尽快恢复 2 (恢复 is also in 乙's text); 甲: 尽快恢复 2 only; 乙: 恢复 1.
    expect(words(u)).toEqual([
      ['word', '恢复', 3, true],
      ['word', '尽快恢复', 2, true],
    ]);
    expect(u.units).toEqual([
      { unit: '甲', texts: 2, words: [{ word: '尽快恢复', count: 2 }] },
      { unit: '乙', texts: 1, words: [{ word: '恢复', count: 1 }] },
    ]);
  });

  it('leaves out an emerging word a longer emerging one holds', () => {
    // 恢复 and 尽快恢复 in the same 6 of 10 texts, none of the baseline's 10: G² = 2 (6 ln 2 +
    // 4 ln(4/7) + 10 ln(10/7)) = 10.9743 ≥ 10.83, both emerging; 停电 and 电费 in all 20, the top
    // words, leave two places for emerging ones.
    const now = [
      ...[...Array(6)].map(() => doc(['停电', '电费', '恢复', '尽快恢复'])),
      ...[...Array(4)].map(() => doc(['停电', '电费'])),
    ];
    const before = [...Array(10)].map(() => doc(['停电', '电费']));
    const r = hotWords({
      period: now,
      baseline: { basis: 'preceding', docs: before },
      yearEarlier: null,
      top: 2,
      byUnit: false,
    });
    expect(r.rows.map((x) => [x.word, x.count, x.top, x.emerging])).toEqual([
      ['停电', 10, true, false],
      ['电费', 10, true, false],
      ['尽快恢复', 6, false, true],
    ]);
    expect(r.rows[2]!.g2).toBeCloseTo(10.9743, 4);
  });
});
