/**
 * The bulletin's column widths follow what the columns hold: --by channel on the breakdown
 * fixture, whose longest channel name is 微信公众号 (five characters) and whose headings are
 * 95598电话, 网上国网, 未填, 12398, 微信公众号. The widths were shared in proportion to the
 * headings over two lines, so 网上|国网 and 微信公|众号 wrapped beside a roomy 12398 column.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TEXT_WIDTH, ems } from '../../src/report/word-metrics.js';
import { complaints } from '../helpers/cli.js';
import { DocxParts, attribute, elements } from '../helpers/docx.js';

const dir = mkdtempSync(join(tmpdir(), 'complaints-docx-widths-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CHANNELS = 'fixtures/breakdown/95598-2015Q4-2016Q4-channels.csv';

interface WordTable {
  grid: number[];
  /** Each row's cells, each cell's lines (w:br splits a heading). */
  rows: string[][][];
  /** Points. */
  size: number;
}

function channelTable(by: string[], caption: string): WordTable {
  const out = join(dir, `${by.join('-')}.docx`);
  const run = complaints(['report', CHANNELS, ...by, '--quarter', '2016Q4', '--out', out]);
  expect(run.code, run.stderr).toBe(0);
  const xml = new DocxParts(readFileSync(out)).text('word/document.xml');
  const at = xml.indexOf(caption);
  expect(at).toBeGreaterThan(0);
  const tbl = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(xml.slice(at))![0];
  const grid = elements(tbl, 'w:gridCol').map((g) => Number(attribute(g, 'w:w')));
  const rows = [...tbl.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((row) =>
    [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) => {
      expect(Number(attribute(elements(cell[0], 'w:tcW')[0]!, 'w:w'))).toBeGreaterThan(0);
      return cell[0]
        .split('<w:br/>')
        .map((part) => [...part.matchAll(/<w:t(?: [^>]*)?>([^<]*)</g)].map((m) => m[1]).join(''));
    }),
  );
  const size = Number(/<w:sz w:val="(\d+)"/.exec(tbl)![1]) / 2;
  return { grid, rows, size };
}

/** A cell's text fits its column on one line: the text, its margins (50 twips a side) and 20. */
const fits = (text: string, width: number, size: number) =>
  ems(text) * size * 20 + 2 * 50 + 20 <= width;

