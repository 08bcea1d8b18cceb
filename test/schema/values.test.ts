import { describe, expect, it } from 'vitest';
import {
  cellText,
  cleanText,
  formatLocal,
  fromExcelSerial,
  localTime,
  monthIndexToString,
  parseAppeal,
  parseDate,
  parseFlag,
  parseIsoAt,
  parseSubstantiated,
  TextCache,
  visible,
} from '../../src/schema/values.js';

const at = (value: Parameters<typeof parseDate>[0]): string | null => {
  const t = parseDate(value);
  return t === null ? null : formatLocal(t.ms);
};

describe('parseDate', () => {
  it.each([
    ['2016-05-03 10:22:11', '2016-05-03 10:22:11'],
    ['2016/5/3 9:05', '2016-05-03 09:05:00'],
    ['2016/05/03', '2016-05-03 00:00:00'],
    ['2016.5.3', '2016-05-03 00:00:00'],
    ['2016年5月3日', '2016-05-03 00:00:00'],
    ['2016年5月3日 9时5分', '2016-05-03 09:05:00'],
    ['2016年5月3日 09:05:07', '2016-05-03 09:05:07'],
    ['2016-05-03T10:22:11', '2016-05-03 10:22:11'],
    ['2016-05-03 10:22:11.000', '2016-05-03 10:22:11'],
    ['20160503', '2016-05-03 00:00:00'],
    ['20160503102211', '2016-05-03 10:22:11'],
    ['  2016-05-01 00:30:00 ', '2016-05-01 00:30:00'],
    ['２０１６－０５－０３', '2016-05-03 00:00:00'], // full-width digits
    ['42493', '2016-05-03 00:00:00'], // an Excel serial written as text
    ['42493.5', '2016-05-03 12:00:00'],
    ['2016-02-29', '2016-02-29 00:00:00'], // leap year
    // The 19-character form read from char codes, and its near misses that fall through.
    ['1999-12-31 23:59:59', '1999-12-31 23:59:59'],
    ['2016-05-03 10:22:11 ', '2016-05-03 10:22:11'],
    [' 2016-05-03 10:22:1', '2016-05-03 10:22:01'],
    ['2016-05-03  0:22:11', '2016-05-03 00:22:11'],
    ['２０１６-05-03 10:22:11', '2016-05-03 10:22:11'],
  ])('%s → %s', (text, expected) => {
    expect(at(text)).toBe(expected);
  });

  it.each([
    ['2016-02-30'],
    ['2015-02-29'],
    ['2016-13-45'],
    ['2016-04-31'],
    ['2016-05-03 24:00'],
    ['2016-05-03 10:60'],
    ['2016-02-30 10:22:11'],
    ['2016-05-03 10:22:60'],
    ['2016-05-03 24:22:11'],
    ['2016-05-0a 10:22:11'],
    ['2016-05-03x10:22:11'],
    ['2016-05-03 10-22-11'],
    ['1899-12-31 10:22:11'],
    ['明天'],
    ['2016'],
    ['0'],
    [''],
  ])('%s is not a date', (text) => {
    expect(parseDate(text)).toBeNull();
  });

  it('reads Excel serial numbers, including the time of day, to the second', () => {
    expect(at(42493.43207175926)).toBe('2016-05-03 10:22:11');
    expect(at(42491.0208333333)).toBe('2016-05-01 00:30:00');
    expect(at(61)).toBe('1900-03-01 00:00:00');
    expect(at(59)).toBe('1900-02-28 00:00:00');
    expect(fromExcelSerial(60)).toBeNull(); // 1900-02-29 never existed
    expect(fromExcelSerial(-1)).toBeNull();
  });

  it('takes a Date by its UTC parts, the way readers build them from Excel serials', () => {
    expect(at(new Date(Date.UTC(2016, 4, 1, 0, 30, 0)))).toBe('2016-05-01 00:30:00');
    // a serial's binary fraction rounds to the nearest second
    expect(at(new Date(Date.UTC(2016, 4, 31, 23, 59, 59) + 999))).toBe('2016-06-01 00:00:00');
    expect(parseDate(new Date(Number.NaN))).toBeNull();
  });

  it('puts the first and last minutes of a month in that month', () => {
    expect(monthIndexToString(parseDate('2016-05-01 00:00:00')!.monthIndex)).toBe('2016-05');
    expect(monthIndexToString(parseDate('2016-05-31 23:59:59')!.monthIndex)).toBe('2016-05');
    expect(monthIndexToString(parseDate('2016-12-31 23:59:59')!.monthIndex)).toBe('2016-12');
    expect(monthIndexToString(parseDate('2017-01-01 00:00:00')!.monthIndex)).toBe('2017-01');
  });
});

