import { describe, expect, it } from 'vitest';
import { RowPlacement } from '../../src/io/placement.js';

describe('RowPlacement: the first input fixes the columns, later ones are placed by name', () => {
  it('places by field (工单号 is 工单编号), then by header; other columns are dropped', () => {
    const placement = new RowPlacement();
    const first = ['工单编号', '受理时间', '供电单位', '备注'];
    const second = ['国网工单编号', '供电单位', '受理时间', '其他', ''];
    expect(placement.columns).toBeNull();
    expect(placement.place({ headers: first, cells: ['A1', 't1', 'u1', 'n1'] }, ['x'])).toEqual([
      'A1',
      't1',
      'u1',
      'n1',
      'x',
    ]);
    expect(
      placement.place({ headers: second, cells: ['A2', 'u2', 't2', 'o2', 'e2'] }, [1, 2]),
    ).toEqual(['A2', 't2', 'u2', null, 1, 2]);
    // A short row leaves its missing cells empty.
    expect(placement.place({ headers: first, cells: ['A3'] }, [])).toEqual([
      'A3',
      null,
      null,
      null,
    ]);
    expect(placement.columns).toEqual(first);
    expect([...placement.dropped]).toEqual(['其他']);
  });
});