describe('bulletin column widths follow the content', () => {
  it('--by channel: every cell and heading on one line, the widest column the longest name', () => {
    const t = channelTable(['--by', 'channel'], '表4　投诉按受理渠道分布');
    expect(t.grid.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
    expect(t.rows[0]!.map((c) => c.join(''))).toEqual([
      '受理渠道',
      '投诉',
      '投诉占比',
      '上年同期投诉',
      '投诉同比',
    ]);
    expect(t.rows.slice(1).map((r) => r[0]!.join(''))).toEqual([
      '95598电话',
      '网上国网',
      '未填',
      '12398',
      '微信公众号',
      '合计',
    ]);
    // 上年同期投诉 broke over two lines in a table with room to spare.
    for (const row of t.rows)
      row.forEach((cell, i) => {
        expect(cell, cell.join('|')).toHaveLength(1);
        expect(fits(cell[0]!, t.grid[i]!, t.size), `${cell[0]} in ${t.grid[i]}`).toBe(true);
      });
    expect(t.grid[3]).toBe(Math.max(...t.grid));
  });

  it('--by unit --by channel: the channels as headings kept whole, 网上国网 wider than 12398', () => {
    const t = channelTable(['--by', 'unit', '--by', 'channel'], '表4　投诉按供电单位×受理渠道分布');
    expect(t.grid.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
    const head = t.rows[0]!;
    expect(head).toEqual([
      ['供电单位'],
      ['95598电话'],
      ['网上国网'],
      ['未填'],
      ['12398'],
      ['微信公众号'],
      ['合计'],
    ]);
    for (const row of t.rows)
      row.forEach((cell, i) => expect(fits(cell[0]!, t.grid[i]!, t.size)).toBe(true));
    expect(t.grid[2]).toBeGreaterThan(t.grid[4]!);
    expect(t.grid[5]).toBeGreaterThan(t.grid[2]!);
  });
});

/** Every table of a bulletin: its grid, its rows' cells' lines, its size. */
function wordTables(args: string[], name: string): WordTable[] {
  const out = join(dir, name);
  const run = complaints(['report', ...args, '--no-charts', '--out', out]);
  expect(run.code, run.stderr).toBe(0);
  const xml = new DocxParts(readFileSync(out)).text('word/document.xml');
  return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map(([tbl]) => ({
    grid: elements(tbl, 'w:gridCol').map((g) => Number(attribute(g, 'w:w'))),
    rows: [...tbl.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((row) =>
      [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) =>
        cell[0]
          .split('<w:br/>')
          .map((part) => [...part.matchAll(/<w:t(?: [^>]*)?>([^<]*)</g)].map((m) => m[1]).join('')),
      ),
    ),
    size: Number(/<w:sz w:val="(\d+)"/.exec(tbl)![1]) / 2,
  }));
}

// The words of the bulletins' headings that a line may not end inside (上年同|期投诉, 前四周同|日均值,
// 已达年|度指标 were written so until session 18).
const WORDS = [
  '上年同期',
  '同日均值',
  '前四周',
  '年度指标',
  '已达',
  '投诉',
  '考核',
  '上期',
  '占比',
];
const DAYS = ['fixtures/days/*.xlsx', 'fixtures/days/*.csv'];
const METRICS = [
  'fixtures/metrics/95598-20*.xlsx',
  'fixtures/metrics/95598-2016-06-12-gb18030.csv',
  '--targets',
  'fixtures/metrics/targets-2016.csv',
];

describe('the daily, weekly and monthly bulletins: no heading breaks inside a word', () => {
  it.each([
    ['day', [...DAYS, '--day', '2016-06-30']],
    ['week', [...DAYS, '--week', '2016-W25']],
    ['month', [...METRICS, '--month', '2016-11']],
  ])(
    '%s, in Chinese: each heading line whole words, each line within its column',
    (name, args) => {
      const tables = wordTables(args, `${name}.docx`);
      expect(tables.length).toBeGreaterThanOrEqual(2);
      const broken: string[] = [];
      for (const t of tables) {
        expect(t.grid.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
        t.rows[0]!.forEach((lines, i) => {
          const text = lines.join('');
          let at = 0;
          for (const line of lines.slice(0, -1)) {
            at += line.length;
            const inside = WORDS.some((w) => {
              const from = text.indexOf(w);
              return from >= 0 && from < at && at < from + w.length;
            });
            if (inside) broken.push(lines.join('|'));
          }
          for (const line of lines)
            expect(fits(line, t.grid[i]!, t.size), `${line} in ${t.grid[i]} at ${t.size}`).toBe(
              true,
            );
        });
      }
      expect(broken).toEqual([]);
    },
    60_000,
  );

  it.each([
    ['day', [...DAYS, '--day', '2016-06-30']],
    ['week', [...DAYS, '--week', '2016-W25']],
    ['month', [...METRICS, '--month', '2016-11']],
  ])(
    '%s, in English: each heading word within its column',
    (name, args) => {
      for (const t of wordTables([...args, '--lang', 'en'], `${name}-en.docx`))
        t.rows[0]!.forEach((lines, i) => {
          for (const word of lines
            .join(' ')
            .split(/(?<=[\s-])/)
            .map((w) => w.trim()))
            // + 1: a column's width is its want floored to whole twips (docx-table.ts exact).
            expect(fits(word, t.grid[i]! + 1, t.size), `${word} in ${t.grid[i]}`).toBe(true);
        });
    },
    60_000,
  );
});
