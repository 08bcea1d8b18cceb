/**
 * "Today" is taken once, on the main thread, and carried to the workers in the settings
 * (IngestSettings.today): an acceptance time over a year after it is rejected ('date-future'),
 * and a run crossing midnight must not judge a row on the limit one way in one range and the
 * other way in another. COMPLAINTS_TEST_TODAY (tests only) gives the run's date.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { complaints } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'complaints-today-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = '工单编号,受理时间,供电单位,业务类型,受理内容,客户编号,联系电话';
// With today 2017-01-01 the last day read is 2018-01-02 (366 days on): rows 8 and 16 are on
// it, rows 9 and 15 the day after. Rows 9 and 15 fall in different byte ranges.
const DATES = [
  ...Array<string>(6).fill('2016-11-03 09:00:00'),
  '2018-01-02 23:59:59',
  '2018-01-03 00:00:00',
  ...Array<string>(5).fill('2016-11-04 10:00:00'),
  '2018-01-03 08:00:00',
  '2018-01-02 00:00:00',
];
const file = join(dir, 'limit.csv');
writeFileSync(
  file,
  [
    HEADER,
    ...DATES.map(
      (d, i) => `G${i + 1},${d},国网屯溪区供电公司,投诉,路灯坏了三天没人来修,C${i},1380000${i}`,
    ),
  ].join('\r\n') + '\r\n',
);

interface Rejects {
  rejects: { row: number; reason: string }[];
}

function rejects(today: string, threads: number, log?: string): Rejects['rejects'] {
  const run = complaints(['inspect', file, '--json', '--threads', String(threads)], {
    env: {
      COMPLAINTS_TEST_TODAY: today,
      COMPLAINTS_TEST_RANGE_BYTES: '150',
      ...(log ? { COMPLAINTS_TEST_RANGE_LOG: log } : {}),
    },
  });
  expect(run.code).toBe(0);
  return (JSON.parse(run.stdout) as Rejects).rejects.map(({ row, reason }) => ({ row, reason }));
}

describe('the limit for future acceptance times is the run’s one date, in every thread', () => {
  const over = (row: number, value: string, today: string) => ({
    row,
    reason: `受理时间 '${value}' is over a year after today (${today})`,
  });

  it('rejects the day after the limit and reads the limit itself, with one thread and two', () => {
    const log = join(dir, 'log.jsonl');
    writeFileSync(log, '');
    const expected = [
      over(9, '2018-01-03 00:00:00', '2017-01-01'),
      over(15, '2018-01-03 08:00:00', '2017-01-01'),
    ];
    expect(rejects('2017-01-01', 1)).toEqual(expected);
    expect(rejects('2017-01-01', 2, log)).toEqual(expected);
    // The rows were really read apart, in workers.
    const ranges = readFileSync(log, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as { ranges: number }).ranges);
    expect(ranges[0]).toBeGreaterThan(4);
  });

  it('moves the limit with the date given: a day later, the same rows are read', () => {
    const run = complaints(['inspect', file, '--json', '--threads', '2'], {
      env: { COMPLAINTS_TEST_TODAY: '2017-01-02', COMPLAINTS_TEST_RANGE_BYTES: '150' },
    });
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as Rejects).rejects).toEqual([]);
  });
});
