/** The streaming xlsx reader on the bundled export: what each kind of cell becomes. */
import { describe, expect, it } from 'vitest';
import { readAll } from '../helpers/read.js';

describe('xlsx cells', async () => {
  const { rows, sheets } = await readAll('fixtures/95598-2016-09-11.xlsx');
  const at = (row: number) => rows.find((r) => r.row === row)!.cells;

  it('reads the sheet, the merged title and the note above the header', () => {
    expect(sheets).toEqual(['工单明细']);
    expect(at(1)[0]).toMatch(/95598工单明细/);
    expect(at(2)[0]).toMatch(/^导出时间/);
    expect(rows.some((r) => r.row === 3)).toBe(false); // a blank row has no cells at all
    expect(at(4).slice(0, 3)).toEqual(['工单编号', '受理时间', '供电单位']);
  });

  it('turns rich text into its plain text, formulas into their cached results, date cells into Dates', () => {
    for (const row of [11, 39, 76, 112]) {
      expect(typeof at(row)[4]).toBe('string');
      expect((at(row)[4] as string).length).toBeGreaterThan(10);
    }
    expect(typeof at(5)[13]).toBe('number'); // N5: =ROUND((M5-B5)*24,1)
    expect(at(5)[1]).toBeInstanceOf(Date);
    expect(at(163)[0]).toBe('合计');
    expect(at(163)[1]).toBe(157); // B163: =COUNTA(...) with its cached result
  });
});
