import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { detect, normaliseEncoding, sniffDelimiter, sniffEncoding } from '../../src/io/detect.js';
import { InputError } from '../../src/errors.js';

const text = '工单编号,受理时间,供电单位\n1,2016-05-03,国网歙县供电公司\n';

describe('sniffEncoding', () => {
  it.each([
    [
      'UTF-8 with BOM',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
      'utf-8',
      3,
    ],
    ['UTF-8', Buffer.from(text), 'utf-8', 0],
    [
      'UTF-16 LE with BOM',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
      'utf-16le',
      2,
    ],
    [
      'UTF-16 BE with BOM',
      Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]),
      'utf-16be',
      2,
    ],
    ['GB18030', iconv.encode(text, 'gb18030'), 'gb18030', 0],
    ['ASCII', Buffer.from('a,b,c\n1,2,3\n'), 'utf-8', 0],
    // Two exports joined: the reader stops at the first GB18030 line and names it.
    [
      'UTF-8, then GB18030',
      Buffer.concat([Buffer.from(text), iconv.encode(text, 'gb18030')]),
      'utf-8',
      0,
    ],
    [
      'ASCII, then GB18030',
      Buffer.concat([Buffer.from('id,date\n1,2\n'), iconv.encode(text, 'gb18030')]),
      'gb18030',
      0,
    ],
    [
      'GB18030 whose first characters happen to be UTF-8',
      // 吖 is DF B9 in GB18030, a valid two-byte UTF-8 sequence
      iconv.encode('吖吖,' + text, 'gb18030'),
      'gb18030',
      0,
    ],
  ])('%s', (_name, bytes, encoding, bomLength) => {
    expect(sniffEncoding(bytes)).toEqual({ encoding, bomLength });
  });

  it('does not mistake a UTF-8 character cut at the end of the sample for GB18030', () => {
    const bytes = Buffer.from(text + '国网');
    expect(sniffEncoding(bytes.subarray(0, bytes.length - 1)).encoding).toBe('utf-8');
  });
});

describe('sniffDelimiter', () => {
  it.each([
    ['comma', 'a,b,c\n1,2,3\n', ','],
    ['tab', 'a\tb\tc\n1\t2\t3\n', '\t'],
    ['semicolon', 'a;b;c\n1;2,5;3\n4;5;6\n', ';'],
    ['comma, ignoring a title line and quoted commas', '标题\n"a,x",b,c\n1,2,3\n4,5,6\n', ','],
    ['tab with commas in the texts', 'a\tb\n客户反映,电压低\t2\n客户说,停电,三次\t3\n', '\t'],
  ])('%s', (_name, sample, delimiter) => {
    expect(sniffDelimiter(sample)).toBe(delimiter);
  });
});

describe('detect', () => {
  const code = (fn: () => unknown): string => {
    try {
      fn();
    } catch (error) {
      return (error as InputError).code;
    }
    return 'none';
  };

  it('reads a zip as xlsx, and says so when it is named .csv', () => {
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]);
    expect(detect('a.xlsx', zip, null)).toEqual({ format: 'xlsx', note: null });
    expect(detect('a.csv', zip, null)).toMatchObject({
      format: 'xlsx',
      note: expect.stringContaining('a.csv'),
    });
  });

  it('refuses old .xls, encrypted workbooks, binary data and empty files', () => {
    const cfb = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(code(() => detect('a.xls', cfb, null))).toBe('FORMAT_XLS');
    const encrypted = Buffer.concat([cfb, Buffer.from('EncryptionInfo', 'utf16le')]);
    expect(code(() => detect('a.xlsx', encrypted, null))).toBe('FORMAT_ENCRYPTED');
    // A web page is named as one under any name; tab-separated text named .xls is read.
    expect(code(() => detect('a.xls', Buffer.from('<html><table>'), null))).toBe('FORMAT_HTML');
    expect(code(() => detect('a.xlsx', Buffer.from(' <table><tr>'), null))).toBe('FORMAT_HTML');
    expect(detect('a.xls', Buffer.from('工单编号\t受理时间\r\n'), null)).toMatchObject({
      format: 'csv',
      note: expect.stringContaining('a.xls is a text file'),
    });
    expect(code(() => detect('a.csv', Buffer.from([1, 2, 0, 4, 5, 0, 7, 8]), null))).toBe(
      'FORMAT_UNKNOWN',
    );
    expect(code(() => detect('a.csv', Buffer.alloc(0), null))).toBe('FILE_EMPTY');
  });

  it('a forced encoding the text is not in says which it reads as', () => {
    const gb = iconv.encode(text, 'gb18030');
    expect(() => detect('a.csv', gb, 'utf-8')).toThrow(
      'a.csv: this text is not utf-8 (--encoding utf-8); it reads as gb18030.',
    );
    expect(code(() => detect('a.csv', gb, 'utf-8'))).toBe('CSV_ENCODING');
    // Binary data stays binary data, whatever the encoding named.
    expect(code(() => detect('a.csv', Buffer.from([1, 2, 0, 4, 5, 0, 7, 8]), 'utf-8'))).toBe(
      'FORMAT_UNKNOWN',
    );
  });

  it('uses a forced encoding', () => {
    expect(detect('a.csv', iconv.encode(text, 'gb18030'), 'gb18030')).toEqual({
      format: 'csv',
      encoding: 'gb18030',
      bomLength: 0,
      note: null,
    });
  });

  it('reads text named .xlsx or .xlsm as text, and says so', () => {
    const csv = Buffer.from('工单编号,受理时间,供电单位\nA1,2016-05-03,国网歙县供电公司\n');
    expect(detect('exports/a.xlsx', csv, null)).toMatchObject({
      format: 'csv',
      note: 'exports/a.xlsx is a text file (CSV), not an xlsx workbook, despite its name; read as text.',
    });
    expect(detect('a.XLSM', csv, null)).toMatchObject({ format: 'csv', note: expect.any(String) });
    expect(detect('a.txt', csv, null)).toMatchObject({ format: 'csv', note: null });
  });
});

describe('normaliseEncoding', () => {
  it.each([
    ['GBK', 'gb18030'],
    ['gb2312', 'gb18030'],
    ['UTF8', 'utf-8'],
    ['utf-16', 'utf-16le'],
    ['UTF-16BE', 'utf-16be'],
  ])('%s → %s', (name, encoding) => {
    expect(normaliseEncoding(name)).toBe(encoding);
  });

  it('refuses an unknown name', () => {
    expect(() => normaliseEncoding('klingon')).toThrow(/unknown encoding/);
    // Known to iconv, but no export is written in it: Chinese read as mojibake (review3 #10).
    for (const name of ['latin1', 'big5', 'windows-1252'])
      expect(() => normaliseEncoding(name)).toThrow(
        `--encoding ${name}: not an encoding 95598 exports are written in.`,
      );
  });
});
