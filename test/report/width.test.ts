/** displayWidth: string-width's figures, counted directly for the usual characters. */
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/report/width.js';

describe('displayWidth', () => {
  it.each([
    ['', 0],
    ['abc 123', 7],
    ['国网黄山供电公司（市直）', 24],
    ['客户来电反映：电压偏低，空调无法启动。', 38],
    ['２０１６年ＡＢ', 14],
    ['“引号”', 6], // ambiguous width: narrow, as string-width counts it
    ['家中一相无电😀', 14], // an emoji: string-width's own path
    ['tab\there', 7], // a control character: string-width's own path
    ['한국어', 6],
  ])('%j is %i columns wide, as string-width says', (text, width) => {
    expect(displayWidth(text)).toBe(width);
    expect(stringWidth(text)).toBe(width);
  });

  it('agrees with string-width on every character of the ranges it counts itself', () => {
    const ranges = [
      [0x20, 0x7e],
      [0x3000, 0x303f],
      [0x3400, 0x4dbf],
      [0x4e00, 0x9fff],
      [0xff01, 0xffef],
    ] as const;
    let differing = 0;
    for (const [from, to] of ranges)
      for (let c = from; c <= to; c++) {
        const s = String.fromCharCode(c);
        for (const text of [s, `中${s}`, `${s}a`])
          if (displayWidth(text) !== stringWidth(text)) differing++;
      }
    expect(differing).toBe(0);
  });
});
