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

async function xlsxBuffer({ withRows = true } = {}) {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'complaints test files';
  wb.created = FIXED;
  wb.modified = FIXED;
  const ws = wb.addWorksheet('工单明细');
  ws.addRow(HEADERS);
  if (withRows) {
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

  writeFileSync(out('header-only.csv'), csvText([HEADERS]));
  note(
    'header-only.csv',
    'the header line and its newline, nothing else',
    'header: line 1; data: none',
    'unreadable: exit 2, "the header is on row 1 but no data rows follow it" (an export with no rows is a wrong query, not a month without complaints)',
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
