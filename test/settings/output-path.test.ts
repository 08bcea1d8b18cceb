import { describe, expect, it } from 'vitest';
import { outputPath, periodLabel } from '../../src/settings/output-path.js';
import { daysFromCivil } from '../../src/metrics/calendar.js';

const day = (text: string) => {
  const [y, m, d] = text.split('-').map(Number);
  return daysFromCivil(y!, m!, d!);
};

describe('outputPath', () => {
  const q4 = { label: '2016Q4', from: '2016-10', to: '2016-12' };
  it.each<[string, { label: string; from: string; to: string }, string]>([
    ['reports/投诉分析-{period}.xlsx', q4, 'reports/投诉分析-2016Q4.xlsx'],
    [
      '/srv/out/{period}.xlsx',
      { label: '2016-11', from: '2016-11', to: '2016-11' },
      '/srv/out/2016-11.xlsx',
    ],
    ['{period}.json', { label: '2016', from: '2016-01', to: '2016-12' }, '2016.json'],
    [
      'report-{period}.xlsx',
      { label: '2016-01_2016-06', from: '2016-01', to: '2016-06' },
      'report-2016-01_2016-06.xlsx',
    ],
    ['{from}_{to}.xlsx', q4, '2016-10_2016-12.xlsx'],
    ['{date}/{period}-{date}.xlsx', q4, '2017-01-02/2016Q4-2017-01-02.xlsx'],
    ['fixed.xlsx', q4, 'fixed.xlsx'],
    ['{other}-{period}.xlsx', q4, '{other}-2016Q4.xlsx'],
    [
      '{period}.xlsx',
      { label: '2016/Q4: all', from: '2016-10', to: '2016-12' },
      '2016_Q4_ all.xlsx',
    ],
  ])('%s with %j', (pattern, period, expected) => {
    expect(outputPath(pattern, period, day('2017-01-02'))).toBe(expected);
  });

  it('{date} pads month and day', () => {
    expect(outputPath('{date}', q4, day('2017-03-05'))).toBe('2017-03-05');
  });

  it.each<[Parameters<typeof periodLabel>, string]>([
    [['month', '2016-11', '2016-11'], '2016-11'],
    [['quarter', '2016-10', '2016-12'], '2016Q4'],
    [['year', '2016-01', '2016-12'], '2016'],
    [['range', '2016-01', '2016-06'], '2016-01_2016-06'],
    [['range', '2016-03', '2016-03'], '2016-03'],
    [['auto', '2016-01', '2016-09'], '2016-01_2016-09'],
  ])('periodLabel%j → %s', (args, label) => {
    expect(periodLabel(...args)).toBe(label);
  });
});
