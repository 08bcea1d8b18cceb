/** How the bulletin says a change: a rate on a base of ten or more, else the count; none without a base. */
import { describe, expect, it } from 'vitest';
import {
  MIN_RATE_BASE,
  changeOf,
  runs,
  words,
  count,
} from '../../src/report/sections/bulletin/figures.js';
import { changeWords } from '../../src/report/sections/bulletin/overall.js';
import { paragraphText } from '../../src/report/types.js';
import { change } from '../../src/metrics/formulas.js';

const paths = { now: 'n', base: 'b', rate: 'r' };
const said = (now: number, base: number | null, lang: 'zh' | 'en' = 'zh') => {
  const c = changeOf(now, base, base === null || base === 0 ? null : change(now, base), paths);
  return c === null ? null : paragraphText({ runs: runs(changeWords(c, lang)) });
};

describe('changeOf and changeWords', () => {
  it('takes ten complaints as the smallest base for a rate', () => expect(MIN_RATE_BASE).toBe(10));
  it.each<[number, number | null, string | null, string | null]>([
    [3, 1, '增加2件', 'up 2'], // not +200%
    [3, 0, '增加3件', 'up 3'], // no rate on a zero base
    [1, 9, '减少8件', 'down 8'],
    [12, 10, '上升20%', 'up 20%'],
    [16, 14, '上升14.29%', 'up 14.29%'],
    [16, 18, '下降11.11%', 'down 11.11%'],
    [0, 10, '下降100%', 'down 100%'],
    [7, 7, '持平', 'unchanged'],
    [5, null, null, null], // no year earlier: nothing said
  ])('%i against %s: %s', (now, base, zh, en) => {
    expect(said(now, base)).toBe(zh);
    expect(said(now, base, 'en')).toBe(en);
  });

  it('traces the count of a change to the two values it is the difference of', () => {
    expect(changeOf(3, 1, 2, paths)).toEqual({
      kind: 'count',
      up: true,
      figure: { text: '2', source: { minus: ['n', 'b'] }, as: 'count' },
    });
    expect(changeOf(1, 3, -2 / 3, paths)).toMatchObject({
      figure: { source: { minus: ['b', 'n'] } },
    });
  });

  it('joins words and figures into runs, dropping empty pieces', () => {
    const n = count(1234, 'totals.complaints');
    expect(words`共${n}件${null}${false}。`).toEqual(['共', n, '件。']);
    expect(n.text).toBe('1,234');
  });
});
