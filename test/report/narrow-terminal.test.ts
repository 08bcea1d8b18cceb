/**
 * A table wider than the terminal (COLUMNS, or a terminal's own width) is printed one record per
 * row, "heading：value", with every figure whole; off a terminal the width is not limited and
 * the table is printed as it always was (the golden outputs hold it byte for byte).
 */
import { describe, expect, it } from 'vitest';
import { table } from '../../src/report/terminal.js';
import { complaints } from '../helpers/cli.js';

const HEAD = ['排名', '供电单位', '投诉', '投诉占比'];
const ROWS = [
  ['1', '国网歙县供电公司', '5', '31.25%'],
  ['', '合计', '16', '100%'],
];

describe('table() at a given width', () => {
  it('wide enough: the aligned table', () => {
    expect(table(HEAD, ROWS, ['right', 'left', 'right', 'right'], '', 80)).toBe(
      [
        '排名  供电单位          投诉  投诉占比',
        '   1  国网歙县供电公司     5    31.25%',
        '      合计                16      100%',
      ].join('\n'),
    );
  });

  it('too narrow: one record per row, nothing cut, empty cells left out', () => {
    expect(table(HEAD, ROWS, ['right', 'left', 'right', 'right'], '  ', 20)).toBe(
      [
        '  排名：1',
        '    供电单位：国网歙县供电公司',
        '    投诉：5',
        '    投诉占比：31.25%',
        '  供电单位：合计',
        '    投诉：16',
        '    投诉占比：100%',
      ].join('\n'),
    );
  });

  it('English headings take ": "; a list without headings keeps its empty first line', () => {
    expect(table(['Units', 'Complaints'], [['Shexian', '5']], [], '', 10)).toBe(
      'Units: Shexian\n  Complaints: 5',
    );
    expect(
      table(
        ['', ''],
        [
          ['工单', '37'],
          ['投诉', '16'],
        ],
        [],
        '  ',
        5,
      ),
    ).toBe('  \n  工单  37\n  投诉  16');
  });

  it('no width (off a terminal): never limited', () => {
    const wide = table(HEAD, ROWS, [], '', null);
    expect(wide.split('\n')[0]).toBe('排名  供电单位          投诉  投诉占比');
  });
});

describe('analyze with COLUMNS=20', () => {
  const args = ['analyze', 'fixtures/metrics/95598-2016-06-12-gb18030.csv', '--month', '2016-11'];

  it('prints the units as records, every figure whole', () => {
    const narrow = complaints(args, { env: { COLUMNS: '20' } });
    expect(narrow.code).toBe(0);
    const lines = narrow.stdout.split('\n');
    // 歙县: 5 complaints, 2 appeals upheld, 3 assessed, 31.25% of 16, −28.57% on October's 7.
    const at = lines.indexOf('排名：1');
    expect(lines.slice(at, at + 7)).toEqual([
      '排名：1',
      '  供电单位：国网歙县供电公司',
      '  投诉：5',
      '  申诉成功：2',
      '  考核投诉：3',
      '  投诉占比：31.25%',
      '  投诉环比：−28.57%',
    ]);
    expect(lines).toContain('供电单位：合计');
    // No aligned table is left: its heading line would be over 20 columns.
    expect(narrow.stdout).not.toMatch(/^排名 +供电单位/m);
  });

  it('without COLUMNS off a terminal: the aligned table', () => {
    const wide = complaints(args);
    expect(wide.stdout).not.toContain('排名：1');
    expect(wide.stdout).toMatch(/^排名 +供电单位 +投诉/m);
  });
});
