import { describe, expect, it } from 'vitest';
import { CsvLimitError, CsvParser, type CsvRecord } from '../../src/io/csv-parser.js';
import { utf8Pieces } from '../helpers/utf8-pieces.js';

/** Records of `text` fed in pieces of `size`, by the parser in strings or in fields mode. */
function parse(text: string, size: number, fields: boolean): unknown[] {
  const parser = new CsvParser(',');
  if (fields) parser.useFields();
  const out: CsvRecord[] = [];
  const drain = () => {
    const batch = parser.batch;
    if (batch === null) {
      out.push(...parser.records);
      parser.records = [];
      return;
    }
    for (let k = 0; k < batch.count; k++) out.push(batch.record(k));
    batch.clear();
  };
  for (let at = 0; at < text.length; at += size) {
    parser.push(text.slice(at, at + size));
    drain();
  }
  parser.end();
  drain();
  return out.map((r) => [r.row, r.problem, r.quoteLine, r.lines, ...r.cells]);
}

const TEXTS = [
  'id,when,unit,text\r\n1,2016-05-03,A,"say ""hi"",\r\nthen\rleave"\r2,2016-05-04,B,plain\n' +
    '3,2016-05-05,"C, D",""\r\n\r\n4,,E,"x"y\n5,2016-05-06,F,"open\r\n',
  'a,b\r\n1,x\n2,y\r3,z\r\n\r4,w',
  'h1,h2\n"a\r\nb\rc\nd",x\r\n"""q""",y\rz,"\n"\n',
  '工单编号,受理时间,供电单位\n1,2016-05-03 10:22:11,"国网黄山供电公司（市直）"\n2,,"a""b"""\n3,x,\n,,\n',
  'a,"b""",c\n"",""""\n"x",y,"z"\r\n1,"2"3,4\n',
  '"unclosed,a\nb,c\n',
];

describe('fields mode (offsets into the chunk)', () => {
  it('gives the records of the strings mode, whatever the chunk sizes', () => {
    for (const text of TEXTS) {
      const expected = parse(text, text.length, false);
      for (const size of [1, 2, 3, 5, 7, 16, 64, text.length])
        expect(parse(text, size, true), `${JSON.stringify(text)} in pieces of ${size}`).toEqual(
          expected,
        );
    }
  });

  it('keeps ordinary records as offsets, and the rest as strings', () => {
    const parser = new CsvParser(',').useFields();
    parser.push('a,"b""c",d\r\n"e\nf",g,h\n1,2,3\n4,5');
    const batch = parser.batch!;
    expect(batch.count).toBe(3);
    expect(batch.slowAt(0)).toBeNull();
    expect(batch.cells(0)).toEqual(['a', 'b"c', 'd']);
    expect(batch.ends[1]! < 0).toBe(true); // a field with "" escapes
    expect(batch.slowAt(1)?.cells).toEqual(['e\nf', 'g', 'h']);
    expect(batch.rows[1]).toBe(2);
    expect(batch.slowAt(2)).toBeNull();
    expect(batch.rows[2]).toBe(4);
    expect(() => parser.push('x')).toThrow(/not drained/);
  });

  it('refuses what the strings mode refuses, on the same line', () => {
    const long = 'h\n' + 'x'.repeat(40_000) + '\n';
    for (const fields of [false, true]) {
      const parser = new CsvParser(',');
      if (fields) parser.useFields();
      let error: unknown = null;
      try {
        parser.push(long);
        parser.end();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(CsvLimitError);
      expect((error as CsvLimitError).line).toBe(2);
    }
  });
});

/**
 * Records of `text` as the bytes mode reads them (UTF-8 pieces of about `size` bytes cut at
 * character boundaries), and whether each piece ended a record (atRecordStart).
 */
function parseBytes(text: string, size: number): { records: unknown[]; starts: boolean[] } {
  const parser = new CsvParser(',').useFields();
  const out: CsvRecord[] = [];
  const starts: boolean[] = [];
  for (const piece of utf8Pieces(Buffer.from(text), size)) {
    parser.pushBytes(piece);
    starts.push(parser.atRecordStart);
    const batch = parser.batch!;
    for (let k = 0; k < batch.count; k++) out.push(batch.record(k));
    batch.clear();
  }
  parser.end();
  for (let k = 0; k < parser.batch!.count; k++) out.push(parser.batch!.record(k));
  const records = out.map((r) => [r.row, r.problem, r.quoteLine, r.lines, ...r.cells]);
  return { records, starts };
}

/** atRecordStart after each of the strings mode's pieces with the same text as `pieces`. */
function stringStarts(text: string, size: number): boolean[] {
  const parser = new CsvParser(',');
  return utf8Pieces(Buffer.from(text), size).map((piece) => {
    parser.push(piece.toString());
    return parser.atRecordStart;
  });
}

const BYTE_TEXTS = [
  ...TEXTS,
  '单位,内容\r国网😀供电公司,"说""停电""了"\r𠀀,😀\r',
  '单位,内容\r\n国网歙县,"客户\r\n反映😀"\r\n"a",b',
  '工单,内容\n1,"' + '电'.repeat(20_000) + '"\n2,短\n',
  '\uFEFF工单,内容\n1,é€𠀀\n',
];

describe('bytes mode (offsets into UTF-8 bytes)', () => {
  it('gives the records, lines and record ends of the strings mode, whatever the pieces', () => {
    for (const text of BYTE_TEXTS) {
      const expected = parse(text, text.length, false);
      const bytes = Buffer.byteLength(text);
      for (const size of [1, 2, 3, 4, 5, 7, 16, 64, 1000, bytes]) {
        const { records, starts } = parseBytes(text, size);
        const what = `${JSON.stringify(text.slice(0, 80))} in pieces of ${size} bytes`;
        expect(records, what).toEqual(expected);
        expect(starts, what).toEqual(stringStarts(text, size));
      }
    }
  });

  it('keeps ordinary records as byte offsets, and the rest as strings', () => {
    const parser = new CsvParser(',').useFields();
    parser.pushBytes(Buffer.from('国网,"b""😀",d\r\n"e\nf",g,h\n1,2,3\n4,5'));
    const batch = parser.batch!;
    expect(batch.count).toBe(3);
    expect(batch.slowAt(0)).toBeNull();
    expect([batch.starts[1], batch.ends[1]]).toEqual([8, ~15]); // bytes, "" to unescape
    expect(batch.cells(0)).toEqual(['国网', 'b"😀', 'd']);
    expect(batch.slowAt(1)?.cells).toEqual(['e\nf', 'g', 'h']);
    expect(batch.rows[1]).toBe(2);
    expect(batch.slowAt(2)).toBeNull();
    expect(batch.rows[2]).toBe(4);
    expect(() => parser.pushBytes(Buffer.from('x'))).toThrow(/not drained/);
  });

  it('refuses a field of 40,000 ASCII characters on its line, and reads 20,000 Chinese ones', () => {
    const parser = new CsvParser(',').useFields();
    expect(() => parser.pushBytes(Buffer.from('h\n' + 'x'.repeat(40_000) + '\n'))).toThrow(
      expect.objectContaining({ limit: 'fieldChars', line: 2 }),
    );
    const chinese = '电'.repeat(20_000);
    const { records } = parseBytes(`h\n${chinese}\n`, 64 * 1024);
    expect(records).toEqual([
      [1, null, 0, 0, 'h'],
      [2, null, 0, 0, chinese],
    ]);
  });
});
