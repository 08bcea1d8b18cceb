import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { guardFormula, prepareRowWriter } from '../../src/io/rows.js';

describe('guardFormula', () => {
  it.each([
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['+86 138 0000 0000', "'+86 138 0000 0000"],
    ['-cmd', "'-cmd"],
    ['@import', "'@import"],
    ['\t=1', "'\t=1"],
    ['-5', '-5'],
    ['+3.5', '+3.5'],
    ['客户反映=电压低', '客户反映=电压低'],
    ['', ''],
  ])('%j → %j', (text, guarded) => {
    expect(guardFormula(text)).toBe(guarded);
  });
});

describe('prepareRowWriter', () => {
  it('takes .xlsx and .csv only, and refuses a folder that does not exist, before any work', async () => {
    await expect(prepareRowWriter('out.txt', 'x')).rejects.toThrow(InputError);
    await expect(prepareRowWriter('/no/such/folder/out.csv', 'x')).rejects.toThrow(
      /does not exist or is not writable/,
    );
  });
});
