import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCodeJson, readCodes } from '../../src/io/codes.js';
import { readUnits, splitAliases } from '../../src/io/units.js';
import { unitName } from '../../src/metrics/hierarchy.js';

const dir = mkdtempSync(join(tmpdir(), 'complaints-units-io-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};

describe('readUnits', () => {
  it.each(['csv', 'xlsx', 'json'])(
    'reads the same three-level hierarchy from units.%s',
    async (kind) => {
      const h = await readUnits(`fixtures/codes/units.${kind}`);
      expect(h.units.size).toBe(11);
      expect([...h.units.values()].map((u) => u.depth)).toEqual([0, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2]);
      expect(h.units.get('歙县城关供电所')).toMatchObject({
        code: '344010101',
        parent: '国网歙县供电公司',
        depth: 2,
      });
      // Codes written as numbers in the workbook read as the same digits.
      expect(unitName(h, '3440101')).toBe('国网歙县供电公司');
      expect(unitName(h, '城关所')).toBe('歙县城关供电所');
      expect(unitName(h, '国网歙县供电公司(本部)')).toBe('国网歙县供电公司');
    },
  );

  it.each<[string, string[]]>([
    ['歙县公司；国网歙县供电公司（本部）', ['歙县公司', '国网歙县供电公司（本部）']],
    ['A;B ; ', ['A', 'B']],
    ['甲、乙', ['甲', '乙']],
    ['', []],
  ])('splits 别名 %j', (cell, aliases) => {
    expect(splitAliases(cell)).toEqual(aliases);
  });

  it('finds the header under title rows, by the system names (ORG_NO, ORG_NAME, PARENT)', async () => {
    const h = await readUnits(
      file('sys.csv', '单位对照\n\nORG_NO,ORG_NAME,PARENT\n1,市公司,\n11,县公司,市公司\n合计,2,\n'),
    );
    expect([...h.units.keys()]).toEqual(['市公司', '县公司']);
    expect(h.units.get('县公司')?.parent).toBe('市公司');
  });

  it.each([
    ['missing.csv', null, 'FILE_NOT_FOUND', /--units .*missing\.csv: no such file\./],
    ['bad.json', '[{"name": "A",', 'UNITS_INVALID', /bad\.json: not valid JSON \(/],
    [
      'noheader.csv',
      '名字,上头\nA,B\n',
      'UNITS_INVALID',
      /no header with 单位名称 and 单位编码 or 上级单位/,
    ],
    [
      'obj.json',
      '{"a": 1}',
      'UNITS_INVALID',
      /expected an array of \{"code", "name", "parent", "aliases"\}/,
    ],
    ['item.json', '[1]', 'UNITS_INVALID', /item\.json\[0\]: expected an object\./],
  ])('refuses %s', async (name, text, code, message) => {
    const path = text === null ? join(dir, name) : file(name, text);
    const error = await readUnits(path).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'InputError', code });
    expect((error as Error).message).toMatch(message);
  });
});

describe('readCodes', () => {
  it.each(['csv', 'json'])(
    'codes.%s names URBAN_RURAL_FLAG by header and by field',
    async (kind) => {
      const codes = await readCodes(`fixtures/codes/codes.${kind}`);
      expect(codes.name('URBAN_RURAL_FLAG', '01')).toBe('城市');
      expect(codes.name('urban_rural_flag', '02')).toBe('农村');
      // 投诉等级 is an alias of severity: the table serves an export heading it 紧急程度 too.
      expect(codes.name('投诉等级', '2')).toBe('重要');
      expect(codes.name('severity', '2')).toBe('重要');
      expect(codes.name('紧急程度', '1')).toBe('一般');
      // A code the table lacks, or a column it has no codes for: null, never a guess.
      expect(codes.name('URBAN_RURAL_FLAG', '03')).toBeNull();
      expect(codes.name('URBAN_RURAL_FLAG', '1')).toBeNull();
      expect(codes.name('ELEC_TYPE', '01')).toBeNull();
    },
  );

  it('codes.json names ORG_NO, found under the unit field too', async () => {
    const codes = await readCodes('fixtures/codes/codes.json');
    expect(codes.name('ORG_NO', '3440101')).toBe('国网歙县供电公司');
    expect(codes.name('unit', '344010101')).toBe('歙县城关供电所');
  });

  it('takes the array form of JSON', () => {
    const codes = parseCodeJson(
      { codes: [{ column: '受理渠道', code: '1', name: '95598电话' }] },
      'c.json',
    );
    expect(codes.name('受理渠道', '1')).toBe('95598电话');
  });

  it.each([
    ['twice.csv', '列,代码,名称\nA,1,x\nA,1,y\n', /twice\.csv row 3: A 1 is x \(row 2\) and y\./],
    ['empty.csv', '列,代码,名称\nA,,x\n', /empty\.csv row 2: 代码 \(code\) is empty\./],
    ['none.csv', '列,代码,名称\n', /none\.csv: no code in it\./],
    ['noheader.csv', 'a,b,c\n', /no header with 列, 代码 and 名称/],
    ['nested.json', '{"A": ["x"]}', /nested\.json\.A: expected an object of code → name\./],
  ])('refuses %s', async (name, text, message) => {
    const error = await readCodes(file(name, text)).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'InputError', code: 'CODES_INVALID' });
    expect((error as Error).message).toMatch(message);
  });
});
