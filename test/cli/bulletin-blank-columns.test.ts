/**
 * A bulletin table's column left out for having no value names the tables it is left out of:
 * written from fixtures/breakdown for 2016Q4 (no 2015 for the year to date), the Word file says
 * 表2 lost 投诉同比 while 表1 shows it. "表中未列出投诉同比" above 表1 read as every table. The
 * workbook's 概览 shows the bulletin's words without its tables: there the note is not said.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { complaints } from '../helpers/cli.js';
import { readBook } from '../helpers/book.js';
import { DocxParts, paragraphs } from '../helpers/docx.js';

const dir = mkdtempSync(join(tmpdir(), 'complaints-blank-columns-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const INPUT = 'fixtures/breakdown/95598-2015Q4-2016Q4-channels.csv';

function written(lang: 'zh' | 'en') {
  const out = join(dir, `${lang}.docx`);
  const run = complaints(['report', INPUT, '--quarter', '2016Q4', '--lang', lang, '--out', out]);
  expect(run.code, run.stderr).toBe(0);
  const document = new DocxParts(readFileSync(out)).text('word/document.xml');
  const tables = [...document.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => paragraphs(m[0]));
  return { words: paragraphs(document), tables };
}

describe('a column left out of a bulletin table', () => {
  it('is said with the number of the table that lost it (zh)', () => {
    const { words, tables } = written('zh');
    expect(words).toContain('表2未列出投诉同比（各行均无数值：上年同期无可比数据）。');
    expect(words).toContain('表2　累计：2016年');
    // 表1 keeps 投诉同比, 表2 has none: the note names the right table.
    expect(tables[0]).toContain('投诉同比');
    expect(tables[1]).not.toContain('投诉同比');
    expect(words.filter((p) => p.includes('表中未列出'))).toEqual([]);
  });

  it('is said with the number of the table that lost it (en)', () => {
    const { words } = written('en');
    expect(words).toContain(
      'Table 2 leaves out complaints yoy: no row has a value (no comparable data a year earlier).',
    );
  });

  it('is not said on 概览, which shows the bulletin without its tables', async () => {
    const out = join(dir, 'book.xlsx');
    const run = complaints(['report', INPUT, '--quarter', '2016Q4', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const cells: string[] = [];
    (await readBook(out))
      .getWorksheet('概览')!
      .eachRow((row) => row.eachCell((cell) => void cells.push(String(cell.value))));
    // The block is there (its 分单位情况 sentence), the note on 表2 is not.
    expect(cells.some((c) => c.startsWith('分单位看，考核投诉较多的是'))).toBe(true);
    expect(cells.filter((c) => c.includes('未列出'))).toEqual([]);
  });
});
