/**
 * Long Chinese texts written by exceljs (shared strings, as Excel writes, and inline strings,
 * as streaming exporters write) cross hundreds of inflate chunk boundaries; every cell must
 * come back identical. (exceljs's own reader corrupted such characters: exceljs issues
 * 2063/2084/2316.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExcelJS } from '../../src/io/exceljs.js';
import { readAll } from '../helpers/read.js';

const ROWS = 1500;

/** Deterministic Chinese text: common CJK ideographs and full-width punctuation. */
function texts(): string[] {
  let state = 2063;
  const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0);
  const out: string[] = [];
  for (let i = 0; i < ROWS; i++) {
    const length = 150 + (next() % 350);
    let s = '';
    for (let j = 0; j < length; j++) {
      const r = next() % 40;
      s +=
        r === 0
          ? '，'
          : r === 1
            ? '。'
            : r === 2
              ? String(next() % 10)
              : String.fromCharCode(0x4e00 + (next() % 0x5000));
    }
    out.push(s);
  }
  return out;
}

let dir: string;
const expected = texts();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'complaints-xlsx-'));
  const ExcelJS = loadExcelJS();
  // Shared strings (what Excel writes) ...
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('工单明细');
  sheet.addRow(['工单编号', '受理内容']);
  expected.forEach((text, i) => sheet.addRow([`GD${i}`, text]));
  await workbook.xlsx.writeFile(join(dir, 'shared.xlsx'));
  // ... and inline strings (what streaming exporters write).
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: join(dir, 'inline.xlsx'),
    useSharedStrings: false,
  });
  const streamed = writer.addWorksheet('工单明细');
  streamed.addRow(['工单编号', '受理内容']).commit();
  expected.forEach((text, i) => streamed.addRow([`GD${i}`, text]).commit());
  streamed.commit();
  await writer.commit();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('xlsx reader and multi-byte characters across chunk boundaries', () => {
  it.each(['shared.xlsx', 'inline.xlsx'])(
    '%s: every long Chinese text comes back identical',
    async (name) => {
      const { rows } = await readAll(join(dir, name));
      const contents = rows.slice(1).map((r) => r.cells[1]);
      expect(contents.length).toBe(ROWS);
      const wrong = contents.filter((text, i) => text !== expected[i]).length;
      expect(wrong).toBe(0);
    },
  );
});
