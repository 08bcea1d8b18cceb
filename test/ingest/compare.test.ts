/**
 * Two copies of a work order compared on their normalised values (ingest/compare.ts): a value
 * written two ways is no change, a changed value is, field by field.
 */
import { describe, expect, it } from 'vitest';
import { changes, comparedValues } from '../../src/ingest/compare.js';
import type { WorkOrder } from '../../src/ingest/types.js';
import { parseAppeal, parseDate, parseFlag } from '../../src/schema/values.js';

const order = (o: Partial<WorkOrder> = {}): WorkOrder => ({
  input: 0,
  row: 2,
  id: '1',
  acceptedAt: parseDate('2016-05-03 10:22:11')!,
  unit: 'A',
  businessType: '投诉',
  isComplaint: true,
  content: '客户反映',
  level1: null,
  level2: null,
  level3: null,
  customerId: null,
  phone: null,
  substantiated: null,
  appeal: 'none',
  closedAt: null,
  repliedAt: null,
  satisfaction: null,
  department: null,
  city: null,
  escalated: null,
  severity: null,
  channel: null,
  urbanRural: null,
  customerType: null,
  station: null,
  address: null,
  cells: [],
  headers: [],
  ...o,
});
const diff = (a: Partial<WorkOrder>, b: Partial<WorkOrder>) =>
  changes(comparedValues(order(a)), comparedValues(order(b)));

describe('copies written two ways are the same', () => {
  it.each([
    ['10:22:11 and 10:22', { acceptedAt: parseDate('2016/5/3 10:22')! }],
    [
      '未申诉 and an empty 申诉结果',
      { appeal: parseAppeal('未申诉')! },
      { appeal: parseAppeal('')! },
    ],
    ['否 and an empty 是否越级', { escalated: parseFlag('否')! }, { escalated: parseFlag('')! }],
    ['未回访 and an empty callback result', { satisfaction: '未回访' }, { satisfaction: null }],
    [
      'an Excel date and a text time',
      { acceptedAt: parseDate(new Date(Date.UTC(2016, 4, 3, 10, 22, 11)))! },
    ],
  ])('%s', (_name, a: Partial<WorkOrder>, b: Partial<WorkOrder> = {}) => {
    expect(diff(a, b)).toEqual([]);
  });
});

describe('copies that differ say in what', () => {
  it.each([
    [{ appeal: 'none' }, { appeal: 'approved' }, [['appealResult', '未申诉', '申诉成功']]],
    [
      { closedAt: null },
      { closedAt: parseDate('2016-05-09 08:07:59')! },
      [['closedAt', '', '2016-05-09 08:07']],
    ],
    [{ businessType: '投诉' }, { businessType: '意见' }, [['businessType', '投诉', '意见']]],
    [
      { escalated: false, substantiated: null },
      { escalated: true, substantiated: 'no' },
      [
        ['substantiated', '', '不属实'],
        ['escalated', '否', '是'],
      ],
    ],
  ] as [Partial<WorkOrder>, Partial<WorkOrder>, string[][]][])('%j → %j', (a, b, want) => {
    expect(diff(a, b).map((c) => [c.field, c.from, c.to])).toEqual(want);
  });
});
