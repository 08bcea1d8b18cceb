/**
 * The month, quarter and year workbooks of fixtures/metrics, read back cell by cell as a
 * manager's Excel shows them: every number in the format of what its column is, every heading
 * over a column of values, a print layout that reads on A4, titles without folders, and a 明细
 * that a unit can filter to find the 单位 sheet's figures.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import stringWidth from 'string-width';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hasValue,
  headings,
  readBook,
  records,
  tablesOf,
  type Book,
  type ReadTable,
  type XCell,
} from '../helpers/book.js';
import { complaints } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'complaints-workbook-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const INPUTS = [
  'fixtures/metrics/95598-2015.xlsx',
  'fixtures/metrics/95598-2016-01-06.xlsx',
  'fixtures/metrics/95598-2016-06-12-gb18030.csv',
];
const TARGETS = ['--targets', 'fixtures/metrics/targets-2016.csv'];
const UNITS = [
  '国网黄山供电公司(市直)',
  '国网歙县供电公司',
  '国网黄山市黄山区供电公司',
  '国网休宁县供电公司',
  '国网黄山市徽州区供电公司',
  '国网黄山市屯溪区供电公司',
  '国网祁门县供电公司',
  '国网黟县供电公司',
];

/** The three workbooks management receives, and the quarter again without unsubstantiated. */
const CASES = {
  month: { args: ['--month', '2016-11'], about: '2016年11月' },
  quarter: { args: ['--quarter', '2016Q4', '--prorate', '--detail'], about: '2016年第四季度' },
  year: { args: ['--year', '2016', '--detail'], about: '2016年' },
  strict: {
    args: ['--quarter', '2016Q4', '--detail', '--exclude-unsubstantiated'],
    about: '2016年第四季度',
  },
} as const;
type Case = keyof typeof CASES;
const books = {} as Record<Case, Book>;
const stderr = {} as Record<Case, string>;

beforeAll(async () => {
  for (const name of Object.keys(CASES) as Case[]) {
    const out = join(dir, `${name}.xlsx`);
    const run = complaints(['report', ...INPUTS, ...TARGETS, ...CASES[name].args, '--out', out], {
      env: { TZ: 'Asia/Shanghai' },
    });
    expect(run.code, run.stderr).toBe(0);
    stderr[name] = run.stderr;
    books[name] = await readBook(out);
  }
}, 60_000);

const REPORTS = ['month', 'quarter', 'year'] as const;
const sheetsOf = (name: Case) => books[name].worksheets;
const reportSheets = (name: Case) => sheetsOf(name).filter((s) => !s.name.startsWith('明细'));

// ---------------------------------------------------------------------------------------------
// Number formats: what a column is, from its heading as a reader sees it (not from the model).

/** Changes, signed: +14.29%, -11.11%; 超指标率 too, a change against the target. */
const SIGNED = new Set(['投诉同比', '投诉环比', '变化', '超指标率']);
const PERCENT = new Set([
  '及时回复率',
  '及时办结率',
  '投诉占比',
  '占比',
  '满意率',
  '超时限占比',
  '月均下降率（算术）',
  '月均下降率（复合）',
]);
/** Targets: whole when they are (125), two decimals when prorated (31.25). */
const TARGET = new Set(['指标', '折算指标', '年度指标']);
const DECIMAL = new Set([
  '万户投诉率',
  '平均',
  '季节指数',
  '平均小时',
  '中位小时',
  '时限（小时）',
  'G²',
]);
const INTEGER = new Set([
  '投诉件数',
  '基期件数',
  '上年同期件数',
  '有受理内容的投诉',
  '运检投诉',
  '营销投诉',
  '排名',
  '工单',
  '投诉',
  '申诉成功',
  '不属实',
  '考核投诉',
  '上年同期投诉',
  '上期投诉',
  '户数',
  '超指标单位数',
  '有指标单位数',
  '已达到或超过年度指标的单位数',
  '月',
  '基期',
  '增加',
  '合计',
  '有时间的投诉',
  '早于受理时间',
  '超时限',
  '回访数',
  '满意数',
  '表头行',
  '数据行',
  '重复工单',
  '拒收行',
  '行',
  '内容不同的重复',
  '无工单编号',
]);
const DETAIL_TIMES = new Set(['受理时间', '回复时间', '办结时间']);

