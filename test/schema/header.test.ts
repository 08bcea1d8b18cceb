import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import type { RawRow } from '../../src/io/table.js';
import { fieldForHeader } from '../../src/schema/fields.js';
import { checkMapping, findHeader, mapHeader } from '../../src/schema/header.js';

const rows = (...lines: string[][]): RawRow[] => lines.map((cells, i) => ({ row: i + 1, cells }));

describe('fieldForHeader', () => {
  it.each([
    ['工单编号', 'id'],
    ['国网工单编号', 'id'],
    ['gdbh', 'id'],
    ['APP_NO', 'id'],
    ['app_no', 'id'],
    [' 受理时间 ', 'acceptedAt'],
    ['受理 时间', 'acceptedAt'],
    ['受理日期', 'acceptedAt'],
    ['ＡＣＣＥＰＴ＿ＴＩＭＥ', 'acceptedAt'],
    ['所属单位', 'unit'],
    ['ORG_NAME', 'unit'],
    ['业务类别', 'businessType'],
    ['BUSI_TYPE_CODE', 'businessType'],
    ['诉求内容', 'content'],
    ['投诉二级分类', 'level2'],
    ['户号', 'customerId'],
    ['核实结果', 'substantiated'],
    ['申诉状态', 'appealResult'],
    ['回访满意度', 'satisfaction'],
    ['是否越级', 'escalated'],
    // Issue 14: the dimensions --by breaks complaints down by.
    ['受理渠道', 'channel'],
    ['来源渠道', 'channel'],
    ['渠道', 'channel'],
    ['ACCEPT_MODE', 'channel'],
    ['accept_mode ', 'channel'],
    ['城乡类别', 'urbanRural'],
    ['城乡标志', 'urbanRural'],
    ['URBAN_RURAL_FLAG', 'urbanRural'],
    ['用电类别', 'customerType'],
    ['客户类别', 'customerType'],
    ['ELEC_TYPE', 'customerType'],
    ['供电所', 'station'],
    ['所属供电所', 'station'],
    ['供电所名称', 'station'],
    ['备注', undefined],
  ])('%j → %s', (header, field) => {
    expect(fieldForHeader(header)).toBe(field);
  });
});

describe('findHeader', () => {
  it('skips title rows, export notes and blank rows above the header', () => {
    const found = findHeader(
      rows(
        ['国网某市供电公司95598工单明细'],
        ['导出时间：2016-12-01 导出人：张三'],
        [],
        ['序号', '工单编号', '受理时间', '供电单位', '业务类型', '备注'],
        ['1', 'A1', '2016-05-03', '国网歙县供电公司', '投诉', ''],
      ),
      {},
    );
    expect(found?.index).toBe(3);
    expect(found?.columns).toEqual({ id: 1, acceptedAt: 2, unit: 3, businessType: 4 });
    expect(found?.unmapped).toEqual(['序号', '备注']);
  });

  it('prefers the row that maps the most fields', () => {
    const found = findHeader(
      rows(['受理时间', '供电单位'], ['工单编号', '受理时间', '供电单位', '业务类型']),
      {},
    );
    expect(found?.index).toBe(1);
  });

  it('finds nothing in rows of plain data', () => {
    expect(findHeader(rows(['1', '2016-05-03', 'x'], ['2', '2016-05-04', 'y']), {})).toBeNull();
  });

  it('keeps the first column when two headers name one field', () => {
    const mapping = mapHeader(['工单编号', '国网工单编号', '受理时间', '供电单位'], {});
    expect(mapping.columns.id).toBe(0);
    expect(mapping.unmapped).toEqual(['国网工单编号']);
  });

  it('lets --map override and add names', () => {
    const mapping = mapHeader(['编号', '受理时间', '管理单位名称', '供电单位'], {
      id: '编号',
      unit: '管理单位名称',
    });
    expect(mapping.columns).toEqual({ id: 0, acceptedAt: 1, unit: 2 });
    expect(mapping.unmapped).toEqual(['供电单位']);
  });
});

describe('checkMapping', () => {
  const expectError = (fn: () => void, code: string, text: RegExp) => {
    try {
      fn();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).code).toBe(code);
      expect((error as InputError).message).toMatch(text);
      return;
    }
    throw new Error('expected an InputError');
  };

  it('names the missing required column, the headers found and the --map hint', () => {
    const mapping = mapHeader(['工单编号', '受理时间', '单位名称'], {});
    expectError(
      () => checkMapping('a.csv', 4, mapping, {}),
      'MISSING_COLUMN',
      /a\.csv: no 供电单位 \(unit\) column in the header on row 4\. Headers found: 工单编号, 受理时间, 单位名称/,
    );
  });

  it('refuses a --map that takes the 业务类型 column from businessType (every row would be a complaint)', () => {
    const headers = ['工单编号', '受理时间', '供电单位', '业务类型'];
    const mapping = mapHeader(headers, { unit: '业务类型' });
    expectError(
      () => checkMapping('a.csv', 1, mapping, { unit: '业务类型' }),
      'MAP_COLUMN_TAKEN',
      /^a\.csv: --map unit=业务类型: '业务类型' is the 业务类型 \(businessType\) column, which would then be read from no column\.$/,
    );
    // Said on purpose, by giving businessType another column, it is read as asked.
    const both = { unit: '业务类型', businessType: '供电单位' };
    expect(() => checkMapping('a.csv', 1, mapHeader(headers, both), both)).not.toThrow();
  });

  it('lets a --map take the column of a field that is not needed (处理部门 as the unit)', () => {
    const headers = ['工单编号', '受理时间', '处理部门', '业务类型'];
    const mapping = mapHeader(headers, { unit: '处理部门' });
    expect(() => checkMapping('a.csv', 1, mapping, { unit: '处理部门' })).not.toThrow();
  });

  it('says when a --map header is not in the file', () => {
    const mapping = mapHeader(['工单编号', '受理时间', '供电单位'], { unit: '管理单位' });
    expectError(
      () => checkMapping('a.csv', 1, mapping, { unit: '管理单位' }),
      'MAP_HEADER_NOT_FOUND',
      /--map unit=管理单位: no column '管理单位'/,
    );
  });
});
