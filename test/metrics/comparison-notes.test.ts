/**
 * Why 环比 or 月均下降率 is missing (metrics/sections/comparison-notes.ts, review2 items 11 and
 * 20): hand-made months, the notes the analysis carries.
 */
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/metrics/analysis.js';
import { input, type Row } from '../helpers/analysis-input.js';

const at = (month: number, n: number, year = 2016): Row[] =>
  Array.from({ length: n }, () => ({ unit: 'A', month: [year, month], class: '服务态度' }));
const codes = (rows: Row[], options: Parameters<typeof input>[1]) => {
  const a = analyse(input(rows, options));
  return new Map(a.notes.map((n) => [n.code, n.zh]));
};

describe('no-mom: the span before the period not wholly in the inputs', () => {
  // 2016-04 – 2016-06 and 2016-08 – 2016-12 covered; July in no input (two halves, or a hole).
  const rows = [...at(4, 3), ...at(5, 2), ...at(6, 2), ...at(8, 4), ...at(10, 3), ...at(12, 1)];
  it('2016Q4 against 2016Q3, which holds July: no 环比, and why', () => {
    const notes = codes(rows, { period: { quarter: '2016Q4' } });
    expect(notes.has('no-mom')).toBe(false); // the helper covers April – December
    const holed = input(rows, { period: { quarter: '2016Q4' } });
    (holed.covered as Set<number>).delete(2016 * 12 + 6);
    const a = analyse(holed);
    expect(a.totals.mom).toBeNull();
    expect(a.notes.find((n) => n.code === 'no-mom')?.zh).toBe(
      '环比：输入未完整覆盖 2016-07 – 2016-09，加入该期间的导出文件即可比较。',
    );
  });

  it('a single month with no month before: 环比 and 月均下降率 say why', () => {
    // No period asked (trend over all the data): the data's one month.
    const notes = codes(at(8, 5), {});
    expect(notes.get('no-mom')).toBe(
      '环比：输入未完整覆盖 2016-07，加入该期间的导出文件即可比较。',
    );
    expect(notes.get('no-reduction')).toBe('月均下降率：需要两个或以上完整月份（本期 1 个）。');
    // --month: a month has no monthly reduction to miss; its 环比 still says why.
    const month = codes(at(8, 5), { period: { month: '2016-08' } });
    expect(month.has('no-reduction')).toBe(false);
    expect(month.has('no-mom')).toBe(true);
  });
});

describe('no-reduction: the compound rate from or to 0', () => {
  it('3 → 4 → 0: arithmetic (−1/3 + 1) / 2 = 33.33%, no compound, and why', () => {
    const a = analyse(
      input([...at(10, 3), ...at(11, 4)], {
        covered: [2016 * 12 + 9, 2016 * 12 + 11],
        period: { quarter: '2016Q4' },
      }),
    );
    expect(a.trend.avgMonthlyReduction.arithmetic).toBeCloseTo(1 / 3, 12);
    expect(a.trend.avgMonthlyReduction.compound).toBeNull();
    expect(a.notes.find((n) => n.code === 'no-reduction')?.zh).toBe(
      '月均下降率：复合：2016-12 投诉为 0，降到 0 的序列复合率恒为 100%，不反映中间各月，不作计算。',
    );
  });

  it('a whole series: no note', () => {
    const notes = codes([...at(10, 3), ...at(11, 4), ...at(12, 2)], {
      period: { quarter: '2016Q4' },
    });
    expect(notes.has('no-reduction')).toBe(false);
  });
});
