#!/usr/bin/env node
// Writes the small broken input files of test/files/bad/, one problem per file, and their
// README.md and expected.json (file, problem, exact 1-based line or row numbers).
//
//   node scripts/make-bad-inputs.js            write everything; old.xls and encrypted.xlsx only
//                                              when missing (they need LibreOffice)
//   node scripts/make-bad-inputs.js --soffice  also rebuild old.xls and encrypted.xlsx
//
// Everything except those two files is deterministic (fixed rows, seeded PRNG, fixed dates).
// old.xls and encrypted.xlsx are made by LibreOffice (scripts/lo-save.py) and committed as
// they are: LibreOffice stamps times and the encryption uses random salts, so reruns differ.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

import { createRng } from './lib/prng.js';
import { toDelimited } from './lib/csv.js';
import { fixZipDates } from './lib/zip-dates.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const OUT = join(HERE, '..', 'test', 'files', 'bad');
const FIXED = new Date(Date.UTC(2016, 5, 1, 9, 0, 0));
const PASSWORD = '95598';
const EOL = '\n';

const HEADERS = ['工单编号', '受理时间', '供电单位', '业务类型', '受理内容'];
/** Valid work orders; each bad file changes exactly one thing. */
const ROWS = [
  [
    '16050300000101',
    '2016-05-03 10:22:11',
    '国网歙县供电公司',
    '投诉',
    '客户反映家中电压长期偏低，晚上电灯发暗，空调启动不了，要求尽快处理。',
  ],
  [
    '16050400000102',
    '2016-05-04 08:15:40',
    '国网黄山供电公司（市直）',
    '故障报修',
    '客户报修：家中突然停电，邻居家也没有电，请尽快派人处理。',
  ],
  [
    '16050600000103',
    '2016-05-06 14:03:09',
    '国网休宁县供电公司',
    '投诉',
    '客户反映营业厅工作人员办理过户时推诿，来回跑了三趟仍未办结，要求处理。',
  ],
  [
    '16050900000104',
    '2016-05-09 16:47:52',
    '国网祁门县供电公司',
    '业务咨询',
    '客户咨询居民阶梯电价的分档标准，已向客户解释。',
  ],
  [
    '16051200000105',
    '2016-05-12 09:30:00',
    '国网黄山市黄山区供电公司',
    '投诉',
    '客户反映抢修人员报修后三个多小时才到现场，超出承诺时限，要求考核。',
  ],
  [
    '16051800000106',
    '2016-05-18 19:12:34',
    '国网黟县供电公司',
    '投诉',
    '客户反映门前施工挖开的路面十多天未恢复，出行困难，要求尽快修复。',
  ],
];

const rng = createRng(20160503);
const files = []; // { name, problem, where, expect }
const note = (name, problem, where, expect) => files.push({ name, problem, where, expect });
const out = (name) => join(OUT, name);
const csvText = (table) => toDelimited(table, { delimiter: ',', eol: EOL });
/** Physical line of data row i (0-based) in a CSV whose header is line 1. */
const lineOf = (i) => i + 2;

async function xlsxBuffer({ withRows = true, withHeader = true, rows = null } = {}) {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'complaints test files';
  wb.created = FIXED;
  wb.modified = FIXED;
  const ws = wb.addWorksheet('工单明细');
  if (!withHeader) {
    wb.addWorksheet('Sheet2');
    return fixZipDates(await wb.xlsx.writeBuffer(), FIXED);
  }
  ws.addRow(HEADERS);
  if (rows) for (const r of rows) ws.addRow(r);
  else if (withRows) {
    for (const r of ROWS) {
      const [date, time] = r[1].split(' ');
      const [y, mo, d] = date.split('-').map(Number);
      const [h, mi, s] = time.split(':').map(Number);
      const row = ws.addRow([r[0], new Date(Date.UTC(y, mo - 1, d, h, mi, s)), ...r.slice(2)]);
      row.getCell(2).numFmt = 'yyyy-mm-dd hh:mm:ss';
    }
  }
  [18, 20, 28, 10, 60].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  return fixZipDates(await wb.xlsx.writeBuffer(), FIXED);
}

/** Random bytes that cannot be taken for text or for a known container. */
function garbage(n) {
  const b = rng.bytes(n);
  b[0] = 0x8f; // not PK (zip), not D0 CF (OLE), not a BOM, not ASCII
  b[1] = 0x00;
  b[n >> 1] = 0x00;
  return b;
}

