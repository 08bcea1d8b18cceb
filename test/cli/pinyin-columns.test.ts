/**
 * The pinyin export's khbh and lxdh are 客户编号 and 联系电话 (review3 #10: left unmapped, so
 * analyze said it needed the columns the file has).
 */
import { describe, expect, it } from 'vitest';
import { complaints } from '../helpers/cli.js';

const PINYIN = 'fixtures/95598-2016-08-pinyin.csv';

describe('pinyin headers', () => {
  it('khbh → customerId, lxdh → phone; nothing left unmapped; repeats judged', () => {
    const inputs = JSON.parse(complaints(['inspect', PINYIN, '--json']).stdout).inputs;
    const columns: { header: string; field: string }[] = inputs[0].columns;
    expect(columns.filter((c) => ['khbh', 'lxdh'].includes(c.header))).toEqual([
      { header: 'khbh', field: 'customerId', column: 9 },
      { header: 'lxdh', field: 'phone', column: 10 },
    ]);
    expect(inputs[0].unmapped).toEqual([]);
    const analyzed = complaints(['analyze', PINYIN]);
    expect(analyzed.stdout).toContain('重复投诉（客户编号）');
    expect(analyzed.stdout + analyzed.stderr).not.toContain('需要客户编号或联系电话列');
  });
});
