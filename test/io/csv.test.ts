import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import type { InputError } from '../../src/errors.js';
import { csvReader } from '../../src/io/csv.js';
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

/** The reader's refusal of a file, as the user sees it: message, hint and exit code. */
async function refusal(path: string, options: { encoding?: string } = {}) {
  try {
    await readAll(path, options);
  } catch (error) {
    const e = error as InputError;
    return { code: e.code, exit: e.exitCode, message: e.message, hint: e.hint };
  }
  throw new Error(`${path} was read`);
}

/** A seeded generator, so the random line ends are the same at every run. */
function lcg(seed: number) {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
}

const order = (i: number) => [
  `GD${i}`,
  `2016-05-${String(1 + (i % 28)).padStart(2, '0')} 10:22:11`,
  '国网歙县供电公司',
  `"客户反映电压低,要求处理${i}"`,
];

describe('CSV line ends', () => {
  it('reads each of 297 records whose lines end at random in CRLF, LF or a lone CR', async () => {
    const random = lcg(10);
    const ends = ['\r\n', '\n', '\r'];
    let text = HEADER.join(',') + '\r\n';
    const expected: { row: number; id: string }[] = [];
    let line = 2;
    for (let i = 0; i < 297; i++) {
      // Every tenth record has a quoted line break of its own, which is data, not a line end.
      const cells = order(i);
      const inner = i % 10 === 0 ? ends[i % 3]! : '';
      if (inner) cells[3] = `"第一行${inner}第二行"`;
      text += cells.join(',') + ends[Math.floor(random() * 3)]!;
      expected.push({ row: line, id: `GD${i}` });
      line += inner ? 2 : 1;
    }
    const { rows, broken } = await readAll(file('mixed-eol.csv', text));
    expect(broken).toEqual([]);
    expect(rows.length).toBe(298);
    expect(rows.slice(1).map((r) => ({ row: r.row, id: r.cells[0] }))).toEqual(expected);
    expect(rows[1]!.cells[3]).toBe('第一行\r\n第二行');
    expect(rows[11]!.cells[3]).toBe('第一行\n第二行');
    expect(rows[21]!.cells[3]).toBe('第一行\r第二行');
  });
});

