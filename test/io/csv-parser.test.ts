import { describe, expect, it } from 'vitest';
import {
  CSV_LIMITS,
  CsvLimitError,
  CsvParser,
  type CsvLimits,
  type CsvRecord,
} from '../../src/io/csv-parser.js';

/** Parses `text` fed in pieces of the given sizes (repeated), as the reader feeds chunks. */
function parse(text: string, sizes: number[] = [text.length || 1], limits?: CsvLimits) {
  const parser = new CsvParser(',', limits);
  const records: CsvRecord[] = [];
  let at = 0;
  for (let k = 0; at < text.length; k++) {
    const size = sizes[k % sizes.length]!;
    parser.push(text.slice(at, at + size));
    records.push(...parser.records);
    parser.records = [];
    at += size;
  }
  parser.end();
  records.push(...parser.records);
  return records;
}

const rows = (records: CsvRecord[]) => records.map((r) => [r.row, ...r.cells]);

describe('line ends', () => {
  it('ends a record at CRLF, LF and a lone CR alike, and numbers lines as an editor does', () => {
    const text = 'a,b\r\n1,x\n2,y\r3,z\r\n\r4,w';
    expect(rows(parse(text))).toEqual([
      [1, 'a', 'b'],
      [2, '1', 'x'],
      [3, '2', 'y'],
      [4, '3', 'z'],
      [5, ''],
      [6, '4', 'w'],
    ]);
  });

  it('keeps line breaks inside quotes as data and still counts their lines', () => {
    const text = 'h1,h2\n"a\r\nb\rc\nd",x\r\n"""q""",y\rz,"\n"\n';
    expect(rows(parse(text))).toEqual([
      [1, 'h1', 'h2'],
      [2, 'a\r\nb\rc\nd', 'x'],
      [6, '"q"', 'y'],
      [7, 'z', '\n'],
    ]);
  });

  it('gives the same records whatever the chunk boundaries (CR|LF, ""|, quote|delimiter)', () => {
    const text =
      'id,when,unit,text\r\n1,2016-05-03,A,"say ""hi"",\r\nthen\rleave"\r2,2016-05-04,B,plain\n' +
      '3,2016-05-05,"C, D",""\r\n\r\n4,,E,"x"y\n5,2016-05-06,F,"open\r\n';
    const whole = parse(text);
    expect(whole.map((r) => [r.row, r.problem])).toEqual([
      [1, null],
      [2, null],
      [5, null],
      [6, null],
      [7, null],
      [8, 'malformed'],
      [9, 'unbalanced'],
    ]);
    for (const sizes of [[1], [2], [3], [7], [1, 2, 5, 11], [64]]) {
      expect(parse(text, sizes)).toEqual(whole);
    }
  });

  it('ends the input without a final line end, with a trailing delimiter, or after a blank line', () => {
    expect(rows(parse('a,b'))).toEqual([[1, 'a', 'b']]);
    expect(rows(parse('a,b,'))).toEqual([[1, 'a', 'b', '']]);
    expect(rows(parse('a\n\n'))).toEqual([
      [1, 'a'],
      [2, ''],
    ]);
    expect(rows(parse('"a"'))).toEqual([[1, 'a']]);
    expect(parse('')).toEqual([]);
  });
});

describe('quote problems', () => {
  it('marks text after a closing quote as malformed and reads on', () => {
    const records = parse('1,"ab"c,d\n2,e,f\n');
    expect(records.map((r) => [r.row, r.problem, r.cells])).toEqual([
      [1, 'malformed', ['1', 'abc', 'd']],
      [2, null, ['2', 'e', 'f']],
    ]);
  });

  it('reads a quote inside an unquoted field as a character', () => {
    expect(rows(parse('a"b,c"\n'))).toEqual([[1, 'a"b', 'c"']]);
  });

  it('reports an unbalanced quote with the line it opened on and the lines it swallowed', () => {
    const [first, broken] = parse('h\n1,"x\n2\r\n3\n');
    expect(first!.problem).toBe(null);
    expect(broken).toMatchObject({ row: 2, problem: 'unbalanced', quoteLine: 2, lines: 3 });
    expect(broken!.cells).toEqual(['1', 'x\n2\r\n3\n']);
    // Without a final line end the last line still counts.
    expect(parse('h\n1,"x\n2')[1]).toMatchObject({ quoteLine: 2, lines: 2 });
  });
});

describe('firstLine', () => {
  it('numbers records, quoted line breaks and open quotes from the line given', () => {
    const parser = new CsvParser(',', CSV_LIMITS, 101);
    parser.push('a,"b\r\nb"\r\nc,d\n"e');
    parser.end();
    expect(parser.records.map((r) => [r.row, r.problem, r.quoteLine, r.lines])).toEqual([
      [101, null, 0, 0],
      [103, null, 0, 0],
      [104, 'unbalanced', 104, 1],
    ]);
    expect(parser.line).toBe(104);
  });
});

describe('limits', () => {
  const small: CsvLimits = { fieldChars: 10, columns: 4, recordChars: 25 };
  const error = (text: string, sizes?: number[]) => {
    try {
      parse(text, sizes, small);
    } catch (e) {
      return e as CsvLimitError;
    }
    return null;
  };

  it('are those of Excel for a cell and a row', () => {
    expect(CSV_LIMITS).toEqual({ fieldChars: 32_767, columns: 16_384, recordChars: 1_048_576 });
  });

  it.each([
    ['a field', 'h\nok\n12345678901\n', 'fieldChars', 3, null],
    ['a field cut across chunks', 'h\nok\n12345678901\n', 'fieldChars', 3, null],
    ['columns', 'h\n1,2,3,4,5\n', 'columns', 2, null],
    ['a row', 'h\n1234567890,1234567890,1234567890\n', 'recordChars', 2, null],
    ['a quoted field left open', 'h\nx,"12\n345\n678\n90\n', 'fieldChars', 2, 2],
  ])('refuse %s over them, naming the line', (name, text, limit, line, quoteLine) => {
    const sizes = name.includes('across') || name.includes('open') ? [3] : undefined;
    const e = error(text, sizes);
    expect(e).toBeInstanceOf(CsvLimitError);
    expect([e!.limit, e!.line, e!.quoteLine]).toEqual([limit, line, quoteLine]);
  });

  it('accept a field of exactly the limit', () => {
    expect(rows(parse('1234567890,a\n', [4], small))).toEqual([[1, '1234567890', 'a']]);
  });
});

describe('speed', () => {
  it('reads one 40 MB record in time linear in its size, refusing it at the field limit', () => {
    const line = 'x'.repeat(40 * 1024 * 1024);
    const started = performance.now();
    const parser = new CsvParser(',');
    let refused: unknown = null;
    try {
      for (let at = 0; at < line.length; at += 65_536) parser.push(line.slice(at, at + 65_536));
    } catch (e) {
      refused = e;
    }
    expect(refused).toBeInstanceOf(CsvLimitError);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('parses a quoted 32,000-character field fed 16 characters at a time without re-reading it', () => {
    const field = 'ab\n"'.repeat(4000).replace(/"/g, '""');
    const text = `h\n"${field}",1\n`;
    const started = performance.now();
    const records = parse(text, [16]);
    expect(performance.now() - started).toBeLessThan(500);
    expect(records[1]!.cells).toEqual(['ab\n"'.repeat(4000), '1']);
    expect(records[1]!.row).toBe(2);
  });
});
