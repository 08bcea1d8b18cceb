/**
 * The 明细 rows' XML made from the spools' bytes (report/detail-xml.ts) is what rowXml writes
 * for the same cells decoded (the string path, which ReportSheet.addRow still takes): every
 * kind of cell, the texts that must be escaped, cut or measured by string-width, the texts a
 * spool keeps and names by number (per spool), records longer than a read, rows of nothing.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, inflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import type { Cell } from '../../src/io/table.js';
import { excelCellText, rowXml } from '../../src/io/workbook.js';
import { linesOf, makeDetailSheets } from '../../src/report/detail-sheet.js';
import { RowSpool, type Segment } from '../../src/report/detail-spool.js';

const dir = mkdtempSync(join(tmpdir(), 'detail-xml-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const IDS = { top: 1, text: 2, date: 3, confidence: 4, wrap: 5 };
// Column 1 wraps at 10 characters; column 3 is 置信度.
const WIDTHS = [12, 10, 12, 8, 12, 12];
const WRAPS = [false, true, false, false, false, true];
const CONFIDENCE_AT = 3;
const LONG_CJK = '供电'.repeat(20_000); // 40,000 characters: cut at 32,767, and longer than a read

/** The rows as the string path wrote them (detail-sheet.ts before the bytes were read). */
function expectedXml(rows: Cell[][]): { xml: string; cut: number } {
  let cut = 0;
  const text = (value: string) => {
    const cell = excelCellText(value);
    if (cell.cut) cut++;
    return cell.text;
  };
  const xml = rows
    .map((cells, r) => {
      let lines = 1;
      const ids = cells.map((c, i) => {
        const wrapped = WRAPS[i] && typeof c === 'string';
        if (wrapped) lines = Math.max(lines, linesOf(c, WIDTHS[i]!));
        return c === null || c === ''
          ? 0
          : c instanceof Date
            ? IDS.date
            : i === CONFIDENCE_AT
              ? IDS.confidence
              : wrapped
                ? IDS.wrap
                : typeof c === 'string'
                  ? IDS.text
                  : IDS.top;
      });
      // A wrapped row: 16 points a line of Chinese text and 4 of leading, eight lines at most.
      const height = lines > 1 ? Math.min(8, lines) * 16 + 4 : undefined;
      return rowXml(r + 2, cells, ids, height, text);
    })
    .join('');
  // As the sheet holds it: UTF-8 (a lone surrogate becomes U+FFFD, as it did).
  return { xml: Buffer.from(xml, 'utf8').toString('utf8'), cut };
}

let n = 0;
/** Spools each list of rows as a segment of its own; every row its entry's latest copy. */
function spooled(lists: Cell[][][]): { segments: Segment[]; owner: Int32Array } {
  let entry = 0;
  const owner = new Int32Array(lists.flat().length);
  const segments = lists.map((rows, s) => {
    const file = join(dir, `spool-${n++}.bin`);
    const spool = new RowSpool(file);
    const latest = new Uint32Array(owner.length);
    rows.forEach((cells, i) => {
      latest[entry] = i + 1;
      owner[entry] = s + 1;
      spool.append(entry++, i + 1, 100, cells);
    });
    spool.finish();
    return { file, pieces: spool.pieces, latest, entries: null };
  });
  return { segments, owner };
}

async function madeXml(lists: Cell[][][]): Promise<{ xml: string; cut: number; rows: number }> {
  const made = await makeDetailSheets({
    spooled: spooled(lists),
    period: { from: 0, to: 1000, grain: 'month' },
    widths: WIDTHS,
    wraps: WRAPS,
    confidenceAt: CONFIDENCE_AT,
    ids: IDS,
    maxRows: 1_048_576,
    dir,
  });
  const [part] = made.parts;
  const xml = inflateRawSync(readFileSync(part!.file), {
    finishFlush: constants.Z_SYNC_FLUSH,
  }).toString('utf8');
  return { xml, cut: made.cutCells, rows: part!.rows };
}

const at = (ms: number) => new Date(ms);

/** Where two XML texts first differ, with a little of each (null: the same). */
function firstDifference(made: string, expected: string): string | null {
  if (made === expected) return null;
  let i = 0;
  while (made[i] === expected[i]) i++;
  return `at ${i}: made …${made.slice(i - 40, i + 40)}… expected …${expected.slice(i - 40, i + 40)}…`;
}

describe('明细 rows from the spools’ bytes', () => {
  it('are the XML the string path writes, cell for cell', async () => {
    const rows: Cell[][] = [
      ['国网黄山供电公司', '客户来电反映停电时间过长，要求尽快恢复供电', 'A & B', 0.5, 'x', null],
      ['<tag> "q" \'a\'', 'short', '_x0041_ kept as text', 1, '', '一级分类=停送电投诉'],
      [
        '\u0001 control, \u007f delete',
        'line one\nline two is longer than ten',
        '\uFFFE',
        -0,
        true,
        false,
      ],
      ['lone \uD800 surrogate', '“引号”包括六个汉字', 'é café', NaN, at(0), at(-86_400_000)],
      [
        'emoji 😀 here',
        '😀😀😀😀😀😀😀😀',
        'ascii text longer than thirty-two bytes, copied',
        1.25,
        at(1_450_000_000_123),
        '',
      ],
    ];
    // Texts kept and named by number, in the same row and the next; in a wrapped column too.
    const repeated: Cell[] = [
      '国网黄山供电公司',
      '短文本',
      '国网黄山供电公司',
      1,
      '短文本',
      '短文本',
    ];
    const long: Cell[] = ['long', LONG_CJK, LONG_CJK.slice(0, 100), 1, null, 'x'.repeat(70)];
    const nothing: Cell[] = [null, '', null, NaN, '', null];
    const first = [...rows, repeated, repeated, long, nothing];
    // A second spool numbers its kept texts from 0 again.
    const second: Cell[][] = [repeated, ['A & B', '短文本', null, 2, 'y', 'z']];
    const made = await madeXml([first, second]);
    const expected = expectedXml([...first, ...second]);
    expect(firstDifference(made.xml, expected.xml)).toBeNull();
    expect(made.cut).toBe(1);
    expect(expected.cut).toBe(1);
    expect(made.rows).toBe(first.length + second.length);
    // Hand-checked: escaped, cut, and a row of nothing written as nothing.
    expect(made.xml).toContain('<c r="C2" s="2" t="str"><v>A &amp; B</v></c>');
    expect(made.xml).toContain('<v>_x005F_x0041_ kept as text</v>');
    expect(made.xml).not.toContain('<row r="10"');
    expect(made.xml).toContain('<row r="11"><c r="A11" s="2" t="str"><v>国网黄山供电公司</v>');
  });

  it('read across the edges of the reads: many rows', async () => {
    const rows: Cell[][] = Array.from({ length: 3000 }, (_, i) => [
      `工单${i}`,
      '客户反映电压偏低'.repeat(1 + (i % 7)),
      i % 3 ? '是' : '否',
      i / 1000,
      at(1_450_000_000_000 + i * 60_000),
      i % 5 ? null : 'a_b',
    ]);
    const made = await madeXml([rows]);
    expect(firstDifference(made.xml, expectedXml(rows).xml)).toBeNull();
  });
});
