import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { readAll } from '../helpers/read.js';

const dir = mkdtempSync(join(tmpdir(), 'complaints-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, bytes: Buffer | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

const HEADER = ['工单编号', '受理时间', '供电单位', '受理内容'];
const DATA = [
  ['1001', '2016-05-03 10:22:11', '国网歙县供电公司', '客户反映电压低，家电无法使用'],
  ['1002', '2016/5/3 9:05', '国网黄山供电公司（市直）', '客户称抄表员估抄，电费偏高'],
];
const csv = (rows: string[][], delimiter = ',', newline = '\n') =>
  rows.map((r) => r.join(delimiter)).join(newline) + newline;

describe('CSV encodings', () => {
  const text = csv([HEADER, ...DATA]);
  it.each([
    ['utf8.csv', Buffer.from(text), 'utf-8'],
    ['utf8-bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'utf-8'],
    ['gb18030.csv', iconv.encode(text, 'gb18030'), 'gb18030'],
    [
      'utf16le.txt',
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from(csv([HEADER, ...DATA], '\t'), 'utf16le'),
      ]),
      'utf-16le',
    ],
    [
      'utf16be.txt',
      Buffer.concat([
        Buffer.from([0xfe, 0xff]),
        iconv.encode(csv([HEADER, ...DATA], ';'), 'utf-16be'),
      ]),
      'utf-16be',
    ],
    ['crlf.csv', Buffer.from(csv([HEADER, ...DATA], ',', '\r\n')), 'utf-8'],
  ])('%s reads back the same cells', async (name, bytes, encoding) => {
    const result = await readAll(file(name, bytes));
    expect(result.encoding).toBe(encoding);
    expect(result.rows.map((r) => r.cells)).toEqual([HEADER, ...DATA]);
    expect(result.rows.map((r) => r.row)).toEqual([1, 2, 3]);
  });

  it('decodes the four-byte GB18030 sequences (characters beyond GBK) and the euro sign', async () => {
    const rare = '𠀀𪚥䶮€';
    const path = file(
      'gb-rare.csv',
      iconv.encode(`工单编号,受理时间,供电单位,受理内容\n1,2016-05-03,A,${rare}\n`, 'gb18030'),
    );
    const result = await readAll(path);
    expect(result.rows[1]!.cells[3]).toBe(rare);
  });

  it('--encoding overrides the sniffing', async () => {
    const path = file('forced.csv', iconv.encode(text, 'gb18030'));
    const result = await readAll(path, { encoding: 'gbk' });
    expect(result.encoding).toBe('gb18030');
    expect(result.rows[2]!.cells[2]).toBe('国网黄山供电公司（市直）');
  });

  it('keeps GB18030 characters whole across read chunks of a multi-megabyte file', async () => {
    const rows = [HEADER];
    for (let i = 0; i < 20_000; i++)
      rows.push([
        `GD${i}`,
        '2016-05-03',
        '国网歙县供电公司',
        `第${i}号：客户反映小区频繁停电，要求尽快处理并答复。`,
      ]);
    const path = file('big-gb.csv', iconv.encode(csv(rows), 'gb18030'));
    const result = await readAll(path);
    expect(result.rows.length).toBe(rows.length);
    const wrong = result.rows.filter((r, i) => r.cells.join('|') !== rows[i]!.join('|')).length;
    expect(wrong).toBe(0);
  });
});

describe('CSV structure', () => {
  it('keeps quoted delimiters, quotes and newlines, and numbers rows by the line they start on', async () => {
    const path = file(
      'quoted.csv',
      '工单编号,受理时间,供电单位,受理内容\n' +
        '1,2016-05-03,A,"客户反映：""电压低""，\n要求处理"\n' +
        '2,2016-05-03,B,"含,逗号"\n' +
        '\n' +
        '3,2016-05-03,C,x\n',
    );
    const { rows } = await readAll(path);
    expect(rows.map((r) => r.row)).toEqual([1, 2, 4, 5, 6]);
    expect(rows[1]!.cells[3]).toBe('客户反映："电压低"，\n要求处理');
    expect(rows[2]!.cells[3]).toBe('含,逗号');
    expect(rows[3]!.cells).toEqual(['']);
  });

  it('turns an unbalanced quote into a broken row with its line, not a crash', async () => {
    const path = file(
      'open-quote.csv',
      '工单编号,受理时间,供电单位,受理内容\n1,2016-05-03,A,x\n2,2016-05-03,B,"never closed\n3,2016-05-03,C,y\n',
    );
    const { rows, broken } = await readAll(path);
    expect(rows.map((r) => r.row)).toEqual([1, 2]);
    expect(broken).toEqual([
      {
        row: 3,
        cells: ['2', '2016-05-03', 'B', 'never closed\n3,2016-05-03,C,y\n'],
        code: 'quote',
        reason: expect.stringMatching(
          /unbalanced quote: a field opened with " on line 3 never closes/,
        ),
      },
    ]);
  });

  it.each([
    ['tab', '工单编号\t受理时间\t供电单位\n1\t2016-05-03\t客户,反映\n', '\t'],
    ['semicolon', '工单编号;受理时间;供电单位\n1;2016-05-03;A\n', ';'],
  ])('sniffs a %s delimiter', async (_name, text, delimiter) => {
    const result = await readAll(file(`delim-${_name}.csv`, text));
    expect(result.delimiter).toBe(delimiter);
    expect(result.rows[1]!.cells.length).toBe(3);
  });
});
