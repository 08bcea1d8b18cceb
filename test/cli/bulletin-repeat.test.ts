/**
 * 重复投诉 in the written bulletin, counted by customer number and by telephone number: a count
 * by telephone that finds nothing says no telephone number, not no customer — the sentence
 * before it may just have named a customer who complained twice (2016Q4 of the fixtures: one
 * customer number twice, under two telephone numbers).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
function repeatLines(lang: 'zh' | 'en'): string[] {
  const out = join(dir, `q-${lang}.md`);
  const r = complaints(['report', ...QUARTER, '--lang', lang, '--out', out]);
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
