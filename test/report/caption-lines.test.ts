/**
 * A caption on a sheet printed in strips wraps within the columns repeated on every strip (排名,
 * 供电单位): broken at its phrases, in Chinese and in English, never mid-phrase.
 */
import { describe, expect, it } from 'vitest';
import { captionLines, rowHeight } from '../../src/report/bulletin-block.js';

/** 排名 and 供电单位 of the quarter's 单位 sheet (character widths). */
const LABELS = [8, 24];

describe('a caption wider than the repeated columns', () => {
  it.each([
    [
      '本季度：2016年第四季度（同比基期：2015年第四季度）',
      '本季度：2016年第四季度\n（同比基期：2015年第四季度）',
    ],
    [
      'the quarter: 2016 Q4 (compared with 2015 Q4)',
      'the quarter: 2016 Q4\n(compared with 2015 Q4)',
    ],
    [
      'year to date: 2016 (against the annual targets)',
      'year to date: 2016\n(against the annual targets)',
    ],
  ])('breaks before its bracket: %s', (caption, lines) => {
    expect(captionLines(caption, LABELS, 2)).toBe(lines);
    // Two lines, the row as tall as them: a Chinese line 16 points and 4 of leading (LibreOffice
    // draws Noto Sans CJK's lines 16 apart), a line of Calibri 15, Excel's row (at 16 and 4 as
    // well, LibreOffice showed most of a blank line under the English two).
    expect(rowHeight(lines, LABELS, 2)).toBe(/\p{Script=Han}/u.test(lines) ? 2 * 16 + 4 : 2 * 15);
  });

  it('keeps phrases together on a line while they fit', () => {
    expect(captionLines('上升最快（同比）（本季度）（与上年同期比较）', LABELS, 2)).toBe(
      '上升最快（同比）（本季度）\n（与上年同期比较）',
    );
  });

  it('leaves a caption that fits as it is', () => {
    expect(captionLines('累计：2016年（与年度指标比较）', LABELS, 2)).toBe(
      '累计：2016年（与年度指标比较）',
    );
  });
});
