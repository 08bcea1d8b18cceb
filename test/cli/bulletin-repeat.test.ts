/**
 * 重复投诉 in the written bulletin, counted by customer number and by telephone number: a count
 * by telephone that finds nothing says no telephone number, not no customer — the sentence
 * before it may just have named a customer who complained twice (2016Q4 of the fixtures: one
 * customer number twice, under two telephone numbers).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, complaints } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'complaints-bulletin-repeat-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const METRICS = join(ROOT, 'fixtures/metrics');
const QUARTER = [
  join(METRICS, '95598-2015.xlsx'),
  join(METRICS, '95598-2016-01-06.xlsx'),
  join(METRICS, '95598-2016-06-12-gb18030.csv'),
  '--targets',
  join(METRICS, 'targets-2016.csv'),
  '--quarter',
  '2016Q4',
];

/** The bulletin's lines from its 重复投诉 heading to the next heading. */
function repeatLines(lang: 'zh' | 'en', args = QUARTER): string[] {
  const out = join(dir, `q-${lang}.md`);
  const r = complaints(['report', ...args, '--lang', lang, '--out', out]);
  expect(r.code).toBe(0);
  const lines = readFileSync(out, 'utf8').split('\n');
  const start = lines.findIndex((l) => /^#+ .*(重复投诉|Repeat complaints)/i.test(l));
  const end = lines.findIndex((l, i) => i > start && /^#+ /.test(l));
  return lines.slice(start + 1, end).filter((l) => l.trim() !== '');
}

describe('重复投诉: by customer number, then by telephone number', () => {
  it('in Chinese: no telephone number twice, after one customer twice', () => {
    expect(repeatLines('zh')).toEqual([
      '按客户编号统计，本期有1位客户投诉两次及以上，共2件，占投诉总数的3.92%；其中国网歙县供电公司一位客户投诉2次。',
      '按联系电话统计，本期未发现同一联系电话投诉两次及以上。',
    ]);
  });

  it('in English', () => {
    expect(repeatLines('en').at(-1)).toBe(
      'By telephone number, no number complained twice or more in the period.',
    );
  });
});

describe('重复投诉 of a day, from exports with only one of the two columns', () => {
  // Three complaints of 30 June 2016: two from one customer (one number), one from another.
  const csv = (name: string, column: string, prefix: string) => {
    const path = join(dir, name);
    writeFileSync(
      path,
      [
        `工单编号,受理时间,供电单位,业务类型,受理内容,${column}`,
        `${prefix}1,2016-06-30 08:00:00,国网歙县供电公司,投诉,客户反映抄表员态度差,13900000001`,
        `${prefix}2,2016-06-30 09:00:00,国网歙县供电公司,投诉,客户再次反映抄表员态度差,13900000001`,
        `${prefix}3,2016-06-30 10:00:00,国网休宁县供电公司,投诉,停电未提前通知,13900000002`,
      ].join('\n') + '\n',
    );
    return path;
  };
  const phone = csv('phone-only.csv', '联系电话', 'P');
  const customer = csv('customer-only.csv', '客户编号', 'C');
  const day = ['--day', '2016-06-30'];

  it('only a telephone column: counted by telephone, and the customer check said missing', () => {
    expect(repeatLines('zh', [phone, ...day])).toEqual([
      '按联系电话统计，本期有1个联系电话投诉两次及以上，共2件，占投诉总数的66.67%；其中国网歙县供电公司一个电话投诉2次。',
      '导出没有客户编号列，重复投诉只按联系电话核对，同一客户用不同电话投诉的情况未能发现。',
    ]);
    expect(repeatLines('en', [phone, ...day]).at(-1)).toBe(
      'The export has no 客户编号 (customer number) column: repeats were checked by telephone number only, so a customer who called from two numbers is not found.',
    );
  });

  it('only a customer-number column: counted by customer, the telephone check said missing', () => {
    expect(repeatLines('zh', [customer, ...day])).toEqual([
      '按客户编号统计，本期有1位客户投诉两次及以上，共2件，占投诉总数的66.67%；其中国网歙县供电公司一位客户投诉2次。',
      '导出没有联系电话列，重复投诉只按客户编号核对，同一电话以不同户号投诉的情况未能发现。',
    ]);
    expect(repeatLines('en', [customer, ...day]).at(-1)).toBe(
      'The export has no 联系电话 (telephone number) column: repeats were checked by customer number only, so one telephone number complaining for several customers is not found.',
    );
  });

  it('one export of each: both counts shown, though equal, and whose complaints each left out', () => {
    expect(repeatLines('zh', [customer, phone, ...day])).toEqual([
      '按客户编号统计，本期有1位客户投诉两次及以上，共2件，占投诉总数的33.33%；其中国网歙县供电公司一位客户投诉2次。',
      '按联系电话统计，本期有1个联系电话投诉两次及以上，共2件，占投诉总数的33.33%；其中国网歙县供电公司一个电话投诉2次。',
      'phone-only.csv 没有客户编号列，其投诉只按联系电话核对，按客户编号统计的不含这些投诉。',
      'customer-only.csv 没有联系电话列，其投诉只按客户编号核对，按联系电话统计的不含这些投诉。',
    ]);
    expect(repeatLines('en', [customer, phone, ...day]).slice(2)).toEqual([
      'phone-only.csv has no 客户编号 (customer number) column: its complaints were checked by telephone number only, and the count by customer number leaves them out.',
      'customer-only.csv has no 联系电话 (telephone number) column: its complaints were checked by customer number only, and the count by telephone number leaves them out.',
    ]);
  });

  it('需关注事项 says telephone numbers, not customers, when only they were counted', () => {
    const out = join(dir, 'phone-day.md');
    expect(complaints(['report', phone, ...day, '--out', out]).code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('本期有1个联系电话重复投诉（见重复投诉），须逐一回访、彻底解决诉求。');
    expect(text).not.toContain('位客户重复投诉');
  });
});
