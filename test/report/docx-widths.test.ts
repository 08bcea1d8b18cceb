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
