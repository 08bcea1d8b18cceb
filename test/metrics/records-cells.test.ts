/**
 * The cells work orders of other types count in: found through pages of days per unit and type
 * (Records.typeDayCell) or, past the pages' reach, through the cell table alone — the same cells
 * in the same order either way, with later copies taking their earlier count back.
 */
import { describe, expect, it } from 'vitest';
import { DAY, FLAGS, KIND, UNIT } from '../../src/metrics/dimensions.js';
import { Records } from '../../src/metrics/records.js';

/** Each cell as unit name, day, kind (type name, or class index), count: in the cells' order. */
function cells(records: Records): [string, number, string | number, number][] {
  const out: [string, number, string | number, number][] = [];
  for (let c = 0; c < records.cells.size; c++) {
    const complaint = records.cells.value(c, FLAGS) !== 0;
    const kind = records.cells.value(c, KIND);
    out.push([
      records.units.list[records.cells.value(c, UNIT)]!,
      records.cells.value(c, DAY),
      complaint ? kind : records.types.list[kind]!,
      records.cells.counts[c]!,
    ]);
  }
  return out;
}

const other = (unit: string, day: number, businessType: string) => ({
  unit,
  day,
  complaint: false,
  businessType,
});

describe('the cells of work orders of other types', () => {
  it('are numbered in order of first appearance, across pages and before 1970', () => {
    const records = new Records();
    records.add(other('黄山', 255, '故障报修'), 0);
    records.add(other('黄山', 256, '故障报修'), 1);
    records.add({ unit: '黄山', day: 256, complaint: true, classIndex: 7 }, 2);
    records.add(other('歙县', -1, '业务咨询'), 3);
    records.add(other('黄山', 255, '故障报修'), 4);
    records.add(other('歙县', -256, '业务咨询'), 5);
    records.add(other('歙县', -1, '业务咨询'), 6);
    // A later copy of entry 1 on another day: its count moves.
    records.add(other('黄山', 300, '故障报修'), 1);
    // And a later copy of the complaint, now another type: counted in the other type's cell.
    records.add(other('黄山', 256, '故障报修'), 2);
    expect(cells(records)).toEqual([
      ['黄山', 255, '故障报修', 2],
      ['黄山', 256, '故障报修', 1],
      ['黄山', 256, 7, 0],
      ['歙县', -1, '业务咨询', 2],
      ['歙县', -256, '业务咨询', 1],
      ['黄山', 300, '故障报修', 1],
    ]);
  });

  it('count alike beyond the pages: many units and types, far days', () => {
    const records = new Records();
    // 1,030 units (past 1,024) and 70 types (past 64), each twice; days of 1900 and 2999.
    for (let round = 0; round < 2; round++)
      for (let u = 0; u < 1030; u++)
        records.add(other(`单位${u}`, u % 2 === 0 ? -25567 : 376_199, `类型${u % 70}`));
    const all = cells(records);
    expect(all.length).toBe(1030);
    expect(all.every(([, , , count]) => count === 2)).toBe(true);
    expect(all[0]).toEqual(['单位0', -25567, '类型0', 2]);
    expect(all[1029]).toEqual(['单位1029', 376_199, '类型49', 2]);
  });
});