/** The format a number under this heading must have; throws for a heading with no rule. */
function formatFor(heading: string): string {
  // 本季度 考核投诉: the figure after the qualifier.
  // 月均下降率（算术，2016-01至2016-12）: the rate, whatever its span (broken before its bracket
  // in 月度趋势's narrower first column).
  const h = heading
    .replace(/^本季度 /, '')
    .replace(/^月均下降率\n?（(算术|复合)，.+）$/, '月均下降率（$1）');
  if (SIGNED.has(h)) return '+0.00%;-0.00%;0.00%';
  if (PERCENT.has(h)) return '0.00%';
  if (DECIMAL.has(h) || TARGET.has(h)) return '#,##0.00';
  if (INTEGER.has(h) || /^\d{4}(-\d\d)?$/.test(h)) return '#,##0';
  throw new Error(`no format rule for the heading "${heading}"`);
}

/** Each number of a table with the heading it stands under (in a list of items: its item). */
function numbersOf(t: ReadTable): { cell: XCell; heading: string }[] {
  const head = headings(t);
  const items = head.get(1) === '项目';
  const found: { cell: XCell; heading: string }[] = [];
  for (const row of t.rows)
    row.eachCell((cell, c) => {
      if (typeof cell.value === 'number' || cell.value instanceof Date)
        found.push({ cell, heading: items ? String(row.getCell(1).value) : (head.get(c) ?? '') });
    });
  return found;
}

describe.each(REPORTS)('the %s workbook: every number in the format of its column', (name) => {
  it('in the report sheets: rates as percentages, counts as integers, averages with decimals', () => {
    let checked = 0;
    for (const sheet of reportSheets(name)) {
      // No number outside a table: titles, captions and notes are text.
      const tables = tablesOf(sheet);
      const inTables = new Set(tables.flatMap((t) => t.rows.map((r) => r.number)));
      sheet.eachRow((row, n) => {
        if (inTables.has(n)) return;
        row.eachCell((cell) =>
          expect(typeof cell.value, `${sheet.name}!${cell.address}`).toBe('string'),
        );
      });
      for (const t of tables)
        for (const { cell, heading } of numbersOf(t)) {
          const where = `${sheet.name}!${cell.address} (${heading})`;
          expect(cell.value, where).not.toBeInstanceOf(Date);
          // A whole target shows whole (a column of them: when all are); checked below.
          if (!(TARGET.has(heading) && cell.numFmt === '#,##0'))
            expect(cell.numFmt, where).toBe(formatFor(heading));
          // A count shows whole numbers only: 0.77 in a count column would read "1".
          if (cell.numFmt === '#,##0') expect(Number.isInteger(cell.value), where).toBe(true);
          checked++;
        }
    }
    expect(checked).toBeGreaterThan(300);
  });

  it.runIf(name !== 'month')(
    'in 明细: the times as dates, the confidence with decimals, source numbers as written',
    () => {
      const [detail] = tablesOf(books[name].getWorksheet('明细')!);
      let dates = 0;
      for (const { cell, heading } of numbersOf(detail!)) {
        const where = `明细!${cell.address} (${heading})`;
        if (DETAIL_TIMES.has(heading)) {
          expect(cell.value, where).toBeInstanceOf(Date);
          expect(cell.numFmt, where).toBe('yyyy-mm-dd hh:mm:ss');
          dates++;
        } else if (heading === '置信度') {
          expect(cell.numFmt, where).toBe('0.00');
        } else {
          expect(cell.value, where).not.toBeInstanceOf(Date);
          expect(cell.numFmt ?? 'General', where).toBe('General');
        }
      }
      expect(dates).toBeGreaterThan(226 * 2);
    },
  );
});

describe('targets', () => {
  const numFmts = (sheet: string, heading: string) =>
    tablesOf(books.quarter.getWorksheet(sheet)!).flatMap((t) =>
      numbersOf(t)
        .filter((n) => n.heading === heading)
        .map((n) => `${String(n.cell.value)} ${n.cell.numFmt}`),
    );

  it('show whole on 概览 when they are (125, not 125.00), with their decimals when prorated', () => {
    // The quarter's target (a quarter of 125), then the year to date's: the whole annual one.
    expect(numFmts('概览', '指标')).toEqual(['31.25 #,##0.00']);
    expect(numFmts('概览', '年度指标')).toEqual(['125 #,##0']);
  });

  it('show whole on 单位 in a column of whole targets, all with decimals beside a prorated one', () => {
    const quarter = numFmts('单位', '折算指标');
    expect(quarter.slice(0, 3)).toEqual(['6.5 #,##0.00', '7 #,##0.00', '3.75 #,##0.00']);
    const annual = numFmts('单位', '年度指标');
    expect(annual.slice(0, 2)).toEqual(['28 #,##0', '26 #,##0']);
    expect(annual.at(-1)).toBe('125 #,##0');
  });
});

