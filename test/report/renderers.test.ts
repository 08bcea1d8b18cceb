/**
 * The renderers read the report model and nothing else: none reaches the metrics or the
 * pipeline, even for a type (loading.test.ts checks what a run loads). And a model table is
 * shown the same way whatever it holds.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Chalk } from 'chalk';
import { afterAll, describe, expect, it } from 'vitest';
import { writeTableCsv } from '../../src/report/csv.js';
import { heading } from '../../src/report/labels.js';
import { renderTable } from '../../src/report/summary.js';
import type { Table } from '../../src/report/types.js';
import { reach } from '../helpers/source-imports.js';

const RENDERERS = [
  'src/report/workbook.ts',
  'src/report/csv.ts',
  'src/report/summary.ts',
  'src/report/charts.ts',
  'src/report/inspect.ts',
  'src/report/classification.ts',
  'src/report/markdown.ts',
  'src/report/bulletin-block.ts',
];

describe('renderers', () => {
  it.each(RENDERERS)('%s reaches neither src/metrics nor the pipeline', (file) => {
    // Every import counts, types too; followed through src/report, where the model lives.
    const reached = reach(file, (_edge, from) => from.startsWith('src/report/'));
    const computing = [...reached.entries()]
      .filter(([target]) => target.startsWith('src/metrics/') || target === 'src/pipeline.ts')
      .map(([, path]) => path.join(' → '));
    expect(computing).toEqual([]);
  });
});

/** A units table as the model makes it: a totals row without rank, a flag, an absent figure. */
const UNITS: Table = {
  columns: [
    { key: 'rank', label: 'rank', format: 'int' },
    { key: 'unit', label: 'unit', format: 'text' },
    { key: 'target', label: 'target', format: 'dec' },
    { key: 'overTargetRate', label: 'overTargetRate', format: 'over' },
    { key: 'overTarget', label: 'overTarget', format: 'flag' },
    { key: 'yoy', label: 'yoy', format: 'change' },
    { key: 'ratePer10k', label: 'ratePer10k', format: 'fixed' },
  ],
  rows: [
    {
      rank: 1,
      unit: '国网歙县供电公司',
      target: 6.5,
      overTargetRate: 0.2308,
      overTarget: true,
      yoy: 1.125,
      ratePer10k: 0.7,
    },
    {
      rank: 1000,
      unit: 'B',
      target: null,
      overTargetRate: null,
      overTarget: null,
      yoy: null,
      ratePer10k: null,
    },
  ],
  totals: {
    unit: '合计',
    target: 31.25,
    overTargetRate: -0.04,
    overTarget: false,
    yoy: 0,
    ratePer10k: 0.5907,
  },
  omitted: 2,
};

describe('the terminal table', () => {
  const plain = new Chalk({ level: 0 });

  it('shows each format, blanks an absent cell and says how many rows were left out', () => {
    expect(renderTable(UNITS, 'zh', plain).split('\n')).toEqual([
      ' 排名  供电单位           指标  超指标率      投诉同比  万户投诉率',
      '    1  国网歙县供电公司    6.5   +23.08%  超   +112.5%        0.70',
      '1,000  B                     -         -             -           -',
      '       合计              31.25       −4%            0%        0.59',
      '… 2',
    ]);
  });

  it('words a few headings more briefly than the workbook', () => {
    expect(heading('overTargetRate', 'en', 'terminal')).toBe('over target');
    expect(heading('overTargetRate', 'en')).toBe('over-target rate');
    expect(heading('overTarget', 'zh', 'terminal')).toBe('');
    expect(heading('overTarget', 'zh')).toBe('超指标');
  });

  it('colours over-target rates and changes only when asked', () => {
    const text = renderTable(UNITS, 'zh', new Chalk({ level: 1 }));
    expect(text).toContain('\x1b[31m+23.08%\x1b[39m');
    expect(text).toContain('\x1b[31m超\x1b[39m');
    expect(text).toContain('\x1b[31m+112.5%\x1b[39m');
  });
});

describe('the CSV table', () => {
  const dir = mkdtempSync(join(tmpdir(), 'complaints-csv-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const table: Table = { ...UNITS, omitted: undefined };

  it.each([
    ['zh', '排名,供电单位,指标,超指标率,超指标,投诉同比,万户投诉率'],
    ['en', 'rank,unit,target,overTargetRate,overTarget,yoy,ratePer10k'],
  ] as const)('heads the columns in %s, figures rounded for people', async (lang, head) => {
    const file = join(dir, `${lang}.csv`);
    await writeTableCsv(file, table, lang);
    const lines = readFileSync(file, 'utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split(/\r?\n/);
    expect(lines[0]).toBe(head);
    expect(lines[1]).toBe('1,国网歙县供电公司,6.5,0.2308,true,1.125,0.7');
    // A rate per 10,000 customers to two decimals, rates to four (0.2308 as given).
    expect(lines[3]).toBe(',合计,31.25,-0.04,false,0,0.59');
  });
});