describe('cleanText', () => {
  it.each([
    ['国网黄山供电公司（市直）', '国网黄山供电公司(市直)'],
    ['国网黄山供电公司(市直) ', '国网黄山供电公司(市直)'],
    ['\u3000国网歙县供电公司\u3000', '国网歙县供电公司'],
    ['ＡＢＣ１２３', 'ABC123'],
    ['  plain  ', 'plain'],
  ])('%j → %j', (raw, clean) => {
    expect(cleanText(raw)).toBe(clean);
  });

  it.each([
    ['国网\u0001歙县供电公司', '国网歙县供电公司', 1],
    ['国网歙县\u0000供电公司\u0000', '国网歙县供电公司', 1],
    ['投诉\u007f', '投诉', 1],
    ['\u0085国网黄山供电公司\u009f', '国网黄山供电公司', 1],
    ['国网\t歙县\r\n供电公司', '国网歙县供电公司', 1],
    ['GD\u000b1001', 'GD1001', 1],
    // Space at the ends is trimmed as before, and not counted as a cleaned value.
    ['\t国网歙县供电公司\r\n', '国网歙县供电公司', 0],
    ['国网歙县供电公司', '国网歙县供电公司', 0],
  ])('removes control characters: %j → %j, counted %i', (raw, clean, counted) => {
    const count = { controls: 0 };
    expect(cleanText(raw, count)).toBe(clean);
    expect(count.controls).toBe(counted);
  });
});

describe('visible', () => {
  it.each([
    ['2016-05-03', '2016-05-03'],
    ['\u001b[2J2016', '\\x1b[2J2016'],
    ['\u001b]0;title\u0007', '\\x1b]0;title\\x07'],
    ['a\tb\r\nc\u0000', 'a\\tb\\r\\nc\\x00'],
    ['\u009b31m', '\\x9b31m'],
  ])('%j → %j', (raw, shown) => {
    expect(visible(raw)).toBe(shown);
  });
});

describe('TextCache', () => {
  it('counts every occurrence of a value it cleaned of control characters, cached or not', () => {
    const cache = new TextCache();
    const values = ['国网\u0001歙县', '国网歙县', '国网\u0001歙县', '国网\u0001歙县', '投诉'];
    expect(values.map((v) => cache.clean(v))).toEqual([
      '国网歙县',
      '国网歙县',
      '国网歙县',
      '国网歙县',
      '投诉',
    ]);
    expect(cache.count.controls).toBe(3);
  });
});

describe('cellText', () => {
  it.each([
    [null, ''],
    ['x', 'x'],
    [2016050312345678, '2016050312345678'],
    [1.5, '1.5'],
    [true, 'true'],
    [new Date(Date.UTC(2016, 4, 3, 10, 22, 11)), '2016-05-03 10:22:11'],
  ])('%j → %j', (cell, text) => {
    expect(cellText(cell)).toBe(text);
  });
});