describe('超指标率', () => {
  it('reads signed like 投诉同比 on 概览: over target +16.80%, under -4.00%', () => {
    const sheet = books.quarter.getWorksheet('概览')!;
    const rates = tablesOf(sheet)
      .flatMap((t) => t.rows)
      .filter((r) => r.getCell(1).value === '超指标率')
      .map((r) => r.getCell(2));
    // The quarter (30 against 31.25), then the year to date (146 against 125).
    expect(rates.map((c) => Number(c.value).toFixed(4))).toEqual(['-0.0400', '0.1680']);
    for (const cell of rates) expect(cell.numFmt).toBe('+0.00%;-0.00%;0.00%');
  });
});

describe('the satisfied share', () => {
  it('stands in a 满意率 column as a percentage, the share of all surveyed in the totals row', () => {
    const sheet = books.year.getWorksheet('时效与满意度')!;
    const table = tablesOf(sheet).find((t) => headings(t).get(4) === '满意率')!;
    const total = records(table).find((r) => r['供电单位'] === '合计')!;
    expect(total['满意率']).toBeCloseTo(0.7739, 4); // README: 回访满意率 77.39%（回访 199 条）
    expect(total['回访数']).toBe(199);
  });
});

// ---------------------------------------------------------------------------------------------
// Headings over the right columns.

