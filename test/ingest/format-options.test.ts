/** --sheet and --encoding given for inputs of the other kind are said to be unused (issue 12). */
import { describe, expect, it } from 'vitest';
import { formatOptionWarnings } from '../../src/ingest/format-options.js';

const xlsx = { format: 'xlsx' as const };
const csv = { format: 'csv' as const };

describe('formatOptionWarnings', () => {
  it.each<
    [
      { sheet: string | null; encoding: string | null },
      { format: 'xlsx' | 'csv' }[],
      { zh: string; en: string }[],
    ]
  >([
    [
      { sheet: '2', encoding: null },
      [csv, csv],
      [
        {
          zh: '--sheet 2 没有用到：输入中没有 xlsx 工作簿。',
          en: '--sheet 2 was not used: no input is an xlsx workbook.',
        },
      ],
    ],
    [{ sheet: '2', encoding: null }, [csv, xlsx], []],
    [
      { sheet: null, encoding: 'gb18030' },
      [xlsx],
      [
        {
          zh: '--encoding gb18030 没有用到：输入中没有文本文件（工作簿自带编码）。',
          en: '--encoding gb18030 was not used: no input is a text file (a workbook carries its own encoding).',
        },
      ],
    ],
    [{ sheet: null, encoding: 'gb18030' }, [xlsx, csv], []],
    [{ sheet: null, encoding: null }, [xlsx, csv], []],
    [{ sheet: '2', encoding: 'gb18030' }, [], []],
  ])('%j over %j', (settings, inputs, expected) => {
    expect(formatOptionWarnings(settings, inputs)).toEqual(expected);
  });
});
