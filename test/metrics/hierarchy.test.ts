import { describe, expect, it } from 'vitest';
import { InputError, userMessage } from '../../src/errors.js';
import {
  ancestor,
  buildHierarchy,
  countedUnit,
  namedTargets,
  unitName,
  unitNotes,
  type UnitRow,
} from '../../src/metrics/hierarchy.js';

let n = 1;
const row = (code: string, name: string, parent = '', aliases: string[] = []): UnitRow => ({
  where: ` row ${++n}`,
  code,
  name,
  parent,
  aliases,
});

/** City → two counties → stations; one station given by its parent's name, not its code. */
function sample(): UnitRow[] {
  n = 1;
  return [
    row('34401', '国网黄山供电公司'),
    row('3440101', '国网歙县供电公司', '34401', ['歙县公司', '国网歙县供电公司（本部）']),
    row('3440102', '国网休宁县供电公司', '国网黄山供电公司'),
    row('344010101', '歙县城关供电所', '3440101'),
    row('344010102', '歙县深渡供电所', '歙县公司'),
    row('344010201', '休宁海阳供电所', '3440102'),
  ];
}

function thrown(f: () => unknown): InputError {
  try {
    f();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('nothing thrown');
}

describe('buildHierarchy', () => {
  const h = buildHierarchy(sample(), 'units.csv');

  it('gives each unit its parent by code, name or other spelling, and its depth', () => {
    expect([...h.units.values()].map((u) => [u.name, u.parent, u.depth])).toEqual([
      ['国网黄山供电公司', null, 0],
      ['国网歙县供电公司', '国网黄山供电公司', 1],
      ['国网休宁县供电公司', '国网黄山供电公司', 1],
      ['歙县城关供电所', '国网歙县供电公司', 2],
      ['歙县深渡供电所', '国网歙县供电公司', 2],
      ['休宁海阳供电所', '国网休宁县供电公司', 2],
    ]);
  });

  it.each([
    ['3440101', '国网歙县供电公司'],
    ['国网歙县供电公司', '国网歙县供电公司'],
    ['歙县公司', '国网歙县供电公司'],
    // Full-width brackets and spaces around are one spelling with the half-width one.
    [' 国网歙县供电公司(本部) ', '国网歙县供电公司'],
    ['344010201', '休宁海阳供电所'],
    ['3440199', null],
    ['歙县供电公司', null], // looks alike, is not named: never guessed
  ])('%s names %s', (written, name) => {
    expect(unitName(h, written)).toBe(name);
  });

  it.each<[string, number, string, boolean]>([
    ['歙县城关供电所', 0, '歙县城关供电所', false],
    ['歙县城关供电所', 1, '国网歙县供电公司', false],
    ['歙县城关供电所', 2, '国网黄山供电公司', false],
    ['歙县城关供电所', 3, '国网黄山供电公司', true],
    ['国网休宁县供电公司', 1, '国网黄山供电公司', false],
    ['国网黄山供电公司', 1, '国网黄山供电公司', true],
  ])('%s, %d level(s) up: %s', (name, levels, up, short) => {
    expect(ancestor(h, name, levels)).toEqual({ name: up, short });
  });

  it('counts a station once, under its county, whichever way it is written', () => {
    const counts = new Map<string, number>();
    for (const w of ['344010101', '歙县城关供电所', '344010102', '344010201', '3440101', '3440199'])
      counts.set(countedUnit(h, w, 1), (counts.get(countedUnit(h, w, 1)) ?? 0) + 1);
    expect(Object.fromEntries(counts)).toEqual({
      国网歙县供电公司: 3,
      国网休宁县供电公司: 1,
      国网黄山供电公司: 1, // the county itself, one level up
      '3440199': 1, // not in the file: as written
    });
  });

  it.each<[string, UnitRow[], string, string, number | undefined]>([
    [
      'a parent not in the file',
      [row('1', 'A'), row('2', 'B', '9')],
      "units.csv row 3: the parent (上级单位) '9' of B is not in the file. Add a row for it, or leave 上级单位 empty for a top unit.",
      'units.csv 第 3 行：B 的上级单位“9”不在文件里。请为它加一行，或者最上级单位的 上级单位 留空。',
      3,
    ],
    [
      'a cycle',
      [row('1', 'A', '3'), row('2', 'B', '1'), row('3', 'C', '2')],
      'units.csv row 2: the parents go round in a circle: A → C → B → A.',
      'units.csv 第 2 行：上级单位绕成了一个圈：A → C → B → A。',
      2,
    ],
    [
      'its own parent',
      [row('1', 'A', 'A')],
      'units.csv row 2: A is given as its own parent.',
      'units.csv 第 2 行：A 的上级单位是它自己。',
      2,
    ],
    [
      'two codes for one name',
      [row('1', 'A'), row('2', 'B'), row('3', 'A')],
      'units.csv row 4: A has two codes: 1 (row 2) and 3. Give one unit one code; other spellings go in 别名.',
      'units.csv 第 4 行：A 有两个编码：1（第 2 行）和 3。一个单位只能有一个编码，其他写法请放在 别名 里。',
      4,
    ],
    [
      'a name listed twice',
      [row('', 'A'), row('', 'A')],
      'units.csv row 3: A is listed twice (row 2 too).',
      'units.csv 第 3 行：A 出现了两次（第 2 行也有）。',
      3,
    ],
    [
      'a code used twice',
      [row('1', 'A'), row('1', 'B')],
      'units.csv row 3: the code 1 is used for A (row 2) and B.',
      'units.csv 第 3 行：编码 1 同时用于 A（第 2 行）和 B。',
      3,
    ],
    [
      'a spelling of two units',
      [row('1', 'A', '', ['AA']), row('2', 'B', '', ['AA'])],
      "units.csv row 3: the spelling (别名) 'AA' of B also names A (row 2).",
      'units.csv 第 3 行：B 的别名“AA”也指向 A（第 2 行）。',
      3,
    ],
    [
      'a spelling that is another unit’s code',
      [row('1', 'A'), row('2', 'B', '', ['1'])],
      "units.csv row 3: the spelling (别名) '1' of B also names A (row 2).",
      'units.csv 第 3 行：B 的别名“1”也指向 A（第 2 行）。',
      3,
    ],
    [
      'a code without a name',
      [row('1', '')],
      'units.csv row 2: the unit name (单位名称) is empty for 1.',
      'units.csv 第 2 行：编码 1 的单位名称为空。',
      2,
    ],
    [
      'no unit',
      [row('', '')],
      'units.csv: no unit in it.',
      'units.csv：文件里没有单位。',
      undefined,
    ],
  ])('refuses %s, naming the row', (_what, rows, message, zh, at) => {
    n = 1;
    const error = thrown(() =>
      buildHierarchy(
        rows.map((r, i) => ({ ...r, where: ` row ${i + 2}` })),
        'units.csv',
      ),
    );
    expect(error.code).toBe('UNITS_INVALID');
    expect(error.message).toBe(message);
    expect(error.row).toBe(at);
    expect(error.hint).toMatch(/^A units file has one row per unit/);
    expect(userMessage(error, 'zh')).toEqual({
      message: zh,
      hint: expect.stringMatching(/^单位层级文件每行一个单位：/),
    });
  });
});

describe('unitNotes', () => {
  const h = buildHierarchy(sample(), 'data/units.csv');

  it('names the units of the data the file does not, and those short of the roll-up', () => {
    const notes = unitNotes(h, 2, ['344010101', '3440199', '国网休宁县供电公司', 'X所', '3440199']);
    expect(notes).toEqual([
      {
        code: 'units-not-in-file',
        message: '3440199, X所: not in units.csv; counted as written.',
        zh: '3440199、X所 不在 units.csv 中：按原样统计。',
      },
      {
        code: 'units-rollup-short',
        message:
          '国网休宁县供电公司 (under 国网黄山供电公司): fewer than 2 level(s) above in units.csv; counted under the highest.',
        zh: '国网休宁县供电公司（计入 国网黄山供电公司） 在 units.csv 中上级不足 2 级：计入最高一级。',
      },
    ]);
  });

  it('says nothing when every unit is named and reaches the level', () => {
    expect(unitNotes(h, 1, ['344010101', '歙县公司'])).toEqual([]);
    expect(unitNotes(h, 0, ['国网黄山供电公司'])).toEqual([]);
  });
});

describe('namedTargets', () => {
  const h = buildHierarchy(sample(), 'units.csv');
  const targets = (units: [string, number][]) => ({
    file: 't.csv',
    byUnit: new Map(units.map(([unit, target]) => [unit, { unit, target, customers: null }])),
  });

  it('names a target given by code or spelling; leaves one the file does not name', () => {
    const named = namedTargets(
      targets([
        ['3440101', 20],
        ['国网休宁县供电公司', 12],
        ['其他单位', 3],
      ]),
      h,
    );
    expect([...named.byUnit.values()]).toEqual([
      { unit: '国网歙县供电公司', target: 20, customers: null },
      { unit: '国网休宁县供电公司', target: 12, customers: null },
      { unit: '其他单位', target: 3, customers: null },
    ]);
  });

  it('refuses two targets for one unit', () => {
    const error = thrown(() =>
      namedTargets(
        targets([
          ['3440101', 20],
          ['歙县公司', 21],
        ]),
        h,
      ),
    );
    expect(error.code).toBe('TARGETS_INVALID');
    expect(error.message).toBe(
      't.csv: 3440101 and 歙县公司 are one unit in units.csv (国网歙县供电公司): give it one target.',
    );
  });
});
