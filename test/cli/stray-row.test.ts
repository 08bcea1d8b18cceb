/**
 * One old row left in a small export (2010 among 2016's) used to make the export cover every
 * month from 2010 to 2016: trend then gave 2015-05 and 2015-06 as "0 complaints a year earlier".
 * The row is counted in its month, covers nothing, and is said, naming the file and line.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { daysFromCivil } from '../../src/metrics/calendar.js';
import { withoutStrays } from '../../src/ingest/coverage.js';
import { complaints } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'complaints-stray-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = join(dir, 'one-unit.csv');
writeFileSync(
  file,
  [
    '工单编号,受理时间,供电单位,业务类型,受理内容',
    '1,2016-05-03 10:00:00,国网歙县供电公司,投诉,客户说电压偏低灯泡发暗',
    '2,2016-06-04 10:00:00,国网歙县供电公司,投诉,停电前没有收到任何通知',
    '3,2010-03-15 10:00:00,国网歙县供电公司,投诉,抄表读数和电表对不上',
    '',
  ].join('\n'),
);

describe('a stray old row', () => {
  it('gives no year-earlier figure, and is said with its file and line', () => {
    const run = complaints(['trend', file, '--json']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.period).toMatchObject({ from: '2016-05', to: '2016-06', yearEarlier: null });
    expect(result.totals).toMatchObject({ complaints: 2, previous: null });
    expect(result.warnings).toContain(
      `${file}: line 4, accepted 2010-03-15, is over three months apart from the other work orders: counted in its month, but the months between are not taken as covered (not as 0). Check its date.`,
    );
  });

  it('is said in the terminal, in Chinese', () => {
    const run = complaints(['analyze', file]);
    expect(run.stdout).toContain(
      `${file}：第 4 行受理时间 2010-03-15，与其余工单相隔三个月以上：计入其所在月份，但其间各月不算导出文件覆盖的时段（不按 0 计）。请核对这一行的日期。`,
    );
  });

  it('is said by trend in the terminal too, as a cron job running trend alone sees it', () => {
    const run = complaints(['trend', file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${file}：第 4 行受理时间 2010-03-15，与其余工单相隔三个月以上`);
    const en = complaints(['trend', file, '--lang', 'en']);
    expect(en.stdout).toContain(`${file}: line 4, accepted 2010-03-15, is over three months apart`);
  });

  it('inspect: the coverage is the other rows’ months', () => {
    const inputs = JSON.parse(complaints(['inspect', file, '--json']).stdout).inputs;
    expect(inputs[0].coverage).toMatchObject({ from: '2016-05-01', to: '2016-06-30' });
  });
});

describe('a stray row read in byte ranges', () => {
  it('is named by its line in the file, as with one thread', () => {
    // Last of 43 lines, in a later range than the first: its line is counted from the file's start.
    const late = join(dir, 'late.csv');
    const rows = Array.from(
      { length: 40 },
      (_, i) =>
        `${i + 10},2016-06-${String((i % 28) + 1).padStart(2, '0')} 10:00:00,国网歙县供电公司,投诉,电压不稳第${i}次`,
    );
    writeFileSync(
      late,
      [
        '工单编号,受理时间,供电单位,业务类型,受理内容',
        ...rows,
        '3,2010-03-15 10:00:00,国网歙县供电公司,投诉,抄表不准',
        '',
      ].join('\n'),
    );
    const said = `${late}: line 42, accepted 2010-03-15, is over three months apart`;
    for (const threads of ['1', '2']) {
      const run = complaints(['analyze', late, '--json', '--threads', threads], {
        env: { COMPLAINTS_TEST_RANGE_BYTES: '200' },
      });
      expect(JSON.parse(run.stdout).warnings.join('\n')).toContain(said);
    }
  });
});

describe('withoutStrays', () => {
  const d = (y: number, m: number, day: number) => daysFromCivil(y, m, day);
  it.each([
    // one early row, 6 years before two: left out
    [
      [
        [d(2010, 3, 15), 1],
        [d(2016, 5, 3), 1],
        [d(2016, 6, 4), 1],
      ],
      [d(2016, 5, 3), d(2016, 6, 4)],
    ],
    // a late one, the same
    [
      [
        [d(2016, 5, 3), 2],
        [d(2016, 6, 4), 1],
        [d(2017, 1, 9), 1],
      ],
      [d(2016, 5, 3), d(2016, 6, 4)],
    ],
    // 92 empty days between: kept (a quiet quarter); 93: left out
    [
      [
        [d(2016, 1, 1), 1],
        [d(2016, 4, 3), 2],
      ],
      [d(2016, 1, 1), d(2016, 4, 3)],
    ],
    [
      [
        [d(2016, 1, 1), 1],
        [d(2016, 4, 4), 2],
      ],
      [d(2016, 4, 4), d(2016, 4, 4)],
    ],
    // two halves of equal weight: neither is stray
    [
      [
        [d(2015, 1, 1), 2],
        [d(2016, 1, 1), 2],
      ],
      [d(2015, 1, 1), d(2016, 1, 1)],
    ],
    // November 2016 (31 work orders) exported with November 2015 (32) for 同比: the volume
    // shows the months between a gap, so neither side is stray
    [
      [
        ...Array.from({ length: 30 }, (_, i) => [d(2015, 11, i + 1), i < 2 ? 2 : 1]),
        ...Array.from({ length: 30 }, (_, i) => [d(2016, 11, i + 1), i < 1 ? 2 : 1]),
      ],
      [d(2015, 11, 1), d(2016, 11, 30)],
    ],
    // the same with 3 rows a year earlier: a handful, stray though the run is a gap
    [
      [
        [d(2015, 11, 2), 3],
        ...Array.from({ length: 30 }, (_, i) => [d(2016, 11, i + 1), i < 1 ? 2 : 1]),
      ],
      [d(2016, 11, 1), d(2016, 11, 30)],
    ],
    // 4 rows a year earlier beside 31: the run a gap by the volume, so kept
    [
      [
        [d(2015, 11, 2), 4],
        ...Array.from({ length: 30 }, (_, i) => [d(2016, 11, i + 1), i < 1 ? 2 : 1]),
      ],
      [d(2015, 11, 2), d(2016, 11, 30)],
    ],
  ] as [[number, number][], [number, number]][])('%j → %j', (days, [first, last]) => {
    const map = new Map(days);
    const keys = days.map(([k]) => k);
    expect(withoutStrays(map, Math.min(...keys), Math.max(...keys))).toEqual({ first, last });
  });
});
