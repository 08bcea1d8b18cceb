import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CodeTable } from '../../src/io/codes.js';
import { ingest, type WorkOrder } from '../../src/ingest/ingest.js';
import type { ValueNaming } from '../../src/ingest/naming.js';
import { buildHierarchy } from '../../src/metrics/hierarchy.js';

const dir = mkdtempSync(join(tmpdir(), 'complaints-naming-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const EXPORT = [
  '工单编号,受理时间,ORG_NO,业务类型,处理部门,地市,紧急程度',
  '1,2016-11-01 09:00,11,投诉,D1,C1,1',
  '2,2016-11-02 09:00,12,投诉,D2,C1,2',
  '3,2016-11-03 09:00,县公司,投诉,D9,,3',
  '4,2016-11-04 09:00,99,投诉,,C2,',
].join('\n');

const codes = new CodeTable('codes.csv', [
  { where: ' row 2', column: '处理部门', code: 'D1', name: '营销部' },
  { where: ' row 3', column: '处理部门', code: 'D2', name: '运检部' },
  { where: ' row 4', column: 'city', code: 'C1', name: '黄山' },
  { where: ' row 5', column: '投诉等级', code: '1', name: '一般' },
  { where: ' row 6', column: '投诉等级', code: '2', name: '重要' },
  { where: ' row 7', column: 'ORG_NO', code: '11', name: '甲所' },
]);
const units = buildHierarchy(
  [
    { where: ' row 2', code: '1', name: '县公司', parent: '', aliases: [] },
    { where: ' row 3', code: '11', name: '甲所', parent: '1', aliases: [] },
    { where: ' row 4', code: '12', name: '乙所', parent: '1', aliases: ['乙'] },
  ],
  'units.csv',
);

async function orders(naming: ValueNaming | null): Promise<Partial<WorkOrder>[]> {
  const file = join(dir, 'export.csv');
  writeFileSync(file, EXPORT);
  const seen: Partial<WorkOrder>[] = [];
  await ingest(
    [file],
    { map: {}, complaintTypes: ['投诉'], encoding: null, sheet: null, naming },
    (o) =>
      seen.push({ unit: o.unit, department: o.department, city: o.city, severity: o.severity }),
  );
  return seen;
}

describe('naming as rows are normalised', () => {
  it('without a table or a units file, every value as written', async () => {
    expect((await orders(null)).map((o) => Object.values(o))).toEqual([
      ['11', 'D1', 'C1', '1'],
      ['12', 'D2', 'C1', '2'],
      ['县公司', 'D9', null, '3'],
      ['99', null, 'C2', null],
    ]);
  });

  it('the code table names 处理部门, 地市 (by field) and 紧急程度 (a 投诉等级 table), and the unit', async () => {
    expect((await orders({ units: null, rollup: 0, codes })).map((o) => Object.values(o))).toEqual([
      ['甲所', '营销部', '黄山', '一般'],
      ['12', '运检部', '黄山', '重要'],
      ['县公司', 'D9', null, '3'], // codes the table lacks stay codes
      ['99', null, 'C2', null],
    ]);
  });

  it('the units file names the unit, over the code table; rolled up one level', async () => {
    const named = await orders({ units, rollup: 0, codes });
    expect(named.map((o) => o.unit)).toEqual(['甲所', '乙所', '县公司', '99']);
    const rolled = await orders({ units, rollup: 1, codes });
    expect(rolled.map((o) => o.unit)).toEqual(['县公司', '县公司', '县公司', '99']);
  });
});
