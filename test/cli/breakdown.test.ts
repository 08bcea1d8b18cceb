/**
 * --by end to end, on the generated export of fixtures/breakdown (make-breakdown-fixtures.js:
 * 受理渠道, URBAN_RURAL_FLAG codes, 用电类别, 供电所, GB18030, a title and a 合计 row): the groups
 * against the generator's own tallies, a matrix whose rows and columns add up to the unit and
 * category totals, trend and report by a dimension, the config file, and the user errors.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import expected from '../../fixtures/breakdown/expected.json' with { type: 'json' };
import { readBook } from '../helpers/book.js';
import { complaints, isPlainError, ROOT } from '../helpers/cli.js';
import { inEnglish } from '../helpers/english.js';

const FILE = join(ROOT, 'fixtures', 'breakdown', expected.file);
const Q = ['--quarter', expected.quarter];
const dir = mkdtempSync(join(tmpdir(), 'complaints-by-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Group {
  key: string[];
  complaints: number;
  assessed: number;
  share: number | null;
  previous: number | null;
  yoy: number | null;
  preceding: number | null;
  mom: number | null;
  rank: number;
}
interface Breakdown {
  by: string[];
  groups: Group[];
  totals: { complaints: number; assessed: number; margins: Group[][] };
}
type Tallies = Record<string, { complaints: number; assessed: number }>;

function json(
  args: string[],
  quiet = true,
): {
  breakdowns: Breakdown[];
  units: { unit: string; complaints: number; [k: string]: unknown }[];
  categories: {
    level1: { name: string; complaints: number }[];
    level2: { name: string; complaints: number }[];
  };
} {
  const run = complaints([...args, '--json']);
  if (quiet) expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
}

const tallies = (groups: readonly Group[]): Tallies =>
  Object.fromEntries(
    groups.map((g) => [g.key.join(' × '), { complaints: g.complaints, assessed: g.assessed }]),
  );
const withoutEmpty = (t: Tallies) =>
  Object.fromEntries(Object.entries(t).filter(([, v]) => v.complaints > 0));

describe('analyze --by on a generated export', () => {
  it("by 受理渠道: the generator's counts, blank its own group, 同比 and 环比 from its tallies", () => {
    const [b] = json(['analyze', FILE, ...Q, '--by', 'channel']).breakdowns;
    expect(b!.by).toEqual(['channel']);
    expect(withoutEmpty(tallies(b!.groups))).toEqual(expected.byChannel);
    for (const g of b!.groups) {
      const name = g.key[0]!;
      const previous = (expected.byChannelYearEarlier as Tallies)[name]?.complaints ?? 0;
      const preceding = (expected.byChannelQuarterBefore as Tallies)[name]?.complaints ?? 0;
      expect([g.previous, g.preceding], name).toEqual([previous, preceding]);
      expect(g.yoy).toBe(previous === 0 ? null : (g.complaints - previous) / previous);
      expect(g.share).toBe(g.complaints / expected.complaints);
    }
    expect(b!.totals.complaints).toBe(expected.complaints);
    expect(b!.totals.assessed).toBe(expected.assessed);
  });

  it.each([
    ['URBAN_RURAL_FLAG', 'urbanRural', expected.byUrbanRural],
    ['所属供电所', 'station', expected.byStation],
  ])('--by %s is the field %s: its codes kept as written, never guessed', (name, field, counts) => {
    const [b] = json(['analyze', FILE, ...Q, '--by', name]).breakdowns;
    expect(b!.by).toEqual([field]);
    expect(withoutEmpty(tallies(b!.groups))).toEqual(counts);
  });

  it('--codes names the codes: 01 城市, 02 农村; the blank stays (空)', () => {
    const codes = join(ROOT, 'fixtures', 'breakdown', 'codes.csv');
    const [b] = json([
      'analyze',
      FILE,
      ...Q,
      '--by',
      'URBAN_RURAL_FLAG',
      '--codes',
      codes,
    ]).breakdowns;
    const by = expected.byUrbanRural;
    expect(withoutEmpty(tallies(b!.groups))).toEqual({
      城市: by['01'],
      农村: by['02'],
      '(空)': by['(空)'],
    });
  });

  it('--by a column that is no field: its cells as written (受理内容: one text per class)', () => {
    const result = json(['analyze', FILE, ...Q, '--by', '受理内容']);
    const [b] = result.breakdowns;
    expect(b!.by).toEqual(['受理内容']);
    expect(b!.groups.map((g) => g.complaints).sort()).toEqual(
      result.categories.level2
        .map((c) => c.complaints)
        .filter((n) => n > 0)
        .sort(),
    );
  });

  it('unit × level1: a matrix whose rows and columns add up to the unit and category totals', () => {
    const result = json(['analyze', FILE, ...Q, '--by', 'unit', '--by', 'level1']);
    const [b] = result.breakdowns;
    expect(withoutEmpty(tallies(b!.groups))).toEqual(expected.byUnitLevel1);
    const [rows, columns] = b!.totals.margins;
    expect(tallies(rows!)).toEqual(expected.byUnit);
    expect(tallies(columns!)).toEqual(expected.byLevel1);
    for (const r of rows!) {
      const cells = b!.groups.filter((g) => g.key[0] === r.key[0]);
      expect(cells.reduce((s, g) => s + g.complaints, 0)).toBe(r.complaints);
      expect(r.complaints).toBe(result.units.find((u) => u.unit === r.key[0])!.complaints);
    }
    for (const c of columns!) {
      const cells = b!.groups.filter((g) => g.key[1] === c.key[0]);
      expect(cells.reduce((s, g) => s + g.complaints, 0)).toBe(c.complaints);
      expect(c.complaints).toBe(
        result.categories.level1.find((l) => l.name === c.key[0])!.complaints,
      );
    }
  });

  it('prints each breakdown as a table, a matrix with totals both ways', () => {
    const targets = join(ROOT, 'fixtures', 'metrics', 'targets-2016.csv');
    const run = complaints([
      'assess',
      FILE,
      ...Q,
      '--targets',
      targets,
      '--by',
      'unit',
      '--by',
      'channel',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('投诉按供电单位×受理渠道分布');
    expect(run.stdout).toMatch(/^合计\s+37\s+27\s+14\s+11\s+7\s+96$/m);
    const en = complaints(['analyze', FILE, ...Q, '--by', 'channel', '--lang', 'en']);
    expect(en.stdout).toContain('Complaints by channel');
    expect(en.stdout).toMatch(/^blank\s+14\s+9\s/m);
  });

  it('a matrix in English has English brackets in its captions', () => {
    const en = complaints([
      'analyze',
      FILE,
      ...Q,
      '--by',
      'level1',
      '--by',
      'channel',
      '--lang',
      'en',
    ]);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('complaints (level 1 × channel)');
    expect(en.stdout).toContain('complaints yoy (level 1 × channel)');
    expect(en.stdout).not.toMatch(/[（）]/);
  });
});

describe('the quarter per unit: 运检/营销 and timeliness', () => {
  it('units[] carry operations, marketing, repliedInTime and closedInTime', () => {
    const { units } = json(['report', FILE, ...Q, '--out', join(dir, 'q.xlsx')], false);
    for (const [unit, e] of Object.entries(expected.perUnit)) {
      const u = units.find((x) => x.unit === unit)!;
      expect([u.operations, u.marketing], unit).toEqual([e.operations, e.marketing]);
      expect(u.repliedInTime).toBe(e.repliedWithin24h / e.replied);
      expect(u.closedInTime).toBe(e.closedWithin144h / e.closed);
    }
  });

  it('not for a month or a year', () => {
    const { units } = json(['analyze', FILE, '--month', '2016-11']);
    expect(units[0]).not.toHaveProperty('operations');
  });
});

describe('report and trend --by', () => {
  it('report: a sheet per breakdown, named for it, with its chart', async () => {
    const out = join(dir, 'by.xlsx');
    const run = complaints(['report', FILE, ...Q, '--by', 'channel', '--out', out]);
    expect(run.code).toBe(0);
    const book = await readBook(out);
    const sheet = book.getWorksheet('按渠道')!;
    expect(sheet).toBeDefined();
    expect(sheet.getImages()).toHaveLength(1);
    const values = sheet
      .getSheetValues()
      .flat()
      .filter((v) => v !== null && v !== undefined);
    expect(values).toContain('95598电话');
    expect(values).toContain(expected.complaints);
  });

  it('the config file gives several breakdowns', async () => {
    const config = join(dir, 'complaints.config.json');
    writeFileSync(config, JSON.stringify({ by: [['channel'], ['unit', 'level1']] }));
    const result = json(['analyze', FILE, ...Q, '--config', config]);
    expect(result.breakdowns.map((b) => b.by)).toEqual([['channel'], ['unit', 'level1']]);
  });

  it('trend --by channel: a series per channel, adding up to the months', () => {
    const run = complaints(['trend', FILE, ...Q, '--by', '受理渠道', '--json']);
    expect(run.code).toBe(0);
    const t = JSON.parse(run.stdout);
    expect(t.by).toBe('channel');
    const names = t.series.map((s: { name: string }) => s.name).sort();
    expect(names).toEqual(Object.keys(expected.byChannel).sort());
    const sum = t.series.reduce((s: number, x: { complaints: number }) => s + x.complaints, 0);
    expect(sum).toBe(expected.complaints);
  });
});

describe('--by user errors: exit 2, one or two plain lines', () => {
  // [arguments, Chinese (the default; null: a message of the reading side, checked in English
  // here), English (--lang en)]
  it.each<[string[], RegExp | null, RegExp]>([
    [
      ['analyze', FILE, '--by', 'URBAN_FLAG'],
      /--by URBAN_FLAG：没有这一列；是不是“URBAN_RURAL_FLAG”？\n/,
      /--by URBAN_FLAG: no such column; did you mean "URBAN_RURAL_FLAG"\?/,
    ],
    [
      [
        'analyze',
        join(ROOT, 'fixtures', 'metrics', '95598-2016-04-12-series.csv'),
        '--by',
        'channel',
      ],
      null,
      /--by channel: no input has a 受理渠道 column/,
    ],
    [
      ['analyze', FILE, '--by', 'unit', '--by', 'channel', '--by', 'month'],
      /^complaints: --by unit --by channel --by month：分项最多按两个维度（二维表），这里给了 3 个。\n/,
      /one or two dimensions/,
    ],
    [
      ['trend', FILE, '--by', 'unit', '--by', 'channel'],
      /^complaints: trend：--by unit --by channel：trend 只按一个维度分组，每组画一条序列。\n/,
      /one series per group of one dimension/,
    ],
    [
      ['trend', FILE, '--by', 'month'],
      /^complaints: trend：--by month：序列本来就是按月的。\n/,
      /by month already/,
    ],
    [['trend', FILE, '--by', 'unti'], null, /--by unti: no such column; did you mean --by unit\?/],
  ])('%j', (args, message, english) => {
    const run = complaints(args);
    expect(run.code).toBe(2);
    if (message) expect(run.stderr).toMatch(message);
    expect(isPlainError(run.stderr)).toBe(true);
    const en = complaints(inEnglish(args));
    expect(en.code).toBe(2);
    expect(en.stderr).toMatch(english);
    expect(isPlainError(en.stderr)).toBe(true);
  });
});
