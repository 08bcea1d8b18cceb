import { describe, expect, it } from 'vitest';
import { InputError, userMessage } from '../../src/errors.js';
import type { Cell } from '../../src/io/table.js';
import { parseTargetJson, parseTargetRows } from '../../src/metrics/targets.js';

const rows = (...cells: Cell[][]) => cells.map((c, i) => ({ row: i + 1, cells: c }));

describe('targets file', () => {
  it('finds the header under a title, normalises unit names, skips blank and 合计 rows', () => {
    const t = parseTargetRows(
      rows(
        ['2016 年度投诉指标', null, null],
        [],
        ['供电单位', '年度指标', '户数'],
        ['国网黄山供电公司（市直）', 28, '186,420'],
        ['国网歙县供电公司 ', '26', 214380],
        [null, null, null],
        ['合计', 54, null],
      ),
      'targets.csv',
    );
    expect([...t.byUnit.values()]).toEqual([
      { unit: '国网黄山供电公司(市直)', target: 28, customers: 186420 },
      { unit: '国网歙县供电公司', target: 26, customers: 214380 },
    ]);
  });

  it('accepts other header names and no customer column', () => {
    const t = parseTargetRows(rows(['单位', '投诉指标'], ['A', 3.5]), 't.xlsx');
    expect(t.byUnit.get('A')).toEqual({ unit: 'A', target: 3.5, customers: null });
  });

  it.each([
    [
      rows(['单位', '备注'], ['A', 'x']),
      /no header with a unit column \(供电单位\) and a target column/,
      /^t\.csv：考核指标文件的前 20 行里没有同时含单位列（供电单位）和指标列（年度指标）的表头。第 1 行的表头：单位、备注。$/,
    ],
    [
      rows(['单位', '指标'], ['A', '十']),
      /t\.csv row 2: the target of A is '十', not a number/,
      /^t\.csv 第 2 行：A 的指标是 '十'，不是数字。$/,
    ],
    [
      rows(['单位', '指标'], ['A', null]),
      /t\.csv row 2: the target of A is empty/,
      /^t\.csv 第 2 行：A 的指标为空。$/,
    ],
    [
      rows(['单位', '指标'], ['A', 1], ['A ', 2]),
      /t\.csv row 3: A is listed twice/,
      /^t\.csv 第 3 行：A 出现了两次。$/,
    ],
    [
      rows(['单位', '指标'], ['A（市直）', 1], ['A(市直)', 2]),
      /row 3: A\(市直\) is listed twice/,
      /^t\.csv 第 3 行：A\(市直\) 出现了两次。$/,
    ],
    [
      rows(['单位', '指标', '户数'], ['A', 1, 'many']),
      /the customer count of A is 'many', not a number/,
      /^t\.csv 第 2 行：A 的户数是 'many'，不是数字。$/,
    ],
    [rows(['单位', '指标'], [null, 1]), /row 2: the unit is empty/, /^t\.csv 第 2 行：单位为空。$/],
    [
      rows(['单位', '指标']),
      /the header is there but no unit follows it/,
      /^t\.csv：有表头，但表头下面没有单位。$/,
    ],
    [
      rows(['单位', '指标'], ['A', -3]),
      /the target of A is '-3', below 0: a target is a count/,
      /^t\.csv 第 2 行：A 的指标是 '-3'，小于 0：指标是投诉件数，应为 0 或以上。$/,
    ],
    [
      rows(['单位', '指标'], ['A', '-5']),
      /the target of A is '-5', below 0: a target is a count/,
      /^t\.csv 第 2 行：A 的指标是 '-5'，小于 0/,
    ],
  ])('refuses a bad file with the row and what is wrong (%#)', (table, message, zh) => {
    expect(() => parseTargetRows(table, 't.csv')).toThrow(InputError);
    expect(() => parseTargetRows(table, 't.csv')).toThrow(message);
    try {
      parseTargetRows(table, 't.csv');
    } catch (error) {
      expect(userMessage(error as InputError, 'zh').message).toMatch(zh);
      expect(userMessage(error as InputError, 'zh').hint).toMatch(/^考核指标文件每行一个单位/);
    }
  });

  it('reads JSON as an array or under "targets", with any of the header names as keys', () => {
    expect([...parseTargetJson([{ unit: 'A', target: 2 }], 't.json').byUnit.values()]).toEqual([
      { unit: 'A', target: 2, customers: null },
    ]);
    const t = parseTargetJson({ targets: [{ 供电单位: 'B', 年度指标: '5', 户数: 100 }] }, 't.json');
    expect(t.byUnit.get('B')).toEqual({ unit: 'B', target: 5, customers: 100 });
  });

  it.each([
    [{ units: [] }, /t\.json: expected an array of \{"unit", "target", "customers"\}/],
    [[1], /t\.json\[0\]: expected an object/],
    [[{ unit: 'A' }], /t\.json\[0\]: the target of A is empty/],
    [[], /t\.json: no targets in it/],
  ])('refuses bad JSON %j', (doc, message) => {
    expect(() => parseTargetJson(doc, 't.json')).toThrow(message);
  });
});

describe('targets under the headers management writes', () => {
  it.each([
    [['单位名称', '2016年指标', '用户数']],
    [['序号', '单位名称', '2016年度考核指标', '用户数']],
    [['供电单位', '年度考核指标', '户数']],
    [['考核单位', '年度指标（2016年）', '客户户数']],
    [['被考核单位', '2016年度投诉考核指标', '用户户数']],
  ])('%j', (header) => {
    const lead = header[0] === '序号' ? [1] : [];
    const t = parseTargetRows(rows(header, [...lead, 'A', 12, 3000]), 't.xlsx');
    expect(t.byUnit.get('A')).toEqual({ unit: 'A', target: 12, customers: 3000 });
  });

  it('--map names the columns no alias knows', () => {
    const table = rows(['考核对象', '控制数', '户'], ['A', 12, 3000]);
    const t = parseTargetRows(table, 't.csv', {
      targetUnit: '考核对象',
      target: '控制数',
      customers: '户',
    });
    expect(t.byUnit.get('A')).toEqual({ unit: 'A', target: 12, customers: 3000 });
    // JSON keys too.
    const j = parseTargetJson([{ 考核对象: 'B', 控制数: 4 }], 't.json', {
      targetUnit: '考核对象',
      target: '控制数',
    });
    expect(j.byUnit.get('B')).toEqual({ unit: 'B', target: 4, customers: null });
  });

  it('a refusal lists the headers it saw, and the --map given', () => {
    const table = rows(['2016年各单位考核指标'], ['考核对象', '控制数', '户'], ['A', 12, 3000]);
    expect(() => parseTargetRows(table, 't.csv')).toThrow(
      't.csv: no header with a unit column (供电单位) and a target column (年度指标) in the first 20 rows of the targets file. Headers found on row 2: 考核对象, 控制数, 户.',
    );
    expect(() => parseTargetRows(table, 't.csv', { target: '控制' })).toThrow(
      '(with --map target=控制). Headers found on row 2',
    );
  });
});
