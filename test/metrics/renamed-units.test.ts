import { describe, expect, it } from 'vitest';
import { renamedUnits, renamedUnitsNote } from '../../src/metrics/sections/renamed-units.js';
import { input, type Row } from '../helpers/analysis-input.js';

const OLD = '国网祁门县供电公司';
const NEW = '国网祁门供电公司';
const OTHER = '国网歙县供电公司';

/** One work order of each unit in each month listed (2016). */
function rows(months: Record<string, number[]>): Row[] {
  return Object.entries(months).flatMap(([unit, list]) =>
    list.map((month): Row => ({ unit, month: [2016, month], type: '故障报修' })),
  );
}

const pairs = (months: Record<string, number[]>) =>
  renamedUnits(input(rows(months)).cube).map(({ before, after }) => [
    before.unit,
    (before.last % 12) + 1,
    after.unit,
    (after.first % 12) + 1,
  ]);

describe('a unit that begins where another of a close name ends', () => {
  it.each<[string, Record<string, number[]>, (string | number)[][]]>([
    [
      'renamed in November',
      { [OLD]: [9, 10], [NEW]: [11, 12], [OTHER]: [9, 12] },
      [[OLD, 10, NEW, 11]],
    ],
    [
      'a month without either between',
      { [OLD]: [8], [NEW]: [10, 11], [OTHER]: [8, 11] },
      [[OLD, 8, NEW, 10]],
    ],
    [
      'renamed within October: both names in it',
      { [OLD]: [9, 10], [NEW]: [10, 11], [OTHER]: [9, 11] },
      [[OLD, 10, NEW, 10]],
    ],
    [
      'both names over two months: two units',
      { [OLD]: [9, 11], [NEW]: [10, 12], [OTHER]: [9, 12] },
      [],
    ],
    [
      "the new name from the data's first month",
      { [OLD]: [9], [NEW]: [9, 10], [OTHER]: [9, 10] },
      [],
    ],
    [
      "the old name up to the data's last month",
      { [OLD]: [9, 11], [NEW]: [10, 11], [OTHER]: [9, 11] },
      [],
    ],
    [
      'names not close: a unit ends, another begins',
      { [OTHER]: [9, 10], [NEW]: [11], 国网黟县供电公司: [9, 11] },
      [],
    ],
    [
      // Districts of one city share its name, not what tells them apart.
      'a district ends, another of the same city begins',
      { 国网黄山市黄山区供电公司: [9, 10], 国网黄山市徽州区供电公司: [11], [OTHER]: [9, 11] },
      [],
    ],
    [
      'a county made a district of its city: renamed',
      { 国网黄山县供电公司: [9, 10], 国网黄山市黄山区供电公司: [11], [OTHER]: [9, 11] },
      [['国网黄山县供电公司', 10, '国网黄山市黄山区供电公司', 11]],
    ],
    [
      // Units written as codes (ORG_NO without a units file): close codes are other units.
      'codes: one ends, the next begins',
      { '3440101': [9, 10], '3440102': [11], '34401': [9, 11] },
      [],
    ],
    [
      // One character apart, but in what tells them apart: two stations, not one renamed.
      'a station ends, another of the same county begins',
      { 绩溪城关供电所: [7, 8], 绩溪城南供电所: [9, 10], [OTHER]: [7, 10] },
      [],
    ],
    [
      'a station named without its county, then with it: renamed',
      { 绩溪城关供电所: [7, 8], 绩溪县城关供电所: [9, 10], [OTHER]: [7, 10] },
      [['绩溪城关供电所', 8, '绩溪县城关供电所', 9]],
    ],
    ['one unit alone', { [NEW]: [11] }, []],
  ])('%s', (_, months, expected) => {
    expect(pairs(months)).toEqual(expected);
  });

  it('is a note in both languages, and a figure-free one for the bulletin', () => {
    const note = renamedUnitsNote(
      input(rows({ [OLD]: [9, 10], [NEW]: [11, 12], [OTHER]: [9, 12] })),
    );
    expect(note).toEqual({
      code: 'units-renamed',
      zh: `${NEW} 的工单从 2016-11 起才有，${OLD} 的只到 2016-10。若是同一单位改了名称，现按两个单位分别计数；可在单位表（--units）中把旧名称列为新名称的另一写法，合并计数。`,
      message: `${NEW} has work orders only from 2016-11, ${OLD} only up to 2016-10: if this is one unit renamed, it is counted here as two units; give the old name as another spelling of the new one in a units file (--units) to count them as one.`,
      book: {
        zh: `${OLD} 的工单不再出现之后，${NEW} 的工单才开始出现，两者名称相近，可能是同一单位改了名称，本报告按两个单位分别计数。`,
        message: `${NEW} begins where ${OLD} ends: possibly one unit renamed, counted here as two.`,
      },
    });
    expect(note!.book!.zh).not.toMatch(/\d/);
    expect(renamedUnitsNote(input(rows({ [OLD]: [9, 12], [OTHER]: [9, 12] })))).toBeNull();
  });
});

describe('units a units file names', () => {
  it('are two units, whatever their names and months', () => {
    // 绩溪城关供电所 up to August, 绩溪县城关供电所 from September: two stations of the file.
    const stations = { 绩溪城关供电所: [7, 8], 绩溪县城关供电所: [9, 10], [OTHER]: [7, 10] };
    const cube = input(rows(stations)).cube;
    expect(renamedUnits(cube).length).toBe(1);
    expect(renamedUnits(cube, new Set(['绩溪城关供电所', '绩溪县城关供电所']))).toEqual([]);
    // One name only in the file: the other may still be it renamed.
    expect(renamedUnits(cube, new Set(['绩溪县城关供电所'])).length).toBe(1);
  });
});