describe.each(REPORTS)('the %s workbook: headings and columns', (name) => {
  it('puts a heading over every column with values, and values under every heading', () => {
    for (const sheet of sheetsOf(name))
      for (const t of tablesOf(sheet)) {
        const valued = new Set<number>();
        for (const row of t.rows) row.eachCell((cell, c) => hasValue(cell) && valued.add(c));
        const where = `${sheet.name} row ${t.headRow}`;
        expect(
          [...t.head.keys()].sort((a, b) => a - b),
          where,
        ).toEqual([...valued].sort((a, b) => a - b));
      }
  });

  it('aligns a number column and its heading alike, on the right', () => {
    for (const sheet of reportSheets(name))
      for (const t of tablesOf(sheet)) {
        const numeric = new Set<number>();
        for (const row of t.rows)
          row.eachCell((cell, c) => typeof cell.value === 'number' && c > 1 && numeric.add(c));
        for (const c of numeric) {
          const where = `${sheet.name}!${t.head.get(c)!.address}`;
          expect(t.head.get(c)!.alignment?.horizontal, where).toBe('right');
          for (const row of t.rows) {
            const cell = row.getCell(c);
            if (hasValue(cell)) expect(cell.alignment?.horizontal, cell.address).toBe('right');
          }
        }
      }
  });

  it('centres 排名 and a 是/否 column, headings too: they no longer run into their neighbours', () => {
    // Right-aligned, the rank read as part of the unit's name beside it ("1国网歙县供电公司"),
    // and a left-aligned 是 as part of the rate before it ("10.71%是").
    let seen = 0;
    for (const sheet of reportSheets(name))
      for (const t of tablesOf(sheet))
        for (const [c, h] of headings(t)) {
          const values = t.rows.map((row) => row.getCell(c)).filter(hasValue);
          const flags =
            values.length > 0 && values.every((v) => v.value === '是' || v.value === '否');
          if (h !== '排名' && !flags) continue;
          seen++;
          expect(t.head.get(c)!.alignment?.horizontal, `${sheet.name}!${h}`).toBe('center');
          for (const row of t.rows) {
            const cell = row.getCell(c);
            if (hasValue(cell)) expect(cell.alignment?.horizontal, cell.address).toBe('center');
          }
        }
    // 单位: at least a rank and 已达年度指标 (or 超指标).
    expect(seen).toBeGreaterThanOrEqual(2);
  });

  it('gives each of the top three classes of a unit its own columns: class, complaints, share', () => {
    const table = tablesOf(books[name].getWorksheet('热点')!).find(
      (t) => headings(t).get(3) === '第 1 位',
    )!;
    expect([...headings(table).values()].slice(0, 5)).toEqual([
      '供电单位',
      '投诉',
      '第 1 位',
      '投诉',
      '占比',
    ]);
    for (const r of table.rows) {
      expect(r.getCell(3).value).toMatch(/^[^\d\s]+$/); // a class name, no count glued on
      expect(typeof r.getCell(4).value).toBe('number');
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Titles, sources and the time of writing.

describe.each(REPORTS)('the %s workbook: titles', (name) => {
  it('names the company and the period in words, the inputs by file name, the local time', () => {
    for (const sheet of reportSheets(name)) {
      expect(sheet.getCell('A1').value).toBe(
        `国网黄山供电公司 ${CASES[name].about}投诉分析 · ${sheet.name}`,
      );
      const sources = String(sheet.getCell('A3').value);
      expect(sources).toMatch(
        new RegExp(
          `^来源：${INPUTS.map((f) => basename(f)).join('，')}；生成于 \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC\\+08:00$`,
        ),
      );
    }
    const period = String(reportSheets(name)[0]!.getCell('A2').value);
    expect(period).toBe(
      {
        month: '统计期间：2016年11月（1 个月）；同比基期：2015年11月',
        quarter: '统计期间：2016年第四季度（3 个月）；同比基期：2015年第四季度',
        year: '统计期间：2016年（12 个月）；同比基期：2015年',
      }[name],
    );
  });
});

// ---------------------------------------------------------------------------------------------
// 上期/环比, and which complaints 同比 compares.

describe('概览 items', () => {
  it('name a discipline’s complaints as one word, as 考核投诉 is written: 运检投诉, 营销投诉', () => {
    for (const name of REPORTS) {
      const items = tablesOf(books[name].getWorksheet('概览')!).flatMap((t) =>
        t.rows.map((row) => String(row.getCell(1).value)),
      );
      expect(items, name).toEqual(expect.arrayContaining(['运检投诉', '营销投诉']));
      expect(
        items.filter((i) => /^(运检|营销) /.test(i)),
        name,
      ).toEqual([]);
    }
  });
});

describe('上期 and 环比 of the whole period', () => {
  const items = (name: Case) => {
    const values: unknown[] = [];
    books[name]
      .getWorksheet('概览')!
      .getColumn(1)
      .eachCell((c) => values.push(c.value));
    return values;
  };
  const unitHeadings = (name: Case) =>
    tablesOf(books[name].getWorksheet('单位')!).map((t) => [...headings(t).values()]);

  it('are shown for a month, against the month before', () => {
    expect(items('month')).toEqual(expect.arrayContaining(['上期投诉', '投诉环比']));
    expect(unitHeadings('month')[0]).toEqual(expect.arrayContaining(['上期投诉', '投诉环比']));
  });

  it('are left out of a year to date and a year (the span before would repeat 同比), kept for the quarter', () => {
    expect(items('year')).not.toContain('上期投诉');
    expect(items('year')).not.toContain('投诉环比');
    expect(unitHeadings('year')[0]).not.toContain('投诉环比');
    // The quarter's own figures, against the quarter before; not its year to date's.
    expect(items('quarter')).toEqual(expect.arrayContaining(['上期投诉', '投诉环比']));
    expect(unitHeadings('quarter')[0]).toEqual(expect.arrayContaining(['上期投诉', '投诉环比']));
    expect(unitHeadings('quarter')[1]).not.toContain('投诉环比');
    expect(unitHeadings('month')[1]).not.toContain('投诉环比');
  });

  it('say that 同比 and the year before count complaints, beside 考核投诉', () => {
    const [ytd] = unitHeadings('year');
    expect(ytd).toEqual(expect.arrayContaining(['考核投诉', '上年同期投诉', '投诉同比']));
    expect(ytd).not.toContain('同比');
    expect(ytd).not.toContain('上年同期');
  });
});

// ---------------------------------------------------------------------------------------------
// Print layout.

const pixels = (width: number) => Math.trunc(width * 7) + 5;
const columnNumber = (letters: string) =>
  [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

describe.each(REPORTS)('the %s workbook: printed on A4', (name) => {
  it('landscape, fitted to the page width at a readable size, titles repeated on every page', () => {
    for (const sheet of sheetsOf(name)) {
      const setup = sheet.pageSetup;
      expect(setup.orientation, sheet.name).toBe('landscape');
      expect(setup.paperSize, sheet.name).toBe(9);
      expect(setup.fitToHeight, sheet.name).toBe(0);
      // A report sheet printed in strips showed the lines above its tables on every strip after
      // the first within the repeated columns, cut in the middle: the page header carries the
      // title and the period whole, and the print starts at the tables (row 5), repeating no
      // row above them. (明细 has no such lines: its heading is row 1.)
      const strips = (setup.fitToWidth ?? 1) > 1 && !sheet.name.startsWith('明细');
      if (strips) {
        const [title, period] = [sheet.getCell('A1').text, sheet.getCell('A2').text];
        expect(sheet.headerFooter.oddHeader, sheet.name).toBe(`&L&B${title}&B  ${period}`);
        expect(setup.printTitlesRow ?? '5:5', sheet.name).toMatch(/^([5-9]):\1$/);
      } else {
        expect(setup.printTitlesRow, sheet.name).toMatch(/^1:\d$/);
        expect(sheet.headerFooter.oddHeader, sheet.name).toBeUndefined();
      }
      const area = /^\$?A\$?(\d+):\$?([A-Z]+)\$?(\d+)$/.exec(setup.printArea ?? '');
      expect(area, `${sheet.name} ${setup.printArea}`).not.toBeNull();
      const [, firstRow, lastLetters, lastRowText] = area!;
      expect(Number(firstRow), sheet.name).toBe(strips ? 5 : 1);
      const [lastColumn, lastRow] = [columnNumber(lastLetters!), Number(lastRowText)];
      // Every cell shown lies within the print area.
      sheet.eachRow((row, n) =>
        row.eachCell((cell, c) => {
          if (!hasValue(cell)) return;
          expect(n, `${sheet.name}!${cell.address}`).toBeLessThanOrEqual(lastRow);
          expect(c, `${sheet.name}!${cell.address}`).toBeLessThanOrEqual(lastColumn);
        }),
      );
      // The scale the page width allows: 11-point text no smaller than about 7 points.
      let points = 0;
      for (let c = 1; c <= lastColumn; c++)
        points += pixels(sheet.getColumn(c).width ?? 8.43) * 0.75;
      const scale = Math.min(1, ((842 - 0.8 * 72) * (setup.fitToWidth ?? 1)) / points);
      expect(scale, sheet.name).toBeGreaterThanOrEqual(0.6);
      if ((setup.fitToWidth ?? 1) > 1) expect(setup.printTitlesColumn, sheet.name).toMatch(/^A:/);
    }
  });

  it('writes the notes of a sheet printed in strips beside the repeated columns, within the first strip', () => {
    for (const sheet of reportSheets(name)) {
      const strips = sheet.pageSetup.fitToWidth ?? 1;
      if (strips < 2) continue;
      const widths: number[] = [];
      sheet.columns.forEach((c) => widths.push(pixels(c.width ?? 8.43)));
      const share = widths.reduce((a, b) => a + b, 0) / strips;
      // The columns printed again on every strip (排名, 供电单位): a note in them, merged across
      // the first strip, showed on the second cut at their right edge.
      const repeated = /^\$?A:\$?([A-Z]+)$/.exec(sheet.pageSetup.printTitlesColumn ?? '');
      expect(repeated, sheet.name).not.toBeNull();
      const titles = columnNumber(repeated![1]!);
      let notes = 0;
      for (const range of (sheet.model as unknown as { merges: string[] }).merges) {
        const m = /^([A-Z]+)(\d+):([A-Z]+)\d+$/.exec(range);
        if (!m || sheet.getCell(`${m[1]}${m[2]}`).font?.italic !== true) continue;
        notes++;
        expect(columnNumber(m[1]!), `${sheet.name}!${range}`).toBe(titles + 1);
        const right = widths.slice(0, columnNumber(m[3]!)).reduce((a, b) => a + b, 0);
        expect(right, `${sheet.name}!${range}`).toBeLessThanOrEqual(share);
      }
      sheet.eachRow((row, n) =>
        row.eachCell((cell, c) => {
          if (c <= titles && hasValue(cell) && cell.font?.italic === true)
            expect.fail(`${sheet.name}!${cell.address}: a note in the repeated columns (row ${n})`);
        }),
      );
      // The quarter's 单位 is two pages wide; its year-to-date note is longer than half of it.
      if (name === 'quarter' && sheet.name === '单位') expect(notes).toBeGreaterThan(0);
    }
  });

  it('wraps a caption longer than the repeated columns within them, at its phrases, on a sheet printed in strips', () => {
    const captions: string[] = [];
    for (const sheet of reportSheets(name)) {
      const strips = sheet.pageSetup.fitToWidth ?? 1;
      const merges = (sheet.model as unknown as { merges: string[] }).merges;
      sheet.eachRow((row, n) => {
        const cell = row.getCell(1);
        if (!/^(本季度|本月|本年|累计|本期)：/.test(String(cell.value ?? ''))) return;
        const merged = merges.find((m) => m.startsWith(`A${n}:`));
        if (strips < 2 || merged === undefined) return;
        // Overflowing, the caption showed cut at the repeated columns' edge on the second strip.
        const repeated = /^\$?A:\$?([A-Z]+)$/.exec(sheet.pageSetup.printTitlesColumn ?? '');
        expect(merged, `${sheet.name}!A${n}`).toBe(`A${n}:${repeated![1]}${n}`);
        expect(cell.alignment?.wrapText, `${sheet.name}!A${n}`).toBe(true);
        // Broken at its phrases, each line the height of a line: left to Excel, it broke
        // mid-phrase ("…（同比基期：2015" / "年第四季度）").
        const lines = String(cell.value).split('\n');
        expect(lines.length, `${sheet.name}!A${n}`).toBeGreaterThan(1);
        for (const line of lines.slice(1)) expect(line, `${sheet.name}!A${n}`).toMatch(/^（/);
        expect(row.height, `${sheet.name}!A${n}`).toBe(lines.length * 16 + 4);
        captions.push(String(cell.value));
      });
    }
    // The quarter's 单位 was two pages wide, its caption broken within 排名 and 供电单位; one page
    // wide, its headings on two lines, it keeps its caption on one (test/report/print-strips.test.ts
    // has a sheet in strips).
    if (name === 'quarter') expect(captions).toEqual([]);
  });

  it('puts the charts below the tables, at the left edge, within the print area', () => {
    for (const sheet of reportSheets(name)) {
      const lastTableRow = Math.max(
        0,
        ...tablesOf(sheet).map((t) => t.rows.at(-1)?.number ?? t.headRow),
      );
      const lastRow = Number(/(\d+)$/.exec(sheet.pageSetup.printArea!)![1]);
      for (const image of sheet.getImages()) {
        const tl = image.range.tl as unknown as { nativeRow: number; nativeCol: number };
        const ext = (image.range as unknown as { ext: { height: number } }).ext;
        expect(tl.nativeCol, sheet.name).toBe(0);
        expect(tl.nativeRow, sheet.name).toBeGreaterThanOrEqual(lastTableRow);
        expect(tl.nativeRow + ext.height / 20, sheet.name).toBeLessThanOrEqual(lastRow);
      }
    }
  });
});

describe('the month and its year to date, printed', () => {
  it('repeat only the title over the pages: the month’s caption would mislabel the year’s rows', () => {
    for (const name of ['month', 'quarter'] as const)
      for (const sheet of ['概览', '单位']) {
        const setup = books[name].getWorksheet(sheet)!.pageSetup;
        // One page wide, the quarter's 单位 too (it printed in strips, its title the page header's).
        expect(setup.fitToWidth, `${name} ${sheet}`).toBe(1);
        expect(setup.printTitlesRow, `${name} ${sheet}`).toBe('1:2');
      }
  });
});

describe('pictures', () => {
  it('are stored once however many sheets show them', () => {
    const book = books.quarter;
    const shown = book.worksheets.flatMap((s) => s.getImages().map((i) => i.imageId));
    expect(shown).toHaveLength(7); // 概览 2, 单位 1, 月度趋势 1, 分类 2, 热词 1
    const media = (book.model as unknown as { media: { buffer: Buffer }[] }).media;
    expect(media).toHaveLength(5);
    expect(new Set(shown.map(Number))).toEqual(new Set([0, 1, 2, 3, 4]));
    expect(new Set(media.map((m) => m.buffer.toString('base64'))).size).toBe(5);
  });
});

// ---------------------------------------------------------------------------------------------
// 明细 reconciles with 单位.

/** The 单位 sheet's figures per unit, from its table (the first, or the one under `caption`). */
function unitFigures(book: Book, table = 0): Map<string, Record<string, unknown>> {
  const t = tablesOf(book.getWorksheet('单位')!)[table]!;
  return new Map(records(t).map((r) => [String(r['供电单位']), r]));
}

function detailRecords(book: Book): Record<string, unknown>[] {
  return records(tablesOf(book.getWorksheet('明细')!)[0]!);
}

describe.each(['quarter', 'year', 'strict'] as const)('明细 of the %s workbook', (name) => {
  // Beside a quarter, 明细 lists its year to date: the 单位 sheet's second table.
  const yearTable = name === 'year' ? 0 : 1;

  it('filtered by 统计单位 (and 是否考核 = 是) gives the 单位 sheet’s figures for every unit', () => {
    const rows = detailRecords(books[name]);
    const units = unitFigures(books[name], yearTable);
    expect([...units.keys()].sort()).toEqual([...UNITS, '合计'].sort());
    for (const unit of UNITS) {
      const mine = rows.filter((r) => r['统计单位'] === unit);
      const figures = units.get(unit)!;
      expect(mine.length, unit).toBe(figures['投诉']);
      expect(mine.filter((r) => r['是否考核'] === '是').length, unit).toBe(figures['考核投诉']);
      expect(mine.filter((r) => r['是否考核'] === '否（申诉成功）').length, unit).toBe(
        figures['申诉成功'],
      );
    }
    expect(rows.length).toBe(units.get('合计')!['投诉']);
  });

  it.runIf(name !== 'year')('filtered by 统计月份 as well gives the quarter’s own table', () => {
    const rows = detailRecords(books[name]).filter((r) =>
      ['2016-10', '2016-11', '2016-12'].includes(String(r['统计月份'])),
    );
    const quarter = unitFigures(books[name], 0);
    for (const unit of UNITS) {
      const mine = rows.filter((r) => r['统计单位'] === unit);
      expect(mine.length, unit).toBe(quarter.get(unit)!['投诉']);
      expect(mine.filter((r) => r['是否考核'] === '是').length, unit).toBe(
        quarter.get(unit)!['考核投诉'],
      );
    }
  });

  it('says why a complaint is not assessed', () => {
    const reasons = new Set(detailRecords(books[name]).map((r) => r['是否考核']));
    expect(reasons).toEqual(
      new Set(
        name === 'strict' ? ['是', '否（申诉成功）', '否（不属实）'] : ['是', '否（申诉成功）'],
      ),
    );
  });

  it('counts each unit under one spelling, in months of the period, from files by name', () => {
    const rows = detailRecords(books[name]);
    expect(new Set(rows.map((r) => r['统计单位']))).toEqual(new Set(UNITS));
    for (const r of rows) {
      expect(String(r['统计月份'])).toMatch(/^2016-(0[1-9]|1[0-2])$/);
      expect(INPUTS.map((f) => basename(f))).toContain(r['来源文件']);
      expect(r['受理时间']).toBeInstanceOf(Date);
      expect((r['受理时间'] as Date).toISOString().slice(0, 7)).toBe(r['统计月份']);
    }
    // The CSV input's rows too: their 受理时间 was text in the file.
    expect(rows.some((r) => r['来源文件'] === '95598-2016-06-12-gb18030.csv')).toBe(true);
  });

  it('makes the columns as wide as their contents (long texts wrap)', () => {
    const sheet = books[name].getWorksheet('明细')!;
    const [detail] = tablesOf(sheet);
    for (const [c, h] of headings(detail!)) {
      let widest = stringWidth(h);
      for (const row of detail!.rows) {
        const v = row.getCell(c).value;
        if (typeof v === 'string') widest = Math.max(widest, stringWidth(v));
      }
      const width = sheet.getColumn(c).width!;
      if (widest <= 40) expect(width, h).toBeGreaterThanOrEqual(widest);
      else expect(sheet.getRow(2).getCell(c).alignment?.wrapText || width >= 40, h).toBe(true);
    }
  });

  it('sets every text off from the number on its left: 序号 1 and 16010130037129 read apart', () => {
    const [detail] = tablesOf(books[name].getWorksheet('明细')!);
    let texts = 0;
    for (const row of detail!.rows)
      row.eachCell((cell) => {
        if (typeof cell.value !== 'string') return;
        texts++;
        expect(cell.alignment?.horizontal, cell.address).toBe('left');
        expect(cell.alignment?.indent, cell.address).toBe(1);
      });
    expect(texts).toBeGreaterThan(100);
  });
});

// ---------------------------------------------------------------------------------------------
// 数据质量: what was left out, in the workbook's language.

describe('数据质量 of the month workbook', () => {
  it('gives each rejected row’s reason in Chinese (the JSON keeps the English)', () => {
    const rejects = tablesOf(books.month.getWorksheet('数据质量')!).find(
      (t) => headings(t).get(3) === '原因',
    )!;
    expect(records(rejects).map((r) => [r['行'], r['原因']])).toEqual([
      [171, "登记时间 '2016-09-31 16:05:00' 不是有效日期"],
      [228, "登记时间 '2016-13-45' 不是有效日期"],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// The CSV units table and the line that says what was written.

describe('report --out x.csv', () => {
  const csv = join(dir, 'units.csv');
  const json = join(dir, 'units.json');
  const run = complaints(['report', ...INPUTS, ...TARGETS, '--out', csv]);
  complaints(['report', ...INPUTS, ...TARGETS, '--out', json]);

  it('says what the file holds, not a sheet count', () => {
    expect(run.code).toBe(0);
    // Then the notes that change a figure (fixtures/metrics: differing duplicates, rejects).
    expect(run.stderr.split('\n')[0]).toBe(
      `已写入 ${csv}（单位表：8 个单位及合计行，投诉 226 条）`,
    );
  });

  it('rounds rates to four decimals and averages to two; the JSON keeps them exact', () => {
    const lines = readFileSync(csv, 'utf8').slice(1).trim().split(/\r?\n/);
    const head = lines[0]!.split(',');
    const rows = lines.slice(1).map((l) => l.split(','));
    for (const row of rows)
      row.forEach((v, i) => {
        if (/^-?\d+\.\d+$/.test(v))
          expect(v.split('.')[1]!.length, `${head[i]} ${v}`).toBeLessThanOrEqual(4);
      });
    const result = JSON.parse(readFileSync(json, 'utf8'));
    const first = result.units[0];
    const cell = (key: string) => Number(rows[0]![head.indexOf(key)]);
    expect(cell('超指标率')).toBe(Math.round(first.overTargetRate * 1e4) / 1e4);
    expect(cell('投诉同比')).toBe(Math.round(first.yoy * 1e4) / 1e4);
    expect(cell('万户投诉率')).toBe(Math.round(first.ratePer10k * 100) / 100);
    expect(first.overTargetRate).toBe(5 / 28); // exact in the JSON
  });
});

describe('明细 in English', () => {
  it('names the added columns countedUnit, month, assessed, sourceFile', async () => {
    const out = join(dir, 'en.xlsx');
    const run = complaints([
      'report',
      ...INPUTS,
      ...TARGETS,
      '--month',
      '2016-11',
      '--detail',
      '--lang',
      'en',
      '--no-charts',
      '--out',
      out,
    ]);
    expect(run.code, run.stderr).toBe(0);
    const book = await readBook(out);
    const rows = records(tablesOf(book.getWorksheet('Detail')!)[0]!);
    expect(Object.keys(rows[0]!)).toEqual(
      expect.arrayContaining(['countedUnit', 'month', 'assessed', 'sourceFile']),
    );
    expect(new Set(rows.map((r) => r['assessed']))).toEqual(
      new Set(['yes', 'no (appeal approved)']),
    );
    // The year to date beside the month: January to November, November's 16 among them.
    expect(new Set(rows.map((r) => String(r['month']).slice(0, 7)))).toEqual(
      new Set(Array.from({ length: 11 }, (_, i) => `2016-${String(i + 1).padStart(2, '0')}`)),
    );
    expect(rows.filter((r) => r['month'] === '2016-11')).toHaveLength(16);
    expect(rows).toHaveLength(209);
    expect(book.getWorksheet('Summary')!.getCell('A1').value).toBe(
      '国网黄山供电公司: complaint analysis, November 2016 · Summary',
    );
  });
});