describe('CSV limits', () => {
  it('refuses a 40 MB line at once, naming the line and the limit', async () => {
    const path = file(
      'long-line.csv',
      `${HEADER.join(',')}\n${DATA[0]!.join(',')}\n${'x'.repeat(40 * 1024 * 1024)}\n`,
    );
    const started = performance.now();
    expect(await refusal(path)).toEqual({
      code: 'CSV_LIMIT',
      exit: 2,
      message: `${path}: line 3 has a field of more than 32,767 characters (Excel's limit for a cell); the file is refused.`,
      hint: 'A 95598 export is far smaller: check that this is the right file and its delimiter, or export it again.',
    });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('refuses a header of 200,000 columns', async () => {
    const columns = Array.from({ length: 200_000 }, (_, i) => `c${i}`);
    const path = file('wide.csv', `${[...HEADER, ...columns].join(',')}\n`);
    expect((await refusal(path)).message).toBe(
      `${path}: line 1 has more than 16,384 fields (Excel's limit of columns); the file is refused.`,
    );
  });

  it('refuses a quote left open, naming the line it opened on', async () => {
    const rows = [
      HEADER.join(','),
      '1,2016-05-03,A,"客户反映',
      ...Array(20_000).fill('2,2016-05-03,B,x'),
    ];
    const path = file('open-quote-big.csv', rows.join('\n') + '\n');
    const refused = await refusal(path);
    expect(refused.message).toBe(
      `${path}: the quoted field that opens on line 2 runs on for more than 32,767 characters (Excel's limit for a cell): an unbalanced quote?`,
    );
    expect(refused.hint).toBe(
      'Look for a stray " on line 2 in a text editor, or export the file again.',
    );
  });

  it('reads a field of exactly 32,767 characters', async () => {
    const long = '长'.repeat(32_767);
    const { rows } = await readAll(
      file('longest.csv', `${HEADER.join(',')}\n1,2016-05-03,A,${long}\n`),
    );
    expect(rows[1]!.cells[3]).toBe(long);
  });
});

describe('CSV encodings that do not hold', () => {
  const lines = (from: number, n: number) =>
    Array.from({ length: n }, (_, i) => order(from + i).join(',') + '\n').join('');

  it('refuses UTF-8 for its first MiB then GB18030 (two exports joined), naming the first GB18030 line', async () => {
    const head = [Buffer.from(HEADER.join(',') + '\n')];
    let bytes = head[0]!.length;
    let n = 0;
    while (bytes < 1024 * 1024 + 100) {
      head.push(Buffer.from(lines(n++, 1)));
      bytes += head[n]!.length;
    }
    const path = file(
      'utf8-then-gb.csv',
      Buffer.concat([...head, iconv.encode(lines(n, 50), 'gb18030')]),
    );
    expect(await refusal(path)).toEqual({
      code: 'CSV_ENCODING',
      exit: 2,
      message: `${path}: line ${(n + 2).toLocaleString('en-US')} is not UTF-8 though the lines before it are; the file mixes encodings (two exports joined?).`,
      hint: 'Split the file before that line and give the parts as two inputs (the second may be GB18030), or save it again in one encoding.',
    });
  });

  it('refuses GB18030 followed by UTF-8, naming the first line that does not decode', async () => {
    const gb = iconv.encode(HEADER.join(',') + '\n' + lines(0, 30), 'gb18030');
    const path = file('gb-then-utf8.csv', Buffer.concat([gb, Buffer.from(lines(30, 30))]));
    const refused = await refusal(path);
    // GB18030 takes some UTF-8 byte pairs for characters: the line named is the first that
    // no GB18030 reading can make sense of, the first or second UTF-8 line.
    expect(refused.message).toMatch(
      new RegExp(
        `^${path}: line (32|33) is UTF-8 though the lines before it are GB18030; the file mixes encodings \\(two exports joined\\?\\)\\.$`,
      ),
    );
  });

  it('--encoding gb18030 on a UTF-8 file: the line reads as UTF-8, not "mixed encodings"', async () => {
    const path = file('utf8-forced.csv', Buffer.from(HEADER.join(',') + '\n' + lines(0, 5)));
    expect(await refusal(path, { encoding: 'gb18030' })).toMatchObject({
      code: 'CSV_ENCODING',
      message: expect.stringMatching(
        new RegExp(
          `^${path}: line [12] is not GB18030 \\(--encoding gb18030\\) but reads as UTF-8\\.$`,
        ),
      ),
      hint: 'Run again with --encoding utf-8, or without --encoding to let it be found.',
    });
  });

  it('refuses a GB18030 file with bytes no GB18030 character has', async () => {
    const good = iconv.encode(HEADER.join(',') + '\n' + lines(0, 5), 'gb18030');
    const bad = Buffer.concat([good, Buffer.from([0x31, 0x2c, 0xff, 0xfe, 0x80, 0x0a])]);
    const path = file('bad-gb.csv', Buffer.concat([bad, iconv.encode(lines(5, 5), 'gb18030')]));
    expect(await refusal(path)).toEqual({
      code: 'CSV_ENCODING',
      exit: 2,
      message: `${path}: line 7 holds bytes that are not GB18030 text; the file is damaged or in another encoding.`,
      hint: 'Export it again, or name its encoding with --encoding (utf-8, gb18030, utf-16le).',
    });
  });

  it('calls a UTF-8 file with a damaged byte damaged, not joined', async () => {
    const bytes = Buffer.from(csv([HEADER, ...DATA, ...DATA]));
    const at = bytes.indexOf(Buffer.from('黄山'));
    bytes[at + 1] = 0xff; // inside 黄, on line 3
    const path = file('damaged-utf8.csv', bytes);
    expect(await refusal(path)).toMatchObject({
      message: `${path}: line 3 holds bytes that are not UTF-8 text; the file is damaged or in another encoding.`,
    });
  });

  it('says to check --encoding when the encoding was named', async () => {
    const bytes = Buffer.concat([
      iconv.encode(HEADER.join(',') + '\n', 'gb18030'),
      Buffer.from([0x31, 0x2c, 0x81, 0x20, 0x0a]),
    ]);
    const path = file('bad-gb-named.csv', bytes);
    expect(await refusal(path, { encoding: 'gbk' })).toMatchObject({
      message: `${path}: line 2 holds bytes that are not GB18030 text; the file is damaged or in another encoding.`,
      hint: "Check --encoding gb18030: name the file's real encoding (utf-8, gb18030, utf-16le), or export it again.",
    });
  });

  it.each(['utf-8', 'gb18030'])(
    'keeps %s characters whole where 64 KiB pieces and 1 MiB reads end',
    async (encoding) => {
      const encode = (text: string) =>
        encoding === 'utf-8' ? Buffer.from(text) : iconv.encode(text, encoding);
      // Characters of 1 to 4 bytes, so one straddles every piece boundary somewhere.
      const rows = [HEADER];
      let before = encode(csv([HEADER])).length;
      for (let i = 0; before < 1024 * 1024 - 20_000; i++) {
        const row = [`GD${i}`, '2016-05-03', '国网歙县供电公司', `€a𠀀中${'é'.repeat(i % 7)}𪚥`];
        rows.push(row);
        before += encode(csv([row])).length;
      }
      // Then a filler row long enough that the four bytes of 𠀀 straddle the first 1 MiB read.
      const prefix = encode('X,2016-05-03,A,').length;
      const filler = 1024 * 1024 - 2 - before - 2 * prefix - 1;
      rows.push(['F', '2016-05-03', 'A', 'a'.repeat(filler)], ['X', '2016-05-03', 'A', '𠀀']);
      const bytes = encode(csv(rows));
      expect(bytes.subarray(1024 * 1024 - 2, 1024 * 1024 + 2)).toEqual(encode('𠀀'));
      const result = await readAll(file(`straddle-${encoding}.csv`, bytes));
      expect(result.encoding).toBe(encoding);
      expect(result.rows.map((r) => r.cells)).toEqual(rows);
    },
  );
});

describe('CSV read failures', () => {
  it('turns a system error in mid-read into a message naming the file and the line reached', async () => {
    // A stream that delivers two lines, then fails as a dying disk does.
    let sent = false;
    const bytes = new Readable({
      read() {
        if (sent) {
          this.destroy(Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' }));
          return;
        }
        sent = true;
        this.push(Buffer.from('工单编号,受理时间,供电单位\n1,2016-05-03,A\n'));
      },
    });
    const reader = csvReader({
      file: 'x.csv',
      bytes,
      encoding: 'utf-8',
      bomLength: 0,
      forced: false,
    });
    const sink = { begin: () => {}, rows: () => true, broken: () => {}, end: () => true };
    const error = (await reader.read(sink).catch((e: unknown) => e)) as InputError;
    expect(error.code).toBe('FILE_UNREADABLE');
    expect(error.message).toBe('x.csv: reading failed after line 3 (EIO).');
  });
});

describe('UTF-8 read from its bytes (issue 17)', () => {
  /** Rows of 1- to 4-byte characters, "" escapes and quoted line breaks, several MiB of them. */
  function hostileRows(count: number): string[][] {
    const next = lcg(17);
    const texts = ['客户反映停电😀', 'say "hi", then', '两行\n文本', 'é€𠀀', '', '投诉'];
    const rows = [HEADER];
    for (let i = 0; i < count; i++) {
      const text = texts[Math.floor(next() * texts.length)]!.repeat(1 + Math.floor(next() * 40));
      rows.push([
        `GD${i}`,
        '2016-05-03 10:22:11',
        i % 7 === 0 ? '国网😀供电公司' : '国网歙县',
        text,
      ]);
    }
    return rows;
  }
  const quote = (cell: string) =>
    /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
  /** The file's text, and the line each row starts on. */
  function serialise(rows: string[][], newline: string): { text: string; lines: number[] } {
    const lines: number[] = [];
    let line = 1;
    const text = rows
      .map((row) => {
        lines.push(line);
        line += 1 + row.join('').split('\n').length - 1;
        return row.map(quote).join(',');
      })
      .join(newline);
    return { text, lines };
  }

  it.each([
    ['LF, a BOM, no line end at the end', '\n', true],
    ['CRLF', '\r\n', false],
    ['CR only', '\r', false],
  ])('reads the rows of a 3 MiB file as GB18030 reads them (%s)', async (_, newline, bom) => {
    const rows = hostileRows(12_000);
    const { text, lines } = serialise(rows, newline);
    const utf8 = Buffer.concat([Buffer.from(bom ? '\uFEFF' : ''), Buffer.from(text)]);
    expect(utf8.length).toBeGreaterThan(3 * 1024 * 1024);
    const read = await readAll(file(`hostile-${rows.length}-${newline.length}${bom}.csv`, utf8));
    expect(read.encoding).toBe('utf-8');
    expect(read.rows.map((r) => r.cells)).toEqual(rows);
    expect(read.rows.map((r) => r.row)).toEqual(lines);
    expect(read.broken).toEqual([]);
    const gb = await readAll(
      file(`hostile-gb-${newline.length}.csv`, iconv.encode(text, 'gb18030')),
      {
        encoding: 'gb18030',
      },
    );
    const flat = (r: { row: number; cells: unknown[] }) => [r.row, ...r.cells];
    expect(gb.rows.map(flat)).toEqual(read.rows.map(flat));
  });

  it('reads a quoted line break that straddles a 64 KiB piece', async () => {
    // The header is 26 bytes; "a" of the quoted field falls at 65,534 and its LF at 65,536,
    // the first byte of the second piece.
    const filler = '中'.repeat(21_834);
    const text = `工单编号,受理内容\nF,${filler}\n2,"ab\n后😀",x\n3,末`;
    const bytes = Buffer.from(text);
    expect(bytes.subarray(64 * 1024 - 2, 64 * 1024 + 1).toString()).toBe('ab\n');
    const read = await readAll(file('straddle-quote.csv', bytes));
    expect(read.rows.map((r) => [r.row, ...r.cells])).toEqual([
      [1, '工单编号', '受理内容'],
      [2, 'F', filler],
      [3, '2', 'ab\n后😀', 'x'],
      [5, '3', '末'],
    ]);
  });

  it('names the line of a bad byte past the first pieces, as the decoder did', async () => {
    const rows = csv([HEADER, ...Array.from({ length: 3000 }, (_, i) => order(i))]);
    const bytes = Buffer.from(rows);
    const line2000 = bytes.indexOf(Buffer.from('\nGD1998,')) + 1;
    expect(line2000).toBeGreaterThan(64 * 1024);
    bytes[bytes.indexOf(Buffer.from('歙'), line2000) + 1] = 0x41; // 歙 cut short, on line 2,000
    const path = file('damaged-deep.csv', bytes);
    expect(await refusal(path)).toMatchObject({
      message: `${path}: line 2,000 holds bytes that are not UTF-8 text; the file is damaged or in another encoding.`,
    });
  });
});
