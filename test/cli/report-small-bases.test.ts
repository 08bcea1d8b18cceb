/**
 * A unit's change in percent beside its base in the bulletin's units table: below 10 complaints
 * in the period compared with (1 → 3 reads +200%), 上年同期投诉 stands before 投诉同比 and 上期投诉
 * before 投诉环比; with every base at 10 or more, the table keeps its percentages alone.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { complaints } from '../helpers/cli.js';
import { DocxParts, paragraphs } from '../helpers/docx.js';

const DAYS = [
  'fixtures/days/95598-2016-0523-0703.xlsx',
  'fixtures/days/95598-2015-06.csv',
  'fixtures/days/95598-2016-shexian-gb18030.csv',
];

const METRICS = [
  'fixtures/metrics/95598-2015.xlsx',
  'fixtures/metrics/95598-2016-01-06.xlsx',
  'fixtures/metrics/95598-2016-06-12-gb18030.csv',
];

const dir = mkdtempSync(join(tmpdir(), 'complaints-report-bases-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function unitsTable(name: string, args: string[]): { head: string[]; rows: string[][] } {
  const out = join(dir, name);
  const run = complaints(['report', ...args, '--no-charts', '--out', out], {
    env: { TZ: 'Asia/Shanghai' },
  });
  expect(run.code).toBe(0);
  const xml = new DocxParts(readFileSync(out)).text('word/document.xml');
  const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) =>
    [...m[0].matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((r) => paragraphs(r[0])),
  );
  const units = tables.find((t) => ['排名', '#'].includes(t[0]![0]!))!;
  return { head: units[0]!, rows: units.slice(1) };
}

describe('the bulletin prints a small base beside its change', () => {
  it('2016-06-30: 屯溪 1 → 3 a year earlier and 1 → 3 the day before, both bases shown', () => {
    const { head, rows } = unitsTable('day.docx', [...DAYS, '--day', '2016-06-30']);
    expect(head).toEqual([
      '排名',
      '供电单位',
      '投诉',
      '考核投诉',
      '投诉占比',
      '上年同期投诉',
      '投诉同比',
      '上期投诉',
      '投诉环比',
    ]);
    const tunxi = rows.find((r) => r[1] === '国网黄山市屯溪区供电公司')!;
    expect(tunxi).toEqual([
      '2',
      '国网黄山市屯溪区供电公司',
      '3',
      '1',
      '30%',
      '1',
      '+200%',
      '1',
      '+200%',
    ]);
    const total = rows.at(-1)!;
    expect(total).toEqual(['', '合计', '10', '7', '100%', '5', '+100%', '4', '+150%']);
  });

  it('--lang en: the same columns, headed in English', () => {
    const { head } = unitsTable('day-en.docx', [...DAYS, '--day', '2016-06-30', '--lang', 'en']);
    expect(head.slice(5)).toEqual(['a year earlier', 'yoy', 'the period before', 'mom']);
  });

  it('2016 against 2015: every unit had 12 or more a year earlier, so no base column', () => {
    const { head, rows } = unitsTable('year.docx', [...METRICS, '--year', '2016']);
    expect(head).toEqual(['排名', '供电单位', '投诉', '考核投诉', '投诉占比', '投诉同比']);
    // 国网黟县供电公司: 11 against 12 a year earlier, the smallest base of the eight.
    expect(rows.find((r) => r[1] === '国网黟县供电公司')!.slice(2)).toEqual([
      '11',
      '7',
      '4.87%',
      '−8.33%',
    ]);
  });
});
