/**
 * Time limits in working days end to end, on the exports of fixtures/workdays/ (planned by hand
 * around 国庆 2016 and Spring Festival 2017: scripts/make-workdays-fixtures.js): the over-limit
 * counts of expected.json from the command line and the config file, in the terminal, the JSON,
 * the workbook and the bulletin; the hour limits as before; refusals of limits that mean nothing.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readBook, records, tablesOf } from '../helpers/book.js';
import { ROOT, complaints, isPlainError } from '../helpers/cli.js';
import { inEnglish } from '../helpers/english.js';

const DIR = join(ROOT, 'fixtures/workdays');
const expected = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as Record<
  string,
  {
    reply: { count: number; over1wd: number; over24h: number };
    close: { count: number; over4wd: number; over144h: number };
    outsideCalendar?: number;
  }
>;
const tmp = mkdtempSync(join(tmpdir(), 'complaints-workdays-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Stage {
  count: number;
  overLimit: number;
  limitHours: number | null;
  limit: { value: number; unit: string };
}
type Result = {
  timeliness: {
    reply: Stage;
    close: Stage;
    calendar: { source: string; years: number[]; outside: number } | null;
  };
  notes: { code: string; zh: string }[];
};

function json(args: string[], cwd?: string): Result {
  const run = complaints(['analyze', ...args, '--json', '-'], { cwd });
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as Result;
}

describe.each(Object.keys(expected))('%s', (file) => {
  const want = expected[file]!;
  const path = join(DIR, file);

  it('counts replies past 1 working day and closings past 4', () => {
    const r = json([path, '--reply-limit', '1wd', '--close-limit', '4wd']);
    const { reply, close, calendar } = r.timeliness;
    expect([reply.count, reply.overLimit, reply.limitHours, reply.limit]).toEqual([
      want.reply.count,
      want.reply.over1wd,
      null,
      { value: 1, unit: 'workingDays' },
    ]);
    expect([close.count, close.overLimit, close.limitHours, close.limit]).toEqual([
      want.close.count,
      want.close.over4wd,
      null,
      { value: 4, unit: 'workingDays' },
    ]);
    expect(calendar).toEqual({
      source: 'chinese-days 1.5.7',
      years: [2004, 2026],
      outside: want.outsideCalendar ?? 0,
    });
    expect(r.notes.some((n) => n.code === 'workdays-outside-calendar')).toBe(
      (want.outsideCalendar ?? 0) > 0,
    );
  });

  it('counts hours as before by default', () => {
    const { reply, close, calendar } = json([path]).timeliness;
    expect([reply.overLimit, reply.limitHours, close.overLimit, close.limitHours]).toEqual([
      want.reply.over24h,
      24,
      want.close.over144h,
      144,
    ]);
    expect(calendar).toBeNull();
  });
});

describe('the terminal', () => {
  const file = join(DIR, '95598-2016-10-gb18030.csv');

  it('says 超 4 个工作日 beside a limit in hours', () => {
    const run = complaints(['analyze', file, '--close-limit', '4wd']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      '回复（有时间记录 10 条）：平均 49.8 小时，中位 27.3 小时，超 24 小时 6 (60%)',
    );
    expect(run.stdout).toContain(
      '办结（有时间记录 9 条）：平均 168.7 小时，中位 139.9 小时，超 4 个工作日 3 (33.33%)',
    );
  });

  it('in English', () => {
    const run = complaints(['analyze', file, '--reply-limit', '1wd', '--lang', 'en']);
    expect(run.stdout).toContain(
      'reply (10 with a time): mean 49.8 h, median 27.3 h, over 1 working day 2 (20%)',
    );
    expect(run.stdout).toContain(
      'closing (9 with a time): mean 168.7 h, median 139.9 h, over 144 h 4 (44.44%)',
    );
  });

  it('notes a limit counted past the calendar', () => {
    const run = complaints(['analyze', join(DIR, '95598-2026-12.csv'), '--close-limit', '4wd']);
    expect(run.stdout).toContain(
      '2 件投诉的工作日时限超出节假日历（chinese-days 1.5.7）所含的 2004–2026 年：其间按周六、周日休息计，未计节假日和调休。',
    );
  });
});

describe('the config file', () => {
  it('takes "4wd", "24h" and a number of hours; the command line wins', () => {
    const dir = mkdtempSync(join(tmp, 'config-'));
    writeFileSync(
      join(dir, 'complaints.config.json'),
      JSON.stringify({
        inputs: [join(DIR, '95598-2017-01-02.xlsx')],
        replyLimit: 24,
        closeLimit: '4wd',
      }),
    );
    const want = expected['95598-2017-01-02.xlsx']!;
    const r = json([], dir);
    expect([r.timeliness.reply.overLimit, r.timeliness.reply.limit.unit]).toEqual([
      want.reply.over24h,
      'hours',
    ]);
    expect(r.timeliness.close.overLimit).toBe(want.close.over4wd);
    const over = json(['--close-limit', '144h'], dir);
    expect(over.timeliness.close.overLimit).toBe(want.close.over144h);
  });

  it('refuses a limit that means nothing, naming the file and key', () => {
    const dir = mkdtempSync(join(tmp, 'bad-config-'));
    writeFileSync(join(dir, 'complaints.config.json'), JSON.stringify({ closeLimit: '4d' }));
    const run = complaints(['analyze', join(DIR, '95598-2017-01-02.xlsx')], { cwd: dir });
    expect(run.code).toBe(2);
    expect(isPlainError(run.stderr)).toBe(true);
    expect(run.stderr).toContain(
      '"closeLimit"：这里不能用 d 作单位：4 个工作日写 4wd，4 个自然日写 96h。',
    );
    writeFileSync(
      join(dir, 'complaints.config.json'),
      JSON.stringify({ closeLimit: '4d', lang: 'en' }),
    );
    const en = complaints(['analyze', join(DIR, '95598-2017-01-02.xlsx')], { cwd: dir });
    expect(en.code).toBe(2);
    expect(en.stderr).toContain(
      '"closeLimit": d is not a unit here: write 4wd for 4 working days, or 96h for 4 calendar days.',
    );
  });
});

describe('refusals on the command line', () => {
  // [option, value, the message in Chinese (the default), in English (--lang en)]
  it.each([
    [
      '--close-limit',
      '4d',
      '这里不能用 d 作单位：4 个工作日写 4wd，4 个自然日写 96h。',
      'd is not a unit here: write 4wd for 4 working days, or 96h for 4 calendar days.',
    ],
    ['--reply-limit', '-2h', '应为大于 0 的时限。', 'expected a limit above 0.'],
    [
      '--reply-limit',
      'abc',
      '应为小时数（24、24h）或工作日数（4wd）。',
      'expected hours (24, 24h) or working days (4wd).',
    ],
    [
      '--close-limit',
      '1.5wd',
      '应为整数个工作日（不足一天的部分请用小时表示）。',
      'expected a whole number of working days (give part of a day in hours).',
    ],
  ])('%s %s', (option, value, message, english) => {
    const args = ['analyze', join(DIR, '95598-2017-01-02.xlsx'), option, value];
    const run = complaints(args);
    expect(run.code).toBe(2);
    expect(isPlainError(run.stderr)).toBe(true);
    expect(run.stderr.split('\n')[0]).toBe(`complaints: ${option} ${value}：${message}`);
    const en = complaints(inEnglish(args));
    expect(en.stderr.split('\n')[0]).toBe(`complaints: ${option} ${value}: ${english}`);
  });
});

describe('the workbook and the written bulletin', () => {
  const file = join(DIR, '95598-2016-10-gb18030.csv');

  it('时效与满意度 says the limits in words when one is in working days', async () => {
    const out = join(tmp, 'workdays.xlsx');
    const run = complaints(['report', file, '--close-limit', '4wd', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const sheet = (await readBook(out)).getWorksheet('时效与满意度')!;
    const [stages] = tablesOf(sheet);
    expect(records(stages!).map((r) => [r['环节'], r['时限'], r['超时限']])).toEqual([
      ['回复', '24小时', 6],
      ['办结', '4个工作日', 3],
    ]);
  });

  it('the bulletin says 超过4个工作日', () => {
    const out = join(tmp, 'workdays.md');
    const run = complaints(['report', file, '--close-limit', '4wd', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('有时间记录的9件中超过4个工作日的3件，占33.33%');
  });
});