describe('flags', () => {
  it.each([
    ['是', true],
    ['Y', true],
    ['1', true],
    ['true', true],
    ['否', false],
    ['n', false],
    ['0', false],
    ['FALSE', false],
    ['', null],
    ['也许', undefined],
  ])('parseFlag(%j) = %j', (text, flag) => {
    expect(parseFlag(text)).toBe(flag);
  });

  it.each([
    ['属实', 'yes'],
    ['不属实', 'no'],
    ['部分属实', 'partial'],
    ['是', 'yes'],
    ['否', 'no'],
    ['', null],
    ['待核实', undefined],
  ])('parseSubstantiated(%j) = %j', (text, value) => {
    expect(parseSubstantiated(text)).toBe(value);
  });

  it.each([
    ['申诉成功', 'approved'],
    ['申诉通过', 'approved'],
    ['是', 'approved'],
    ['申诉失败', 'rejected'],
    ['申诉不通过', 'rejected'],
    ['驳回', 'rejected'],
    ['否', 'rejected'],
    ['未申诉', 'none'],
    ['', 'none'],
    ['申诉中', 'pending'],
    ['待审核', 'pending'],
    ['什么', undefined],
  ])('parseAppeal(%j) = %j', (text, value) => {
    expect(parseAppeal(text)).toBe(value);
  });
});

describe('localTime: days from digits, no Date', () => {
  it.each([
    [1900, 1, 1, 0, 0, 0, -25_567, -2_208_988_800_000],
    [1970, 1, 1, 0, 0, 0, 0, 0],
    [2000, 2, 29, 23, 59, 59, 11_016, 951_868_799_000],
    [2016, 3, 1, 10, 22, 11, 16_861, 1_456_827_731_000],
    [2999, 12, 31, 12, 0, 0, 376_199, 32_503_636_800_000],
  ])('%i-%i-%i %i:%i:%i is day %i, %i ms', (y, mo, d, h, mi, s, day, ms) => {
    expect(localTime(y, mo, d, h, mi, s)).toEqual({
      ms,
      monthIndex: y * 12 + mo - 1,
      dayIndex: day,
    });
  });

  it('agrees with Date.UTC on every day from 1900 to 2999', () => {
    let differing = 0;
    for (let y = 1900; y <= 2999; y++)
      for (let mo = 1; mo <= 12; mo++)
        for (let d = 1; d <= 31; d++) {
          const t = localTime(y, mo, d, 13, 5, 9);
          if (t === null) continue;
          const ms = Date.UTC(y, mo - 1, d, 13, 5, 9);
          if (t.ms !== ms || t.dayIndex !== Math.floor(ms / 86_400_000)) differing++;
        }
    expect(differing).toBe(0);
  });
});

describe('parseIsoAt: the usual form, its days remembered', () => {
  const iso = (y: number, mo: number, d: number) =>
    `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')} 13:05:09`;

  it('agrees with Date.UTC on every day from 1900 to 2999, read twice', () => {
    let differing = 0;
    for (let round = 0; round < 2; round++)
      for (let y = 1900; y <= 2999; y += round === 0 ? 1 : 7)
        for (let mo = 1; mo <= 12; mo++)
          for (let d = 1; d <= 31; d++) {
            const ms = Date.UTC(y, mo - 1, d, 13, 5, 9);
            const real = new Date(ms).getUTCDate() === d;
            const t = parseIsoAt(`x,${iso(y, mo, d)},`, 2);
            if (real ? t?.ms !== ms || t.dayIndex !== Math.floor(ms / 86_400_000) : t !== null)
              differing++;
          }
    expect(differing).toBe(0);
  });

  it('refuses a day the month lacks, or a wrong month or hour, right after real ones', () => {
    expect(parseIsoAt(iso(2017, 1, 1), 0)?.dayIndex).toBe(17_167);
    expect(parseIsoAt(iso(2016, 2, 29), 0)?.dayIndex).toBe(16_860);
    expect(parseIsoAt(iso(2016, 2, 30), 0)).toBeNull();
    expect(parseIsoAt(iso(2015, 2, 29), 0)).toBeNull();
    expect(parseIsoAt(iso(2016, 13, 1), 0)).toBeNull();
    expect(parseIsoAt(iso(2016, 0, 1), 0)).toBeNull();
    expect(parseIsoAt('2017-01-01 24:00:00', 0)).toBeNull();
    expect(parseIsoAt('2017-01-01 23:60:00', 0)).toBeNull();
    expect(parseIsoAt('2017-01-01 23:59:59', 0)?.ms).toBe(Date.UTC(2017, 0, 1, 23, 59, 59));
    expect(parseIsoAt('2017-01-0x 23:59:59', 0)).toBeUndefined();
  });
});