function hasLibreOffice() {
  const office = spawnSync('soffice', ['--version'], { encoding: 'utf8' });
  const py = spawnSync('/usr/bin/python3', ['-c', 'import uno'], { encoding: 'utf8' });
  return office.status === 0 && py.status === 0;
}

function libreOfficeSave(src, dst, filter, password) {
  const args = [join(HERE, 'lo-save.py'), src, dst, filter];
  if (password) args.push(password);
  const r = spawnSync('/usr/bin/python3', args, { encoding: 'utf8', timeout: 180000 });
  if (r.status !== 0) {
    throw new Error(`lo-save.py failed for ${dst}: ${r.stderr || r.stdout || r.error}`);
  }
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const forceOffice = process.argv.includes('--soffice');
  const good = await xlsxBuffer();

  writeFileSync(out('empty.csv'), Buffer.alloc(0));
  note('empty.csv', 'zero bytes', '-', 'unreadable: exit 2, "file is empty"');

  writeFileSync(out('garbage.bin'), garbage(1024));
  note(
    'garbage.bin',
    '1024 random bytes (seeded PRNG), with NUL bytes at offsets 1 and 512; no known signature',
    '-',
    'unreadable: exit 2, not a spreadsheet or text file',
  );
  writeFileSync(out('garbage.csv'), garbage(2048));
  note(
    'garbage.csv',
    '2048 random bytes named .csv, with NUL bytes at offsets 1 and 1024; not valid UTF-8, no BOM',
    '-',
    'unreadable: exit 2, binary content in a .csv',
  );

  const half = good.subarray(0, Math.floor(good.length / 2));
  writeFileSync(out('truncated.xlsx'), half);
  note(
    'truncated.xlsx',
    `the first ${half.length} of the ${good.length} bytes of a valid xlsx: starts with PK, has no central directory`,
    '-',
    'unreadable: exit 2, damaged or incomplete xlsx',
  );

  writeFileSync(out('renamed-xlsx.csv'), good);
  note(
    'renamed-xlsx.csv',
    `a complete, valid xlsx (sheet 工单明细, header row 1, ${ROWS.length} data rows) named .csv; starts with PK\\x03\\x04`,
    '-',
    'never parsed as CSV text: sniffed and read as xlsx (6 rows, 4 complaints), with a note that it is an xlsx',
  );

  writeFileSync(out('header-only.xlsx'), await xlsxBuffer({ withRows: false }));
  note(
    'header-only.xlsx',
    'sheet 工单明细 with the header on row 1 and no data rows',
    'header: row 1; data: none',
    'unreadable: exit 2, "the header is on row 1 but no data rows follow it" (an export with no rows is a wrong query, not a month without complaints)',
  );

  writeFileSync(out('totals-only.xlsx'), await xlsxBuffer({ rows: [['', '', '总计', '', 6]] }));
  note(
    'totals-only.xlsx',
    'sheet 工单明细 with the header on row 1 and one 总计 row under it (a summary table saved as xlsx)',
    'header: row 1; total: row 2; data: none',
    'unreadable: exit 2, "only 1 total row (合计/总计) follows it; total rows are not work orders", and export the detail list (工单明细)',
  );

  writeFileSync(out('bom-only.csv'), Buffer.from([0xef, 0xbb, 0xbf]));
  note(
    'bom-only.csv',
    'the UTF-8 byte-order mark and nothing else (what Excel saves as "CSV UTF-8" from an empty sheet)',
    '-',
    'unreadable: exit 2, "the file holds nothing", as for 0 bytes (not "no header found")',
  );

  writeFileSync(out('blank-lines.csv'), ',,,,\r\n'.repeat(3));
  note(
    'blank-lines.csv',
    'three lines of empty fields (,,,,), nothing else',
    'lines 1-3',
    'unreadable: exit 2, "the file holds nothing" (not "no header found")',
  );

  writeFileSync(out('empty-sheets.xlsx'), await xlsxBuffer({ withHeader: false }));
  note(
    'empty-sheets.xlsx',
    'a workbook of two sheets (工单明细, Sheet2), both empty',
    '-',
    'unreadable: exit 2, "every sheet of the workbook is empty" (not "no header found")',
  );

  writeFileSync(out('header-only.csv'), csvText([HEADERS]));
  note(
    'header-only.csv',
    'the header line and its newline, nothing else',
    'header: line 1; data: none',
    'unreadable: exit 2, "the header is on row 1 but no data rows follow it" (an export with no rows is a wrong query, not a month without complaints)',
  );

  writeFileSync(
    out('totals-only.csv'),
    csvText([HEADERS, ['', '', '合计', '', '6'], ['', '', '总计', '', '6']]),
  );
  note(
    'totals-only.csv',
    'the header line, then a 合计 line and a 总计 line with a count, no work order',
    'header: line 1; totals: lines 2-3; data: none',
    'unreadable: exit 2, "only 2 total rows (合计/总计) follow it; total rows are not work orders", and export the detail list (工单明细)',
  );

  writeFileSync(out('no-header.csv'), csvText(ROWS));
  note(
    'no-header.csv',
    `${ROWS.length} valid data lines, no header line (line 1 is already a work order)`,
    `data: lines 1-${ROWS.length}`,
    'unreadable: exit 2, no recognisable header row (suggest --map)',
  );

  writeFileSync(
    out('missing-unit.csv'),
    csvText([
      HEADERS.filter((h) => h !== '供电单位'),
      ...ROWS.map((r) => r.filter((_, i) => i !== 2)),
    ]),
  );
  note(
    'missing-unit.csv',
    'header 工单编号,受理时间,业务类型,受理内容: no unit (供电单位) column',
    'header: line 1',
    'unreadable: exit 2, required column unit missing (names the headers it looked for, suggests --map unit=...)',
  );

  // unbalanced quote: the content field of data row 3 opens a quote that never closes
  {
    const i = 2;
    const lines = [HEADERS.join(','), ...ROWS.map((r) => r.join(','))];
    const r = ROWS[i];
    lines[i + 1] = [...r.slice(0, 4), `"${r[4]}`].join(',');
    writeFileSync(out('unbalanced-quote.csv'), lines.join(EOL) + EOL);
    note(
      'unbalanced-quote.csv',
      `the 受理内容 field of line ${lineOf(i)} starts with a double quote that is never closed, so the rest of the file falls inside it`,
      `line ${lineOf(i)} (field 5); lines ${lineOf(i + 1)}-${lineOf(ROWS.length - 1)} are swallowed by the open quote`,
      `error or rejects naming line ${lineOf(i)} ("unterminated quote"); lines 2-3 before it are good rows`,
    );
  }

  // ragged: one row with a field too many, one with a field too few
  {
    const extra = 1;
    const short = 4;
    const table = [HEADERS, ...ROWS.map((r) => r.slice())];
    table[extra + 1].push('多余字段');
    table[short + 1] = table[short + 1].slice(0, 4);
    writeFileSync(out('ragged.csv'), csvText(table));
    note(
      'ragged.csv',
      `line ${lineOf(extra)} has 6 fields (one too many); line ${lineOf(short)} has 4 fields (受理内容 missing)`,
      `lines ${lineOf(extra)} and ${lineOf(short)}`,
      `rejects for lines ${lineOf(extra)} and ${lineOf(short)} (exit 3 with --strict); the other ${ROWS.length - 2} rows are read`,
    );
  }

  // impossible dates
  {
    const table = [HEADERS, ...ROWS.map((r) => r.slice())];
    const [feb, month13] = [2, 4]; // two complaints
    table[feb + 1][1] = '2016-02-30 10:00:00';
    table[month13 + 1][1] = '2016-13-45 08:00:00';
    writeFileSync(out('bad-date.csv'), csvText(table));
    note(
      'bad-date.csv',
      `受理时间 '2016-02-30 10:00:00' on line ${lineOf(feb)} and '2016-13-45 08:00:00' on line ${lineOf(month13)} (both complaints)`,
      `lines ${lineOf(feb)} and ${lineOf(month13)}`,
      `rejects for lines ${lineOf(feb)} and ${lineOf(month13)}, never rolled over to March or to 2017 (exit 3 with --strict); ${ROWS.length - 2} rows read`,
    );
  }

  // an acceptance time in the future: 2061 typed for 2016
  {
    const i = 4; // a complaint
    const table = [HEADERS, ...ROWS.map((r) => r.slice())];
    table[i + 1][1] = '2061-05-12 09:30:00';
    writeFileSync(out('future-date.csv'), csvText(table));
    note(
      'future-date.csv',
      `受理时间 '2061-05-12 09:30:00' on line ${lineOf(i)} (a complaint; 2061 typed for 2016)`,
      `line ${lineOf(i)}`,
      `a reject for line ${lineOf(i)}, "over a year after today" (exit 3 with --strict), so that it does not become the period; ${ROWS.length - 1} rows read`,
    );
  }

  // an acceptance time of 1900-01-01: an empty date as SQL Server writes it
  {
    const i = 2; // a complaint
    const table = [HEADERS, ...ROWS.map((r) => r.slice())];
    table[i + 1][1] = '1900-01-01 00:00:00';
    writeFileSync(out('early-date.csv'), csvText(table));
    note(
      'early-date.csv',
      `受理时间 '1900-01-01 00:00:00' on line ${lineOf(i)} (a complaint; the empty date of a database)`,
      `line ${lineOf(i)}`,
      `a reject for line ${lineOf(i)}, "before 2000" (exit 3 with --strict), so that the exports do not seem to cover 1900 to 2016 (a year earlier "0 complaints"); ${ROWS.length - 1} rows read`,
    );
  }

  // empty unit
  {
    const i = 2;
    const table = [HEADERS, ...ROWS.map((r) => r.slice())];
    table[i + 1][2] = '';
    writeFileSync(out('empty-unit.csv'), csvText(table));
    note(
      'empty-unit.csv',
      `供电单位 is empty on line ${lineOf(i)}`,
      `line ${lineOf(i)}`,
      `a reject for line ${lineOf(i)} (exit 3 with --strict); ${ROWS.length - 1} rows read`,
    );
  }

  await hostileText();

  // The two files that need LibreOffice.
  const officeFiles = [
    {
      name: 'old.xls',
      filter: 'MS Excel 97',
      password: null,
      problem: `a real BIFF8 .xls (OLE compound file with a Workbook stream), same ${ROWS.length} rows as the valid xlsx; saved by LibreOffice Calc`,
      expect: 'unreadable: exit 2, ".xls is not supported", saying how to convert it to .xlsx',
      check: (b) =>
        b.subarray(0, 8).toString('hex') === 'd0cf11e0a1b11ae1' &&
        b.includes(Buffer.from('Workbook', 'utf16le')),
    },
    {
      name: 'encrypted.xlsx',
      filter: 'Calc MS Excel 2007 XML',
      password: PASSWORD,
      problem: `a real password-protected xlsx (password ${PASSWORD}): OLE compound file with EncryptionInfo and EncryptedPackage streams, ECMA-376 standard encryption (AES-128); saved by LibreOffice Calc; holds the same ${ROWS.length} rows`,
      expect:
        'unreadable: exit 2, "file is password-protected: remove the password and save again"',
      check: (b) =>
        b.subarray(0, 8).toString('hex') === 'd0cf11e0a1b11ae1' &&
        b.includes(Buffer.from('EncryptionInfo', 'utf16le')) &&
        b.includes(Buffer.from('EncryptedPackage', 'utf16le')),
    },
  ];
  const missing = officeFiles.filter((f) => forceOffice || !existsSync(out(f.name)));
  if (missing.length) {
    if (!hasLibreOffice()) {
      console.warn(
        `warning: ${missing.map((f) => f.name).join(', ')} not (re)built: needs LibreOffice ` +
          '(apt-get install -y libreoffice-calc-nogui python3-uno)',
      );
    } else {
      const tmp = mkdtempSync(join(tmpdir(), 'complaints-bad-'));
      try {
        const src = join(tmp, 'source.xlsx');
        writeFileSync(src, good);
        for (const f of missing) {
          const dst = join(tmp, f.name);
          libreOfficeSave(src, dst, f.filter, f.password);
          writeFileSync(out(f.name), readFileSync(dst));
          console.log(`built ${f.name} with LibreOffice`);
        }
      } finally {
        rmSync(tmp, { recursive: true, force: true });
      }
    }
  }
  for (const f of officeFiles) {
    if (!existsSync(out(f.name))) continue;
    if (!f.check(readFileSync(out(f.name)))) throw new Error(`${f.name} is not what it should be`);
    note(f.name, f.problem, '-', f.expect);
  }

  files.sort((a, b) => (a.name < b.name ? -1 : 1));
  writeFileSync(
    join(OUT, 'expected.json'),
    JSON.stringify(
      {
        generatedBy: 'scripts/make-bad-inputs.js',
        headers: HEADERS,
        rows: ROWS.length,
        encoding: 'CSV files: UTF-8 without BOM, LF line endings, comma separated',
        lineNumbers: '1-based physical lines; the header is line 1, so data row i is line i+1',
        files,
      },
      null,
      2,
    ) + '\n',
  );
  writeFileSync(join(OUT, 'README.md'), readme());
  console.log(`wrote ${files.length} files to test/files/bad/`);
}

