import { describe, expect, it } from 'vitest';
import { CsvLimitError, CsvParser, type CsvRecord } from '../../src/io/csv-parser.js';

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