/** ROWS repeated to n rows, each with its own work-order id. */
function manyRows(n) {
  return Array.from({ length: n }, (_, i) => {
    const r = ROWS[i % ROWS.length].slice();
    r[0] = `${r[0].slice(0, -3)}${String(i + 1).padStart(3, '0')}`;
    return r;
  });
}

/**
 * The hostile text files of issue 10: line ends, quotes, encodings and control characters.
 * Files over 20 data rows are there for the rule that refuses a file when more than half of
 * at least 20 data rows fail for one reason. Big cases (a 40 MB line, 200,000 columns, a MiB
 * of UTF-8 before GB18030) are made by the tests themselves.
 */
async function hostileText() {
  const textRng = createRng(95598);
  const many = manyRows(24);
  const line = (r) => r.join(',');
  const quoted = (r) => [...r.slice(0, 4), `"${r[4]}"`].join(',');

  {
    const ends = ['\r\n', '\n', '\r'];
    // Every kind at least once, then at random.
    const pick = (i) => (i < 3 ? ends[i] : textRng.pick(ends));
    const text = [HEADERS, ...many].map((r, i) => line(r) + pick(i)).join('');
    writeFileSync(out('mixed-line-ends.csv'), text);
    note(
      'mixed-line-ends.csv',
      `header and ${many.length} rows whose lines end at random in CRLF, LF or a lone CR (seeded)`,
      `data: lines 2-${many.length + 1}`,
      `every row read (${many.length} rows, 16 complaints), no rejects: a lone CR ends a line as in Python's csv`,
    );
  }

  writeFileSync(
    out('stray-quote-header.csv'),
    [HEADERS.join(',') + ',"', ...many.map(quoted)].join(EOL) + EOL,
  );
  note(
    'stray-quote-header.csv',
    'the header line ends in a stray `,"`; the 受理内容 fields of the data are quoted',
    'line 1, whose open quote runs into line 2',
    'unusable: exit 2, "the header on line 1 cannot be split into columns"',
  );

  writeFileSync(
    out('unescaped-quotes.csv'),
    [
      HEADERS.join(','),
      ...many.map((r) => [...r.slice(0, 4), `"客户说"${r[4].slice(0, 6)}"，要求处理"`].join(',')),
    ].join(EOL) + EOL,
  );
  note(
    'unescaped-quotes.csv',
    `${many.length} rows whose quoted 受理内容 holds quotes that are not doubled (text after the closing quote)`,
    `lines 2-${many.length + 1}`,
    `unusable: exit 2, "${many.length} of ${many.length} data rows rejected: malformed quotes …"`,
  );

  writeFileSync(
    out('unreadable-dates.csv'),
    [
      HEADERS.join(','),
      ...many.map((r) => {
        const [y, mo, d] = r[1].slice(0, 10).split('-');
        return line([r[0], `${mo}/${d}/${y}${r[1].slice(10)}`, ...r.slice(2)]);
      }),
    ].join(EOL) + EOL,
  );
  note(
    'unreadable-dates.csv',
    `${many.length} rows whose 受理时间 is written month/day/year (05/03/2016 10:22:11)`,
    `lines 2-${many.length + 1}`,
    `unusable: exit 2, "${many.length} of ${many.length} data rows rejected: 受理时间 '05/03/2016 10:22:11' is not a date …"`,
  );

  {
    const table = ROWS.map((r) => r.slice());
    table[0][2] = '国网歙县\u0000供电公司';
    table[2][2] = '国网休宁县供电公司\u0001';
    table[4][3] = '投\u0007诉';
    writeFileSync(out('control-chars.csv'), csvText([HEADERS, ...table]));
    note(
      'control-chars.csv',
      '供电单位 with a NUL on line 2 and a \\x01 on line 4; 业务类型 投\\x07诉 on line 6',
      'lines 2, 4 and 6',
      'read: the control characters are removed from the values (6 rows, 4 complaints, units as in the clean file), with a note counting 3 values',
    );
  }

  {
    const table = ROWS.map((r) => r.slice());
    table[2][2] = '国网休宁县\ufffd\ufffd供电公司';
    writeFileSync(out('garbled-unit.csv'), csvText([HEADERS, ...table]));
    note(
      'garbled-unit.csv',
      '供电单位 on line 4 holds two U+FFFD (valid UTF-8 EF BF BD: text garbled by an earlier conversion)',
      'line 4',
      'a reject for line 4, never a unit of its own (exit 3 with --strict); 5 rows read',
    );
  }

  writeFileSync(
    out('joined-encodings.csv'),
    Buffer.concat([
      Buffer.from(csvText([HEADERS, ...ROWS.slice(0, 3)])),
      iconv.encode(csvText(ROWS.slice(3)), 'gb18030'),
    ]),
  );
  note(
    'joined-encodings.csv',
    'the header and 3 rows in UTF-8, then 3 rows in GB18030 (two exports joined with cat)',
    'line 5 is the first GB18030 line',
    'unreadable: exit 2, "line 5 is not UTF-8 though the lines before it are; the file mixes encodings"',
  );

  writeFileSync(
    out('bom-joined-encodings.csv'),
    Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(csvText([HEADERS, ...ROWS.slice(0, 3)])),
      iconv.encode(csvText(ROWS.slice(3)), 'gb18030'),
    ]),
  );
  note(
    'bom-joined-encodings.csv',
    'a UTF-8 BOM, the header and 3 rows in UTF-8, then 3 rows in GB18030 (an Excel "CSV UTF-8" export and a GB18030 one joined with cat)',
    'line 5 is the first GB18030 line',
    'unreadable: exit 2, "line 5 is not UTF-8 though the lines before it are; the file mixes encodings" (not "binary data")',
  );

  writeFileSync(
    out('tab-separated.xls'),
    iconv.encode(toDelimited([HEADERS, ...ROWS], { delimiter: '\t', eol: '\r\n' }), 'gb18030'),
  );
  note(
    'tab-separated.xls',
    'tab-separated GB18030 text named .xls (the "Excel" download of many web systems), CRLF',
    '-',
    'read as text (6 rows, 4 complaints), with a note that it is a text file despite its name; it was refused as "not an xlsx workbook (often an HTML table)"',
  );

  writeFileSync(
    out('html-table.xlsx'),
    '<html><head><meta charset="utf-8"></head><body><table>\n' +
      [HEADERS, ...ROWS]
        .map((r) => `<tr>${r.map((v) => `<td>${v}</td>`).join('')}</tr>`)
        .join('\n') +
      '\n</table></body></html>\n',
  );
  note(
    'html-table.xlsx',
    'an HTML page holding the export as a <table>, named .xlsx (a web system\'s "Excel" download, renamed)',
    '-',
    'unreadable: exit 2, "an HTML page (a web table), not an xlsx workbook or CSV text" (not "no header row found")',
  );

  {
    const lines = [HEADERS, ...ROWS].map((r) => iconv.encode(line(r) + EOL, 'gb18030'));
    // 0x81 opens a two-byte character; a space cannot end one.
    lines[3] = Buffer.concat([
      lines[3].subarray(0, 20),
      Buffer.from([0x81, 0x20]),
      lines[3].subarray(20),
    ]);
    writeFileSync(out('bad-gb18030.csv'), Buffer.concat(lines));
    note(
      'bad-gb18030.csv',
      'GB18030 with the bytes 81 20 (a lead byte, then a space) inside line 4',
      'line 4',
      'unreadable: exit 2, "line 4 holds bytes that are not GB18030 text"',
    );
  }
}

function readme() {
  const lines = [
    '# Bad input files',
    '',
    'Written by `node scripts/make-bad-inputs.js`; do not edit by hand. Each file has one',
    'problem and is otherwise valid: the standard headers',
    `\`${HEADERS.join(',')}\` and ${ROWS.length} work orders (4 complaints) of 2016-05.`,
    'CSV files are UTF-8 without BOM, LF line endings. Line numbers are 1-based physical',
    'lines (the header is line 1). `expected.json` holds the same facts for tests.',
    '',
    '`old.xls` and `encrypted.xlsx` were produced by LibreOffice Calc 7.4 (headless, through',
    '`scripts/lo-save.py`) and are committed as binaries; they are rebuilt only when missing or',
    `with \`--soffice\`. The password of \`encrypted.xlsx\` is \`${PASSWORD}\`.`,
    '',
    '| file | problem | where | expected behaviour |',
    '|---|---|---|---|',
    ...files.map((f) => `| \`${f.name}\` | ${f.problem} | ${f.where} | ${f.expect} |`),
    '',
  ];
  return lines.join('\n');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
